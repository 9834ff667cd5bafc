"""One module per export format, in the manner of networkx's ``readwrite``.

:mod:`nascar_kg.visualizations.exports` picks the module for a format name.
"""
