"""User key bindings: ``<user config dir>/newsbrowse/keymap.toml`` maps binding ids to keys.

Example::

    # newsbrowse keymap: binding id = key, or a list of keys
    [keys]
    "reader.next_match" = "n"
    "app.help" = ["question_mark", "f1"]

The ids are listed on the help screen (``?``). A top-level table without ``[keys]`` works too.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from newsbrowse.index.locations import APP


def keymap_path() -> Path:
    """Where the user's keymap lives."""
    return platformdirs.user_config_path(APP) / "keymap.toml"


@dataclass
class LoadedKeymap:
    """The bindings to apply, and what was wrong with the file (shown as a warning)."""

    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def parse_keymap(source: str, known_ids: Iterable[str] = ()) -> LoadedKeymap:
    """Parse keymap TOML; unknown ids and bad values are reported, not fatal."""
    result = LoadedKeymap()
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        result.problems.append(f"keymap.toml: {error}")
        return result
    table = data.get("keys", data)
    if not isinstance(table, dict):
        result.problems.append("keymap.toml: [keys] must be a table")
        return result
    known = set(known_ids)
    for binding_id, value in table.items():
        if known and binding_id not in known:
            result.problems.append(f"keymap.toml: unknown binding id {binding_id!r}")
            continue
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = ",".join(value)
        if not isinstance(value, str) or not value.strip():
            result.problems.append(f"keymap.toml: {binding_id!r} needs a key string")
            continue
        result.keys[binding_id] = ",".join(part.strip() for part in value.split(","))
    return result


def load_keymap(path: Path | None = None, known_ids: Iterable[str] = ()) -> LoadedKeymap:
    """Read the user's keymap file, if there is one."""
    path = path or keymap_path()
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadedKeymap()
    except (OSError, UnicodeDecodeError) as error:
        return LoadedKeymap(problems=[f"keymap.toml: {error}"])
    return parse_keymap(source, known_ids)
