"""Narrowing the networkx graph before drawing or exporting it.

``select`` is what ``viz`` and ``export`` apply for ``--focus/--depth``,
``--relations`` and ``--season``. It never changes the graph it is given.

Examples
--------
>>> from nascar_kg.graph.model import EntityRef, GraphBatch, Relation
>>> from nascar_kg.graph.networkx import to_networkx
>>> heim, tricon = EntityRef("Corey Heim", "Driver"), EntityRef("TRICON Garage", "Team")
>>> G = to_networkx(GraphBatch(relations=[
...     Relation(heim, "drove_for", tricon),
...     Relation(EntityRef("Toyota", "Manufacturer"), "sponsors", tricon),
...     Relation(EntityRef("Bootie Barker", "CrewChief"), "endorses", heim)]))
>>> sorted(G.nodes[n]["name"] for n in select(G, focus="corey heim", depth=1))
['Bootie Barker', 'Corey Heim', 'TRICON Garage']
>>> sorted(d["predicate"] for *_, d in select(G, relations=["affiliated_with"]).edges(data=True))
['sponsors']
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from nascar_kg.errors import NameResolutionError, UsageError
from nascar_kg.ontology import vocabulary


def select(G, *, focus: str | None = None, depth: int = 2,
           relations: Iterable[str] | str | None = None,
           seasons: tuple[int | None, int | None] | str | int | None = None):
    """The part of ``G`` asked for, as a new graph.

    * ``relations``: predicate names; a broad predicate (``affiliated_with``)
      includes its narrower kinds (``owns``, ``sponsors``, ``crew_chief_for``).
    * ``seasons``: ``(from, to)`` (either end may be None); keeps the edges with
      a season record in that range and the edges with no season records at all.
    * ``focus``/``depth``: the entities within ``depth`` hops of ``focus`` (a
      name or an alias, case-insensitive), over the edges the filters above kept.

    When ``relations`` or ``seasons`` drop edges, entities left with none are
    dropped too (except the focus). The focus node is recorded as
    ``graph["focus"]`` (the static map draws it in bold, the page selects it).
    """
    from nascar_kg.graph.networkx import focus_subgraph

    wanted = _predicates(relations)
    span = _season_span(seasons)
    center = None
    if focus is not None:
        if depth is None or int(depth) < 0:
            raise UsageError(f"--depth must be 0 or more, not {depth!r}")
        center = resolve(G, focus)
    H = G.copy()
    if wanted is not None or span is not None:
        drop = [(u, v, k) for u, v, k, d in H.edges(keys=True, data=True)
                if (wanted is not None and d.get("predicate") not in wanted)
                or (span is not None and not _in_span(d.get("seasons") or [], span))]
        H.remove_edges_from(drop)
        H.remove_nodes_from([n for n in list(H) if H.degree(n) == 0 and n != center])
    if center is not None:
        H = focus_subgraph(H, center, int(depth))
    H.graph.update(G.graph)
    if center is not None:
        H.graph["focus"] = center
    return H


def resolve(G, name: str) -> str:
    """The node of ``G`` named ``name`` (or with that alias); a clear error if none or several."""
    from nascar_kg.graph.networkx import find_node
    from nascar_kg.ontology.registry import fold
    from nascar_kg.errors import quoted_name

    node = find_node(G, name)
    if node is not None:
        return node
    key = fold(name)
    labels: dict[str, str] = {}  # folded name or alias -> "Name (Type)"
    hits = []
    for n, d in G.nodes(data=True):
        shown = f"{d.get('name', n)} ({d.get('type', '?')})"
        keys = {fold(d.get("name", "")), *(fold(a) for a in d.get("aliases", ()))}
        for k in keys:
            labels.setdefault(k, shown)
        if key in keys:
            hits.append(shown)
    if len(hits) > 1:
        hits = sorted(hits)
        raise NameResolutionError(f"{quoted_name(name)} is ambiguous: it names {', '.join(hits)}",
                                  candidates=hits)
    close = difflib.get_close_matches(key, list(labels), n=5, cutoff=0.6)
    contains = [k for k in labels if key and (key in k or k in key) and k not in close]
    candidates = list(dict.fromkeys(labels[k] for k in [*close, *contains[:5]]))
    hint = f"; closest: {', '.join(candidates)}" if candidates else ""
    raise NameResolutionError(f"no entity named {quoted_name(name)} in the graph{hint}",
                              candidates=candidates)


def _predicates(relations) -> set[str] | None:
    """The predicate names to keep, narrower kinds included; None to keep all."""
    if relations is None:
        return None
    if isinstance(relations, str):
        relations = [r for r in relations.split(",")]
    asked = [r.strip() for r in relations if r and r.strip()]
    if not asked:
        return None
    voc = vocabulary()
    unknown = [r for r in asked if r not in voc.predicates]
    if unknown:
        raise UsageError(f"unknown predicate {', '.join(map(repr, unknown))}; "
                         f"known: {', '.join(voc.predicate_names)}")
    keep = set()
    for name in voc.predicates:
        p = name
        while p is not None:  # the predicate and everything it is a kind of
            if p in asked:
                keep.add(name)
                break
            p = voc.predicates[p].parent
    return keep


def _season_span(seasons) -> tuple[int | None, int | None] | None:
    if seasons is None or seasons == "":
        return None
    if isinstance(seasons, int):
        return seasons, seasons
    if isinstance(seasons, str):
        first, _, last = seasons.partition("-")
        try:
            seasons = (int(first), int(last or first))
        except ValueError:
            raise UsageError(f"{seasons!r} is not a season or a FROM-TO range") from None
    lo, hi = seasons
    lo = int(lo) if lo is not None else None
    hi = int(hi) if hi is not None else None
    if lo is not None and hi is not None and lo > hi:
        raise UsageError(f"season range {lo}-{hi}: the first season is after the last")
    return lo, hi


def _in_span(records: list, span: tuple[int | None, int | None]) -> bool:
    if not records:
        return True
    lo, hi = span
    for rec in records:
        season = rec.get("season") if isinstance(rec, dict) else getattr(rec, "season", None)
        if season is None:
            continue
        if (lo is None or season >= lo) and (hi is None or season <= hi):
            return True
    return False
