"""spaCy set-up: a blank Chinese pipeline with the character segmenter and a
PhraseMatcher built from the phrase patterns kept as data (patterns/*.jsonl).

No model is downloaded or loaded: ``spacy.blank("zh")`` uses the built-in
character segmenter (jieba would cut phrases at word boundaries, and
spacy-pkuseg downloads its model at run time). Phrases are matched on
character tokens, so 听证告知书于 … never hides 听证.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class PhraseHit:
    """One phrase found in a text: its label and id from the pattern file, and character span."""

    label: str
    id: str
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _engine():
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("zh")  # char segmenter; nothing downloaded
    matcher = PhraseMatcher(nlp.vocab)
    ids: dict[int, tuple[str, str]] = {}
    by_key: dict[str, list] = {}
    folder = resources.files("casereview.extract").joinpath("patterns")
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".jsonl"):
            continue
        for line in entry.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            pat = json.loads(line)
            key = f"{pat['label']}:{pat['id']}"
            by_key.setdefault(key, []).append(nlp.make_doc(pat["pattern"]))
    for key, docs in by_key.items():
        matcher.add(key, docs)
        label, pid = key.split(":", 1)
        ids[nlp.vocab.strings[key]] = (label, pid)
    return nlp, matcher, ids


def find_phrases(text: str) -> list[PhraseHit]:
    """Every pattern phrase in ``text`` (overlaps kept), in text order."""
    if not text:
        return []
    from spacy.tokens import Doc

    nlp, matcher, ids = _engine()
    # One token per character, as the blank zh char segmenter makes them, built
    # directly (its Python-level whitespace handling costs 5x the matching).
    words = list(text)
    doc = Doc(nlp.vocab, words=words, spaces=[False] * len(words))
    hits = []
    for match_id, start, end in matcher(doc):
        span = doc[start:end]
        label, pid = ids[match_id]
        hits.append(PhraseHit(label, pid, span.start_char, span.end_char, span.text))
    hits.sort(key=lambda h: (h.start, -h.end))
    return hits
