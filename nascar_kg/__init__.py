"""nascar-kg: a knowledge graph of NASCAR people, teams and relationships.

The package's layers, each importing only those before it: ``nascar_kg.ontology``
(the model), ``nascar_kg.graph`` (entities, provenance, stores),
``nascar_kg.loaders`` and ``nascar_kg.queries``, ``nascar_kg.visualizations``,
and the command line in ``nascar_kg.cli``.
"""

__version__ = "0.1.0"
