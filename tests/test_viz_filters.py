"""Selecting the part of the graph to draw or export: focus, relations, seasons."""

from __future__ import annotations

import pytest

from nascar_kg.errors import NameResolutionError, UsageError
from nascar_kg.visualizations.filters import select

from test_viz_sample import sample_graph


def names(G):
    return sorted(d["name"] for _, d in G.nodes(data=True))


def preds(G):
    return sorted(d["predicate"] for _, _, d in G.edges(data=True))


def test_focus_by_name_alias_and_case():
    G = sample_graph()
    one = select(G, focus="Corey Heim", depth=1)
    assert names(one) == ["23XI Racing", "Bootie Barker", "Corey Heim", "Denny Hamlin",
                          "Greg Biffle", "Sam Hunt Racing", "TRICON Garage", "Ty Gibbs"]
    assert names(select(G, focus="heim", depth=1)) == names(one)
    assert names(select(G, focus="COREY HEIM", depth=1)) == names(one)
    two = select(G, focus="Heim", depth=2)
    assert {"Toyota", "Joe Gibbs Racing"} <= set(names(two))
    assert names(select(G, focus="Heim", depth=0)) == ["Corey Heim"]
    assert G.number_of_nodes() > two.number_of_nodes()  # the input is untouched


def test_focus_keeps_evidence_on_edges():
    sub = select(sample_graph(), focus="Corey Heim", depth=1)
    quotes = [e["text"] for _, _, d in sub.edges(data=True) for e in d["evidence"]]
    assert any("lingering feud" in q for q in quotes)


def test_unknown_name_lists_close_candidates():
    with pytest.raises(NameResolutionError) as err:
        select(sample_graph(), focus="Corey Hiem")
    assert "Corey Heim (Driver)" in err.value.candidates
    assert "Corey Heim" in str(err.value)


def test_ambiguous_name_is_an_error():
    import networkx as nx

    G = nx.MultiDiGraph()
    G.add_node("a", name="Kyle Busch", type="Driver", aliases=["Busch"])
    G.add_node("b", name="Kurt Busch", type="Driver", aliases=["Busch"])
    with pytest.raises(NameResolutionError, match="ambiguous") as err:
        select(G, focus="busch")
    assert sorted(err.value.candidates) == ["Kurt Busch (Driver)", "Kyle Busch (Driver)"]


def test_relations_include_narrower_kinds():
    G = sample_graph()
    assert preds(select(G, relations=["affiliated_with"])) == [
        "affiliated_with", "affiliated_with", "affiliated_with", "owns", "sponsors"]
    assert preds(select(G, relations="endorses,feuded_with")) == [
        "endorses", "endorses", "endorses", "feuded_with"]
    sub = select(G, relations=["endorses"], focus="Heim", depth=3)
    assert names(sub) == ["Bootie Barker", "Corey Heim", "Denny Hamlin", "Greg Biffle"]
    with pytest.raises(UsageError, match="unknown predicate"):
        select(G, relations=["likes"])


def test_focus_survives_a_filter_that_leaves_it_alone():
    assert names(select(sample_graph(), relations=["owns"], focus="Corey Heim")) == ["Corey Heim"]


def test_seasons_keep_overlapping_and_unrecorded_edges():
    G = sample_graph()
    tricon = lambda H: [d for u, v, d in H.edges(data=True)  # noqa: E731
                        if H.nodes[v]["name"] == "TRICON Garage" and d["predicate"] == "drove_for"]
    assert tricon(select(G, seasons=(2024, 2024)))
    assert tricon(select(G, seasons=(2020, 2023)))
    assert not tricon(select(G, seasons=(2026, 2030)))
    assert tricon(select(G, seasons="2025"))
    kept = select(G, seasons=(2026, 2030))
    assert "endorses" in preds(kept)  # no season records: kept
    gibbs_jgr = [d for u, v, d in select(G, seasons=(2025, 2025)).edges(data=True)
                 if d.get("seasons") and d["seasons"][0]["series"] == "NASCAR Cup Series"]
    assert not gibbs_jgr
    assert tricon(select(G, seasons=(None, 2023)))
    with pytest.raises(UsageError):
        select(G, seasons=(2025, 2023))
