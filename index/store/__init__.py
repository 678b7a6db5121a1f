"""The on-disk index of one corpus: a cache of what reading and extraction made of it.

- ``store``: the :class:`Store`: open, check, lock and update the index in its folder;
- ``documents``: the one owner of the stored format (schema, document, readers, JSON);
- ``prepare``: one file to the document it becomes (also run in build workers);
- ``build``: big builds in parallel, segments written in worker processes;
- ``segments``: Whoosh segments written a term at a time (what every writer uses);
- ``state``: the sidecar state beside the index (files, speakers, newest-first listing);
- ``folders``: the index folder and its builds: what newsbrowse owns on disk;
- ``scan`` and ``watch``: the corpus folder walked, and watched while the app is open;
- ``lockfile``: the process lock.

Each name loads its module on first use: ``check_index_dir`` needs no Whoosh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import exports

if TYPE_CHECKING:
    from .documents import stored_article, stored_hit, stored_quotes, stored_text
    from .folders import check_index_dir
    from .state import CorpusState, load_newest, newest_first
    from .store import Store
    from .watch import FolderWatch

__all__ = [
    "CorpusState",
    "FolderWatch",
    "Store",
    "check_index_dir",
    "load_newest",
    "newest_first",
    "stored_article",
    "stored_hit",
    "stored_quotes",
    "stored_text",
]
__getattr__ = exports(
    globals(),
    {
        "Store": "store",
        "CorpusState": "state",
        "load_newest": "state",
        "newest_first": "state",
        "check_index_dir": "folders",
        "FolderWatch": "watch",
        "stored_article": "documents",
        "stored_hit": "documents",
        "stored_quotes": "documents",
        "stored_text": "documents",
    },
)
