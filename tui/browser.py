"""Opening an article's web address in the user's browser (``o`` in the reader).

The address comes from the article file, so it is checked before any browser sees it: only
an ``http``/``https`` URL without spaces or control characters is handed to
:func:`webbrowser.open` (which starts the browser without a shell).
"""

from __future__ import annotations

import re
import webbrowser

_WEB_ADDRESS = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f\"'<>\\^`{|}]+", re.IGNORECASE)


def openable(url: str | None) -> bool:
    """Whether ``url`` is a web address newsbrowse will hand to a browser."""
    return bool(url) and _WEB_ADDRESS.fullmatch(url or "") is not None


def open_in_browser(url: str) -> bool:
    """Open ``url`` in the default browser; ``False`` when it is refused or none opens it."""
    if not openable(url):
        return False
    try:
        return bool(webbrowser.open(url, new=2))
    except webbrowser.Error:
        return False
