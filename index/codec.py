"""JSON round-trips for extraction results (stored in the index and the sidecar state)."""

from __future__ import annotations

import json
from typing import Any

from .model import ArticleSpeaker, Extraction, Mention, Quote


def speaker_to_dict(sp: ArticleSpeaker) -> dict[str, Any]:
    return {
        "name": sp.name,
        "kind": sp.kind,
        "aliases": list(sp.aliases),
        "roles": list(sp.roles),
        "gender": sp.gender,
    }


def speaker_from_dict(d: dict[str, Any]) -> ArticleSpeaker:
    return ArticleSpeaker(
        name=d["name"],
        kind=d["kind"],
        aliases=tuple(d.get("aliases", ())),
        roles=tuple(d.get("roles", ())),
        gender=d.get("gender"),
    )


def quote_to_dict(q: Quote) -> dict[str, Any]:
    mention = q.mention
    return {
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "kind": q.kind,
        "speaker": q.speaker,
        "speaker_kind": q.speaker_kind,
        "mention": [mention.start, mention.end, mention.text] if mention else None,
        "cue": q.cue,
        "confidence": q.confidence,
    }


def quote_from_dict(d: dict[str, Any]) -> Quote:
    m = d.get("mention")
    return Quote(
        start=d["start"],
        end=d["end"],
        text=d["text"],
        kind=d["kind"],
        speaker=d.get("speaker"),
        speaker_kind=d.get("speaker_kind"),
        mention=Mention(m[0], m[1], m[2]) if m else None,
        cue=d.get("cue"),
        confidence=d.get("confidence", 0.5),
    )


def dumps_extraction(ex: Extraction) -> str:
    return json.dumps(
        {
            "quotes": [quote_to_dict(q) for q in ex.quotes],
            "speakers": [speaker_to_dict(s) for s in ex.speakers],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def loads_extraction(text: str) -> Extraction:
    data = json.loads(text)
    return Extraction(
        quotes=tuple(quote_from_dict(q) for q in data.get("quotes", ())),
        speakers=tuple(speaker_from_dict(s) for s in data.get("speakers", ())),
    )
