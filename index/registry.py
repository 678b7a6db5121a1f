"""The corpus's speakers, merged once per index change and kept with the sidecar state."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from .speakers import SpeakerIndex, merge_counted, speaker_terms
from .state import ArticleSpeakers


@dataclass
class SpeakerRegistry:
    """Merged speakers plus what search needs from them."""

    index: SpeakerIndex
    names: dict[str, set[str]] = field(default_factory=dict)  # id -> folded local names
    by_article: dict[str, set[str]] = field(default_factory=dict)  # article -> quoted ids

    def names_for(self, text: str) -> list[str]:
        """Folded names to search for ``speaker:text`` (every merged spelling)."""
        found = {" ".join(speaker_terms(text))}
        for sid in self.index.resolve(text):
            found |= self.names.get(sid, set())
        return sorted(n for n in found if n)


def build_registry(articles: Mapping[str, ArticleSpeakers]) -> SpeakerRegistry:
    """Merge every article's speakers (quote counts are all the merge needs of quotes)."""
    index = merge_counted(
        {aid: (a.speakers, Counter(name for name, _ in a.quotes)) for aid, a in articles.items()}
    )
    registry = SpeakerRegistry(index)
    for aid, a in articles.items():
        quoted = {name for name, _ in a.quotes if name}
        for sp in a.speakers:
            sid = index.speaker_id(aid, sp.name)
            if sid is None:
                continue
            registry.names.setdefault(sid, set()).add(" ".join(speaker_terms(sp.name)))
            if sp.name in quoted:
                registry.by_article.setdefault(aid, set()).add(sid)
    return registry
