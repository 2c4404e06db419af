"""Features of a sentence: words, characters, domain lexicon cues, shape and context.

A feature is a string; the model weights them by TF-IDF. Context features (the section a
sentence sits in, its position, the heading's topic) start with ``x:`` so a sentence given
alone — a ledger row, a pasted finding — is described by the same features minus those.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .structure import Sentence, strip_marker
from .taxonomy import CAUSES, PROBLEMS
from .tokenizer import Segment, tokenize

CONTEXT_PREFIX = "x:"
_PUNCT = re.compile(r"^[\W_]+$")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Lexicon:
    """A named list of cue terms (data/lexicon/NAME.txt)."""
    name: str
    terms: tuple[str, ...]


@lru_cache(maxsize=1)
def lexicons() -> tuple[Lexicon, ...]:
    """Every lexicon shipped in data/lexicon/, sorted by name."""
    folder = resources.files("zuofeng_nlp.data").joinpath("lexicon")
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".txt"):
            continue
        terms = []
        for line in entry.read_text(encoding="utf-8").splitlines():
            term = normalize(line.split("#", 1)[0])
            if term:
                terms.append(term)
        out.append(Lexicon(entry.name[:-4], tuple(dict.fromkeys(terms))))
    return tuple(out)


def normalize(text: str) -> str:
    """NFKC (full-width → half-width punctuation and digits), lower case, no white space."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def lexicon_hits(text: str) -> list[tuple[str, str]]:
    """(lexicon name, term) for every cue term found in the normalised ``text``."""
    return [(lex.name, term) for lex in lexicons() for term in lex.terms if term in text]


def topics_named(title: str) -> list[str]:
    """Problem categories and cause types a heading names (by name or by a cue term)."""
    norm = normalize(title)
    found = [name for name in PROBLEMS + CAUSES if name in norm]
    if found:
        return found
    return sorted({name.split("_", 1)[1] for name, _ in lexicon_hits(norm)
                   if name.startswith(("problem_", "cause_")) and name.split("_", 1)[1] in PROBLEMS + CAUSES})


def _length_bucket(n: int) -> str:
    for limit in (6, 12, 20, 35, 60, 100):
        if n <= limit:
            return str(limit)
    return "long"


def sentence_body(text: str) -> str:
    """The normalised text the features are computed from (numbering stripped)."""
    return normalize(strip_marker(text)) or normalize(text)


def text_features(text: str, segment: Segment = tokenize) -> list[str]:
    """Features of the sentence text alone."""
    body = sentence_body(text)
    words = [w for w in segment(body) if not _PUNCT.match(w)]
    feats = ["w:" + w for w in words]
    feats += ["b:" + a + "_" + b for a, b in zip(words, words[1:])]
    chars = re.sub(r"[\W_]+", "|", body)
    feats += ["c:" + chars[i:i + 2] for i in range(len(chars) - 1) if "|" not in chars[i:i + 2]]
    feats += ["c:" + chars[i:i + 3] for i in range(len(chars) - 2) if "|" not in chars[i:i + 3]]
    for name, _term in lexicon_hits(body):
        feats.append("lex:" + name)
    feats.append("len:" + _length_bucket(len(body)))
    last = normalize(text)[-1:] or "_"
    feats.append("end:" + (last if last in "。;!?:," else "open"))
    if _DIGIT.search(body):
        feats.append("digit")
    return feats


def shape_features(sentence: Sentence) -> list[str]:
    """Numbering and heading shape (part of the sentence itself, kept in sentence mode)."""
    feats = [f"marker:{sentence.marker_level}"]
    if sentence.heading_like:
        feats.append("headlike")
    return feats


def context_features(sentence: Sentence, has_findings_section: bool) -> list[str]:
    """Where the sentence stands in its report: section kind and topic, position."""
    x = CONTEXT_PREFIX
    feats = [x + "sec:" + sentence.section_kind,
             x + "pos:" + ("0" if sentence.position == 0 else "1" if sentence.position == 1 else "n")]
    if sentence.section and sentence.section != sentence.text:
        feats += [x + "topic:" + t for t in topics_named(sentence.section)]
    if sentence.parent_section:
        feats += [x + "ptopic:" + t for t in topics_named(sentence.parent_section)]
    if has_findings_section:
        feats.append(x + "docfind")
    return feats


def sentence_features(sentence: Sentence, has_findings_section: bool, with_context: bool = True,
                      segment: Segment = tokenize) -> list[str]:
    """All features of one sentence; ``with_context=False`` describes it as if given alone."""
    feats = text_features(sentence.text, segment) + shape_features(sentence)
    if with_context:
        feats += context_features(sentence, has_findings_section)
    return feats
