"""Package exports loaded on first use (PEP 562), so importing a light name stays light.

A package's ``__init__`` maps each exported name to the module that defines it; that module
is imported when the name is first asked for (``from newsbrowse.index import Library``), and
the name is kept. Static tools see the names through ``if TYPE_CHECKING:`` imports.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def exports(namespace: dict[str, Any], homes: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for the package whose globals are ``namespace``.

    ``homes`` maps each exported name to its module, relative to the package (``"errors"``).
    """
    package = namespace["__name__"]

    def __getattr__(name: str) -> Any:
        if name not in homes:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{homes[name]}"), name)
        namespace[name] = value
        return value

    return __getattr__
