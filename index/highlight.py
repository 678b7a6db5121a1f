"""Moved to :mod:`newsbrowse.index.search.highlight`; kept for library.py until it moves too."""

from .search.highlight import *  # noqa: F403
