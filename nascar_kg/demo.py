"""The demo: the bundled sample article, ingested, questioned and drawn."""

from __future__ import annotations

from dataclasses import replace
from importlib import resources
from pathlib import Path

SAMPLE = "heim-cup-ready.txt"
DEMO_ENDORSED = "Corey Heim"
DEMO_PATH = ("Toyota", "Corey Heim")


def sample_path() -> Path:
    """Where the bundled sample article is installed."""
    return Path(str(resources.files("nascar_kg").joinpath("samples", SAMPLE)))


def run_demo(out_dir: str | Path, echo=print, note=print) -> dict:
    """Build ``out_dir/db`` from the sample, write ``out_dir/graph.html``, print answers."""
    from nascar_kg.graph.networkx import to_networkx
    from nascar_kg.graph.rdf_store import RDFStore
    from nascar_kg.loaders.articles import ingest_documents
    from nascar_kg.loaders.documents import read_document
    from nascar_kg.queries import find_paths, stats, who_endorses
    from nascar_kg.queries.paths import format_path
    from nascar_kg.visualizations.html import write_html

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with RDFStore(out / "db") as store:
        # the sample is known by its name, not by where the package is installed
        sample = replace(read_document(str(sample_path())), source=SAMPLE)
        ingest_documents(store, [sample])
        counts = stats(store)
        endorsements = who_endorses(store, DEMO_ENDORSED)
        paths = find_paths(store, *DEMO_PATH)
        html = write_html(to_networkx(store.read_all()), out / "graph.html",
                          title="nascar-kg demo: the sample article",
                          source_note=f"Source: {SAMPLE}")
    n_entities = sum(counts["entities"].values())
    n_relations = sum(counts["relations"].values())
    note(f"Built the graph of {SAMPLE} in {out / 'db'}: "
         f"{n_entities} entities, {n_relations} relations.")
    echo(f"Who endorses {endorsements['endorsed']['name']}?")
    for endorser in endorsements["endorsers"]:
        echo(f"  {endorser['name']} ({endorser['type']}, confidence {endorser['confidence']:.2f})")
        for ev in endorser["evidence"]:
            echo(f"    “{ev['text']}”")
    echo("")
    echo(f"Paths from {paths['from']['name']} to {paths['to']['name']}:")
    for p in paths["paths"]:
        echo(f"  {format_path(p)}")
    echo("")
    echo(f"Interactive graph: {html}")
    return {"stats": counts, "endorsements": endorsements, "paths": paths, "html": str(html)}
