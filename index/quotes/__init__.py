"""Quote extraction: an article's text to its :class:`~newsbrowse.index.model.Extraction`.

Plain Python, deterministic, no model; it never touches the index or search. The stages,
each a module, bottom up:

- ``lexicon`` (word lists in ``data/``) and ``tokens``: words and their spans;
- ``marks``: quoted segments and the sentences around them;
- ``phrases``: noun phrases that can name a speaker, and what each one is;
- ``entities``: who is who in the article (surnames, roles, pronouns);
- ``cues``, ``content``, ``reports``: each reporting cue with its subject and content;
- ``sieves``: which segments are quotes and who said them, and the indirect quotes;
- ``scores``: every confidence, window and weight, in one table;
- ``extract``: the driver;
- ``fingerprint``: what of a quote survives rewording, for the corpus's clusters.

The stages share short local names: ``s`` a sentence, ``seg`` a quoted segment, ``tok`` a
sentence's tokens with ``k``/``i``/``j``/``e`` indexes into them, ``np`` a noun phrase,
``r`` a report, ``ent`` an entity, ``f`` a find, ``ctx`` what the sieves carry between
sentences.
"""

from .extract import EXTRACTOR_VERSION, extract_quotes

__all__ = ["EXTRACTOR_VERSION", "extract_quotes"]
