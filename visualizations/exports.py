"""``nascar-kg export``: the graph in the formats other tools read.

=========  ===================================  =========================================
format     file                                 what travels with it
=========  ===================================  =========================================
graphml    one ``.graphml``                     all attributes; evidence, sources, seasons
                                                as JSON strings; edge id = assertion IRI
gexf       one ``.gexf`` (Gephi)                the same, plus ``viz`` colors, sizes, shapes
csv        ``nodes.csv`` + ``edges.csv`` in     Gephi's headers; evidence, sources, seasons
           the folder ``out_path``              as JSON cells; formula cells neutralised
cytoscape  one ``.cyjs``/``.json``              evidence, sources, seasons as lists; styles
jsonld     one ``.jsonld``                      the store's RDF: assertions, evidence,
turtle     one ``.ttl``                         documents, season records (from ``batch``
ntriples   one ``.nt`` (sorted lines)           when given, for documents' hashes)
cypher     one ``.cypher`` (Neo4j 5)            confidence, evidence (JSON and texts),
                                                sources, seasons on each relationship
mermaid    one ``.mmd``                         evidence and sources as ``%%`` comments
png, svg   one image (print map)                the documents cited, in the source line
=========  ===================================  =========================================

Every file is written atomically (a temporary file, then a rename).
"""

from __future__ import annotations

import importlib
from pathlib import Path

from nascar_kg.errors import UsageError

EXPORT_FORMATS = ("graphml", "gexf", "csv", "cytoscape", "jsonld", "turtle", "ntriples",
                  "cypher", "mermaid", "png", "svg")

_WRITERS = {
    "graphml": ("graphml", "write_graphml", ".graphml"),
    "gexf": ("gexf", "write_gexf", ".gexf"),
    "csv": ("csvfiles", "write_csv", ""),
    "cytoscape": ("cytoscape", "write_cytoscape", ".cyjs"),
    "jsonld": ("rdf", "write_jsonld", ".jsonld"),
    "turtle": ("rdf", "write_turtle", ".ttl"),
    "ntriples": ("rdf", "write_ntriples", ".nt"),
    "cypher": ("cypher", "write_cypher", ".cypher"),
    "mermaid": ("mermaid", "write_mermaid", ".mmd"),
    "png": ("staticmap", "write_png", ".png"),
    "svg": ("staticmap", "write_svg", ".svg"),
}
_ALIASES = {"ttl": "turtle", "nt": "ntriples", "json-ld": "jsonld", "cyjs": "cytoscape",
            "mmd": "mermaid", "neo4j": "cypher"}

DEFAULT_EXTENSIONS = {fmt: ext for fmt, (_, _, ext) in _WRITERS.items()}
"""The file extension of each format (``csv`` writes a folder)."""


def export(G, fmt: str, out_path, *, title: str = "nascar-kg", batch=None,
           source_note: str = "") -> list[Path]:
    """Write ``G`` (a graph of ``to_networkx``, maybe narrowed) as ``fmt`` to ``out_path``.

    ``csv`` writes ``nodes.csv`` and ``edges.csv`` into the folder
    ``out_path``; every other format writes the file ``out_path`` (or
    ``graph.<ext>`` inside it when it is an existing folder). RDF formats use
    ``batch`` (the ``GraphBatch`` the graph came from) for full provenance.
    Returns the paths written.
    """
    name = _ALIASES.get(str(fmt).lower(), str(fmt).lower())
    if name not in _WRITERS:
        raise UsageError(f"unknown export format {fmt!r}; known: {', '.join(EXPORT_FORMATS)}")
    module_name, func_name, ext = _WRITERS[name]
    out = Path(out_path)
    if name != "csv" and out.is_dir():
        out = out / f"graph{ext}"
    module = importlib.import_module(f"nascar_kg.visualizations.readwrite.{module_name}")
    writer = getattr(module, func_name)
    kwargs = {"title": title}
    if module_name == "rdf":
        kwargs["batch"] = batch
    if module_name == "staticmap":
        kwargs["source_note"] = source_note
    return writer(G, out, **kwargs)
