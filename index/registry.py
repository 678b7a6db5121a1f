"""Moved to :mod:`newsbrowse.index.speakers`; kept for library.py until it moves too."""

from .speakers import SpeakerRegistry, build_registry

__all__ = ["SpeakerRegistry", "build_registry"]
