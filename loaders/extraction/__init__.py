"""Extraction of NASCAR entities and relations from article text.

>>> from nascar_kg.loaders.extraction import Extractor
>>> result = Extractor().extract("Some text.", document="a.txt")   # doctest: +SKIP
>>> result.to_json()["document"]                                     # doctest: +SKIP
'a.txt'

Importing this package does not import spaCy; the model loads on the first extraction.
"""

from .extractor import EXTRACTOR_NAME, EXTRACTOR_VERSION, Extractor
from .model import DocumentExtraction, ExtractedEntity, ExtractedRelation, Mention

__all__ = [
    "EXTRACTOR_NAME", "EXTRACTOR_VERSION", "Extractor", "DocumentExtraction",
    "ExtractedEntity", "ExtractedRelation", "Mention",
]
