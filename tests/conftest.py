"""Shared fixtures: where the shared data is, a hand-built sample graph, and stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from nascar_kg.graph.model import Document, Entity, EntityRef, Evidence, GraphBatch, Relation
from server_fixtures import bolt, clean_bolt, clean_sparql, sparql  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("the shared folder beside the project (corpus, gold, data) is not here")
    return SHARED


@pytest.fixture(scope="session")
def sample_text(shared_dir) -> str:
    return (shared_dir / "corpus" / "heim-cup-ready.txt").read_text(encoding="utf-8")


def _ref(name, type_):
    return EntityRef(name, type_)


def sample_graph(doc_source: str = "sample.txt", sha: str = "a" * 64) -> GraphBatch:
    """A small graph like the sample article's, built by hand (no extractor involved)."""
    doc = Document(sha, doc_source, title="Heim is Cup ready")
    heim, barker = _ref("Corey Heim", "Driver"), _ref("Bootie Barker", "CrewChief")
    hamlin, biffle = _ref("Denny Hamlin", "Driver"), _ref("Greg Biffle", "Driver")
    gibbs, xi = _ref("Ty Gibbs", "Driver"), _ref("23XI Racing", "Team")
    toyota, shr = _ref("Toyota", "Manufacturer"), _ref("Sam Hunt Racing", "Team")

    def ev(text, start, conf=0.9):
        return [Evidence(doc, text, start, start + len(text), conf, "test", "1")]

    relations = [
        Relation(barker, "endorses", heim, ev("Bootie Barker told me Heim is Cup ready right now", 100)),
        Relation(hamlin, "endorses", heim, ev("Heim also enjoys endorsements from Denny Hamlin", 200, 0.8)),
        Relation(biffle, "endorses", heim, ev("and Greg Biffle, the driver whose record Heim matched", 300, 0.7)),
        Relation(heim, "feuded_with", gibbs, ev("a lingering feud with Ty Gibbs", 400)),
        Relation(heim, "drove_for", xi, ev("his Cup Series top-10 finish with 23XI Racing", 500)),
        Relation(heim, "drove_for", shr, ev("appearances in the Xfinity Series with Sam Hunt Racing", 600)),
        Relation(heim, "affiliated_with", toyota, ev("Toyota, the manufacturer linked to both drivers", 700)),
        Relation(gibbs, "affiliated_with", toyota, ev("Toyota, the manufacturer linked to both drivers", 700)),
        Relation(xi, "affiliated_with", toyota, ev("23XI Racing fields Toyotas", 800)),
        Relation(hamlin, "owns", xi, ev("Denny Hamlin, co-owner of 23XI Racing", 900)),
        Relation(barker, "crew_chief_for", heim, ev("a veteran crew chief who has worked with Heim", 1000)),
    ]
    entities = [Entity("Corey Heim", "Driver", ("Heim",)), Entity("23XI Racing", "Team", ("23XI",)),
                Entity("Ty Gibbs", "Driver", ("Gibbs",))]
    return GraphBatch(entities=entities, documents=[doc], relations=relations)


@pytest.fixture
def sample_batch() -> GraphBatch:
    return sample_graph()
