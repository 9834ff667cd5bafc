"""Questions asked of the graph, in the language of whichever store holds it.

Each function takes an opened :class:`~nascar_kg.graph.store.GraphStore` and
returns plain data in the shapes of the command-line contract.
"""

from nascar_kg.queries.careers import career, roster
from nascar_kg.queries.endorsements import who_endorses
from nascar_kg.queries.neighborhood import neighbors
from nascar_kg.queries.paths import find_paths
from nascar_kg.queries.resolve import resolve_entity
from nascar_kg.queries.statistics import stats

__all__ = ["who_endorses", "find_paths", "neighbors", "stats", "resolve_entity", "career",
           "roster"]
