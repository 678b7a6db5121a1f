"""Moved to :mod:`newsbrowse.index.search.compile`; kept for library.py until it moves too."""

from .search.compile import *  # noqa: F403
