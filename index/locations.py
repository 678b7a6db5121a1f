"""Where things live on disk: the bundled corpus and the per-corpus index folders."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import platformdirs

APP = "newsbrowse"


def bundled_corpus() -> Path:
    """The seed articles shipped with the package."""
    from .. import seeds  # the newsbrowse.seeds package

    return Path(seeds.__path__[0])


def default_index_dir(corpus: Path) -> Path:
    """One index per corpus folder, in the user's cache directory (a read-only corpus works)."""
    corpus = corpus.resolve()
    digest = hashlib.blake2b(str(corpus).encode("utf-8", "surrogatepass"), digest_size=6)
    name = re.sub(r"[^\w.-]+", "_", corpus.name)[:40] or "root"
    return platformdirs.user_cache_path(APP) / "indexes" / f"{name}-{digest.hexdigest()}"
