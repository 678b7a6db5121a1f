"""Moved to :mod:`newsbrowse.index.search.collect`; kept for library.py until it moves too."""

from .search.collect import *  # noqa: F403
