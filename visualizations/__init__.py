"""Drawing and exporting the graph: the interactive page, the print map, the file formats.

* :mod:`~nascar_kg.visualizations.filters`: ``select`` narrows a graph (focus,
  depth, relations, seasons);
* :mod:`~nascar_kg.visualizations.html`: ``write_html``, ``html_string`` and
  ``show`` (Jupyter), a self-contained offline page;
* :mod:`~nascar_kg.visualizations.exports`: ``export`` and ``EXPORT_FORMATS``,
  with one module per format in :mod:`~nascar_kg.visualizations.readwrite`;
* :mod:`~nascar_kg.visualizations.browser`: a headless-Chromium driver for
  tests and screenshots.

Heavy libraries (pyvis, matplotlib, rdflib) are imported inside the functions
that need them.
"""
