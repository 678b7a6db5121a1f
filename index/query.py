"""Moved to :mod:`newsbrowse.index.search.query`; kept for library.py until it moves too."""

from .search.query import *  # noqa: F403
