"""Quote extraction: an article's text to its :class:`~newsbrowse.index.model.Extraction`.

Plain Python, deterministic, no model; it never touches the index or search. The stages,
each a module, bottom up:

- ``lexicon`` (word lists in ``data/``) and ``tokens``: words and their spans;
- ``marks``: quoted segments and the sentences around them;
- ``bounds`` and ``phrases``: where a noun phrase that can name a speaker begins and ends,
  and what it is (a person behind titles, an organisation, a role, a pronoun, a document);
- ``entities``: who is who in the article; ``names`` fills it before anything is
  attributed (names, roles, appositions, the salience of each mention, genders the
  article's pronouns give, places);
- ``salience`` (pronouns) and ``roles`` (role nouns and descriptions): whom a reference
  means, or the candidates when it is unclear;
- ``cues``, ``subjects``, ``tags``, ``content``, ``reports``: each reporting cue with its
  subject and its content;
- ``sieves`` (quoted segments), ``signed`` (transcript labels, dash signatures),
  ``context`` (what came before: follow-ons, lead-ins, quotes across paragraphs), ``turns``
  (interview turns), ``indirect`` (reports with no quote marks);
- ``scores``: every confidence, window and weight, and the calibrated confidence each way of
  attributing gives, in one table;
- ``extract``: the driver; ``repeats``: which earlier statement of a speaker a new one
  repeats (counted once);
- ``fingerprint``: what of a quote survives rewording, for the corpus's clusters.

The stages share short local names: ``s`` a sentence, ``seg`` a quoted segment, ``tok`` a
sentence's tokens with ``k``/``i``/``j``/``e`` indexes into them, ``np`` a noun phrase,
``r`` a report, ``ent`` an entity, ``f`` a find, ``ctx`` what the sieves carry between
sentences.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import exports

# Bump whenever what the extractor finds changes: existing indexes then extract again. Kept
# here, not in ``extract``: opening an index checks it, and importing the extractor's
# stages costs every command a tenth of a second.
EXTRACTOR_VERSION = 9

if TYPE_CHECKING:
    from .extract import extract_quotes

__all__ = ["EXTRACTOR_VERSION", "extract_quotes"]
__getattr__ = exports(globals(), {"extract_quotes": "extract"})
