"""Moved to :mod:`newsbrowse.index.quotes`; kept for ``store.py`` until it moves too."""

from .quotes import EXTRACTOR_VERSION, extract_quotes

__all__ = ["EXTRACTOR_VERSION", "extract_quotes"]
