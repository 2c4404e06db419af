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
#: Character n-gram lengths (words come from jieba; characters catch what segmentation splits).
CHAR_NGRAMS = (2, 3)  # 4-grams added nothing in writer-grouped CV (problems micro-F1 0.849 vs 0.853)
#: Runs of digits and Latin letters (dates, numbers, file names) become one placeholder character:
#: their spelling carries no category, and jieba and rjieba split such runs differently.
_ALNUM_RUN = re.compile(r"[0-9a-z][0-9a-z.\-_%+#&/:]*")
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
            term = _ALNUM_RUN.sub("0", normalize(line.split("#", 1)[0]))  # folded like sentence bodies
            if term:
                terms.append(term)
        out.append(Lexicon(entry.name[:-4], tuple(dict.fromkeys(terms))))
    return tuple(out)


def normalize(text: str) -> str:
    """NFKC (full-width → half-width punctuation and digits), lower case, no white space."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


@lru_cache(maxsize=1)
def _term_index() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """First two characters → ((term, names of the lexicons holding it), …)."""
    names: dict[str, list[str]] = {}
    for lex in lexicons():
        for term in lex.terms:
            names.setdefault(term, []).append(lex.name)
    index: dict[str, list] = {}
    for term, holders in names.items():
        index.setdefault(term[:2], []).append((term, tuple(holders)))
    return {k: tuple(v) for k, v in index.items()}


def lexicon_hits(text: str) -> list[tuple[str, str]]:
    """(lexicon name, term) for every cue term found in the normalised ``text`` (each pair once)."""
    index = _term_index()
    found = {}
    for i in range(len(text)):
        for term, holders in index.get(text[i:i + 2], ()):
            if text.startswith(term, i):
                for name in holders:
                    found[(name, term)] = None
    return list(found)


@lru_cache(maxsize=4096)
def topics_named(title: str) -> tuple[str, ...]:
    """Problem categories and cause types a heading names (by name or by a cue term)."""
    norm = normalize(title)
    found = tuple(name for name in PROBLEMS + CAUSES if name in norm)
    if found:
        return found
    return tuple(sorted({name.split("_", 1)[1] for name, _ in lexicon_hits(norm)
                         if name.startswith(("problem_", "cause_")) and name.split("_", 1)[1] in PROBLEMS + CAUSES}))


def _length_bucket(n: int) -> str:
    for limit in (6, 12, 20, 35, 60, 100):
        if n <= limit:
            return str(limit)
    return "long"


def sentence_body(text: str) -> str:
    """The normalised text the features are computed from (numbering stripped, numbers folded)."""
    body = normalize(strip_marker(text)) or normalize(text)
    return _ALNUM_RUN.sub("0", body)


def text_features(text: str, segment: Segment = tokenize) -> list[str]:
    """Features of the sentence text alone."""
    body = sentence_body(text)
    words = [w for w in segment(body) if not _PUNCT.match(w)]
    feats = ["w:" + w for w in words]
    feats += ["b:" + a + "_" + b for a, b in zip(words, words[1:])]
    chars = re.sub(r"[\W_]+", "|", body)
    for n in CHAR_NGRAMS:
        feats += ["c:" + chars[i:i + n] for i in range(len(chars) - n + 1) if "|" not in chars[i:i + n]]
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


@dataclass(frozen=True)
class Context:
    """What surrounds a sentence in its report: the kinds of section the report has, and its neighbours."""
    section_kinds: frozenset = frozenset()
    previous: Sentence | None = None
    following: Sentence | None = None


def document_contexts(sentences, section_kinds) -> list[Context | None]:
    """The Context of every sentence of a report, in order; a lone sentence has none (read alone)."""
    if len(sentences) < 2:
        return [None] * len(sentences)
    kinds = frozenset(section_kinds)
    return [Context(kinds, sentences[i - 1] if i else None, sentences[i + 1] if i + 1 < len(sentences) else None)
            for i in range(len(sentences))]


def context_features(sentence: Sentence, context: Context) -> list[str]:
    """Where the sentence stands in its report: section kind and topic, position, neighbours."""
    x = CONTEXT_PREFIX
    feats = [x + "sec:" + sentence.section_kind,
             x + "pos:" + ("0" if sentence.position == 0 else "1" if sentence.position == 1 else "n")]
    if sentence.section and sentence.section != sentence.text:
        feats += [x + "topic:" + t for t in topics_named(sentence.section)]
    if sentence.parent_section:
        feats += [x + "ptopic:" + t for t in topics_named(sentence.parent_section)]
    feats += [x + "doc:" + kind for kind in sorted(context.section_kinds)]
    if context.following is None and not sentence.heading_like and looks_cut_off(sentence.text):
        feats.append(x + "cutoff")
    for name, other in (("prev", context.previous), ("next", context.following)):
        if other is None:
            feats.append(f"{x}{name}:none")
            continue
        feats.append(f"{x}{name}:marker{other.marker_level}")
        if other.heading_like:
            feats.append(f"{x}{name}:head")
        if other.marker_level and other.marker_level == sentence.marker_level:
            feats.append(f"{x}{name}:samelevel")
    return feats


_ENDED = re.compile(r"[。！？；!?;：:）)”’\"'」』】》]\s*$")


def looks_cut_off(text: str) -> bool:
    """The text stops mid-sentence (an excerpt's end): no closing punctuation, or an ellipsis."""
    body = text.strip()
    return body.endswith(("...", "…")) or (len(body) > 12 and not _ENDED.search(body))


def sentence_features(sentence: Sentence, context: Context | None, segment: Segment = tokenize) -> list[str]:
    """All features of one sentence; ``context=None`` describes it as if given alone."""
    feats = text_features(sentence.text, segment) + shape_features(sentence)
    if context is not None:
        feats += context_features(sentence, context)
    return feats


_READABLE_CONTEXT = {"sec": "所在章节", "topic": "标题类别", "ptopic": "上级标题类别", "doc": "报告含章节",
                     "pos": "章节内位置", "prev": "上一句", "next": "下一句"}


def readable_feature(feature: str) -> str:
    """A feature as a reviewer can read it: 拖沓, 办事 拖沓, 词典:慢作为, 所在章节:findings …"""
    kind, _, rest = feature.partition(":")
    if kind in ("w", "c"):
        return rest
    if kind == "b":
        return rest.replace("_", " ")
    if kind == "lex":
        return "词典:" + rest.split("_", 1)[-1]
    if kind == "x":
        name, _, value = rest.partition(":")
        return f"{_READABLE_CONTEXT.get(name, name)}:{value}"
    return {"marker": "编号层级", "end": "句末", "len": "长度≤"}.get(kind, kind) + rest
