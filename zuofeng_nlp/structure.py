"""Split a report into sections and sentences with end-exclusive character offsets.

``text[s.start:s.end] == s.text`` holds for every :class:`Sentence` and :class:`Section`.
Headings are recognised in the usual forms (一、 （一） (一) 1. 1、 （1） ① 一是 第一 其一 …);
lines hard-wrapped by a PDF export are joined back before sentences are cut.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .taxonomy import SECTION_KINDS, SECTION_OTHER

#: Characters that end a sentence (full-width and half-width).
SENTENCE_ENDS = "。！？；!?;"
#: Characters that may follow a sentence end and still belong to the sentence.
CLOSERS = "”’\"'）)】」』》"
_LINE_END_PUNCT = SENTENCE_ENDS + "：:…"

_CN_NUM = "一二三四五六七八九十百零〇"
#: (level, pattern) — the heading grammar, most specific first.
HEADING_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^第[{_CN_NUM}]+[部分章节条]")),
    (1, re.compile(rf"^[{_CN_NUM}]+\s*[、.．]")),
    (2, re.compile(rf"^[（(]\s*[{_CN_NUM}]+\s*[）)]")),
    (3, re.compile(r"^\d{1,2}\s*[、.．](?!\d)")),
    (4, re.compile(r"^[（(]\s*\d{1,2}\s*[）)]")),
    (4, re.compile(r"^\d{1,2}\s*[）)]")),
    (5, re.compile(r"^[①-⑳]")),
    (6, re.compile(rf"^(?:[{_CN_NUM}]是|第[{_CN_NUM}]+[，,、：:]?|其[{_CN_NUM}][，,、：:]?|首先|其次|再次|最后)")),
    (1, re.compile(r"^#{1,6}\s")),
)
#: Line widths (characters) at which a PDF export plausibly hard-wrapped the text.
MIN_WRAP_WIDTH, MAX_WRAP_WIDTH = 30, 240  # display units: a CJK character counts 2
#: A line at least this share of the wrap width was filled to the margin (a wrap, not a line end).
FULL_LINE_SHARE = 0.93
#: Longest text (in characters, without spaces) that still reads as a heading line.
MAX_HEADING_CHARS = 40


@dataclass(frozen=True)
class Section:
    """A part of the report opened by a level-1 or level-2 heading (or the part before any)."""
    start: int
    end: int
    title: str
    kind: str
    level: int


@dataclass(frozen=True)
class Sentence:
    """One sentence of the report and the structure around it."""
    index: int
    start: int
    end: int
    text: str
    #: The nearest heading above the sentence (its own text when it is a heading), or "".
    section: str = ""
    #: findings / causes / measures / other — the kind of the enclosing section.
    section_kind: str = SECTION_OTHER
    #: Level of the numbering the sentence starts with (1 一、 … 6 一是), 0 when none.
    marker_level: int = 0
    #: The sentence looks like a heading line (numbered and short, or a short unpunctuated line).
    heading_like: bool = False
    #: Position of the sentence inside its section (0 = first after the heading).
    position: int = 0
    #: The heading one level up (e.g. "二、存在问题" above "（一）慢作为方面"), or "".
    parent_section: str = ""


@dataclass(frozen=True)
class Document:
    text: str
    sentences: tuple[Sentence, ...]
    sections: tuple[Section, ...] = field(default=())

    @property
    def section_kinds(self) -> frozenset:
        """The kinds of section the report has (findings, causes, measures; "other" left out)."""
        return frozenset(s.kind for s in self.sections if s.kind != SECTION_OTHER)

    @property
    def has_findings_section(self) -> bool:
        return "findings" in self.section_kinds


def marker_level(text: str) -> int:
    """The heading level of the numbering ``text`` starts with, 0 when it starts with none."""
    stripped = text.lstrip(" \t\u3000")
    for level, pattern in HEADING_MARKERS:
        if pattern.match(stripped):
            return level
    return 0


def strip_marker(text: str) -> str:
    """``text`` without its leading numbering and surrounding space."""
    stripped = text.strip()
    for _level, pattern in HEADING_MARKERS:
        m = pattern.match(stripped)
        if m:
            return stripped[m.end():].strip(" \t\u3000：:，,、")
    return stripped


def _visible_len(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


def _display_width(text: str) -> int:
    """Width as a PDF lays it out: CJK and full-width characters count 2, others 1."""
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in text if not c.isspace())


def looks_like_heading(text: str, whole_line: bool) -> bool:
    """A numbered short sentence, or a short whole line with no sentence-final punctuation."""
    body = text.strip()
    n = _visible_len(body)
    if n == 0 or n > MAX_HEADING_CHARS:
        return False
    level = marker_level(body)
    ends_open = body[-1] not in SENTENCE_ENDS + "，,"
    if level and level < 6:
        return n <= 30 or ends_open
    if level == 6:  # 一是高度重视。 — a numbered topic, not 一是部分干部办事拖沓，群众多次往返。
        return n <= 14 and "，" not in body and "," not in body
    return whole_line and ends_open and n <= 30


@lru_cache(maxsize=1)
def section_keywords() -> tuple[tuple[str, str], ...]:
    """(keyword, kind) pairs from data/section_kinds.txt, longest keyword first."""
    rows = []
    raw = resources.files("zuofeng_nlp.data").joinpath("section_kinds.txt").read_text(encoding="utf-8")
    for line in raw.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        keyword, kind = line.split("\t")
        if kind not in SECTION_KINDS:
            raise ValueError(f"section_kinds.txt: expected a kind in {SECTION_KINDS}, got {kind!r}")
        rows.append((keyword, kind))
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def section_kind(title: str) -> str | None:
    """The kind a heading names (存在问题 → findings, 原因剖析 → causes …), None when it names none."""
    for keyword, kind in section_keywords():
        if keyword in title:
            return kind
    return None


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every physical line, without the line break."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_hard_wrapped(text: str, line: tuple[int, int], nxt: tuple[int, int], widths: tuple[int, int]) -> bool:
    """Was ``line`` cut by a PDF export in the middle of the sentence that continues on ``nxt``?"""
    body = text[line[0]:line[1]].rstrip()
    following = text[nxt[0]:nxt[1]].strip()
    if not body or not following or widths == (0, 0):
        return False
    if body.rstrip(CLOSERS)[-1:] in tuple(_LINE_END_PUNCT):
        return False
    if marker_level(following) and marker_level(following) < 6:
        return False
    chars, display = widths
    return (_visible_len(body) >= chars * FULL_LINE_SHARE
            or _display_width(body) >= display * FULL_LINE_SHARE)


def _p90(values: list[int]) -> int:
    values = sorted(values)
    return values[int(len(values) * 0.9) - 1 if len(values) >= 10 else -1]


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> tuple[int, int]:
    """Width of a hard-wrapped text's full lines, in characters and in display units (CJK = 2);
    (0, 0) when the text does not look wrapped."""
    bodies = [text[s:e] for s, e in lines if text[s:e].strip()]
    if len(bodies) < 3:
        return 0, 0
    chars = _p90([_visible_len(b) for b in bodies])
    display = _p90([_display_width(b) for b in bodies])
    if not MIN_WRAP_WIDTH <= display <= MAX_WRAP_WIDTH:  # short list lines, or one paragraph per line
        return 0, 0
    near_full = sum(1 for b in bodies if _visible_len(b) >= chars * FULL_LINE_SHARE
                    or _display_width(b) >= display * FULL_LINE_SHARE)
    return (chars, display) if near_full >= max(2, len(bodies) // 4) else (0, 0)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of logical paragraphs: lines, with PDF hard wraps joined back."""
    lines = [ln for ln in _lines(text)]
    width = _wrap_width(text, lines)
    out: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for i, line in enumerate(lines):
        if cur is None:
            cur = line
        else:
            cur = (cur[0], line[1])
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and _is_hard_wrapped(text, line, nxt, width):
            continue
        out.append(cur)
        cur = None
    return out


_SPLIT = re.compile(rf"[{re.escape(SENTENCE_ENDS)}][{re.escape(CLOSERS)}]*")
#: A colon followed by a level-1/2 heading ("报告如下：一、基本情况") also ends a sentence.
_COLON_BEFORE_HEADING = re.compile(rf"[：:](?=\s*(?:[{_CN_NUM}]+[、.．]|[（(][{_CN_NUM}]+[）)]))")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence (start, end) pairs inside ``text[start:end]``, whitespace trimmed, none empty."""
    cuts = [m.end() for m in _SPLIT.finditer(text, start, end)]
    cuts += [m.end() for m in _COLON_BEFORE_HEADING.finditer(text, start, end)]
    spans, prev = [], start
    for cut in sorted(set(cuts)) + [end]:
        s, e = _trim(text, prev, min(cut, end))
        if e > s and any(not c.isspace() for c in text[s:e]):
            spans.append((s, e))
        prev = cut
    return spans


def split_document(text: str) -> Document:
    """Cut ``text`` into sections and sentences (offsets index into ``text`` itself)."""
    sentences: list[Sentence] = []
    sections: list[Section] = []
    title, parent, kind, level1_kind = "", "", SECTION_OTHER, SECTION_OTHER
    section_start, section_level, position = 0, 0, 0

    def close_section(at: int) -> None:
        if sentences and at > section_start:
            sections.append(Section(section_start, at, title, kind, section_level))

    for p_start, p_end in paragraphs(text):
        spans = sentence_spans(text, p_start, p_end)
        for j, (s, e) in enumerate(spans):
            body = text[s:e]
            whole_line = len(spans) == 1
            level = marker_level(body)
            heading = looks_like_heading(body, whole_line) and (j == 0 or level > 0)
            opens = heading and (level in (1, 2) or (level == 0 and whole_line)) and j == 0
            if opens:
                close_section(s)
                named = section_kind(body)
                if level == 0:  # a title line: only a short one like "存在问题：" names a kind
                    if named and _visible_len(body) <= 12:
                        level1_kind = kind = named
                elif level == 1:
                    level1_kind = named or SECTION_OTHER
                    kind, parent = level1_kind, ""
                else:
                    kind = named or level1_kind
                    parent = title if section_level <= 1 else parent
                title, section_start, section_level, position = body.strip(), s, level, 0
            sentences.append(Sentence(
                index=len(sentences), start=s, end=e, text=body,
                section=title, section_kind=kind, marker_level=level, heading_like=heading,
                position=position, parent_section=parent))
            position += 0 if opens else 1
    close_section(len(text))
    return Document(text=text, sentences=tuple(sentences), sections=tuple(sections))
