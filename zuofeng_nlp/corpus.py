"""Labeled data: the corpus we wrote, and users' own labeled files.

Two JSON-lines formats are read (corpus/README.md documents both):

* **documents** (the evaluation format): ``{"id", "text", "sentences": [{"start", "end",
  "role", "problems", "causes"}]}`` with end-exclusive offsets into ``text``;
* **authored** (how corpus/ is written): ``{"id", "kind", "paragraphs": [[[TEXT, ROLE,
  PROBLEMS, CAUSES], …], …]}`` — sentences of a paragraph are concatenated, paragraphs joined
  by line breaks; an optional ``"wrap": N`` hard-wraps every paragraph at N characters, as a
  PDF export does, to teach the reader and model wrapped text.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DataError
from .taxonomy import CAUSES, PROBLEMS, ROLES, check_labels


@dataclass(frozen=True)
class GoldSentence:
    start: int
    end: int
    role: str
    problems: tuple[str, ...] = ()
    causes: tuple[str, ...] = ()


@dataclass(frozen=True)
class LabeledDocument:
    id: str
    text: str
    sentences: tuple[GoldSentence, ...]
    kind: str = "document"
    meta: dict = field(default_factory=dict, compare=False)


def _gold(role, problems, causes, start, end, where: str) -> GoldSentence:
    try:
        if role not in ROLES:
            raise ValueError(f"expected a role in {', '.join(ROLES)}, got {role!r} instead")
        return GoldSentence(start, end, role, tuple(check_labels(problems, PROBLEMS, "problem category")),
                            tuple(check_labels(causes, CAUSES, "cause type")))
    except ValueError as e:
        raise DataError(f"{where}: {e}") from None


def _wrap(paragraph: str, width: int) -> tuple[str, list[int]]:
    """Hard-wrap ``paragraph`` every ``width`` characters; returns text and, per input index, output index."""
    out, index_map = [], []
    for i, ch in enumerate(paragraph):
        if i and i % width == 0:
            out.append("\n")
        index_map.append(len(out))
        out.append(ch)
    index_map.append(len(out))
    return "".join(out), index_map


def from_authored(record: dict, where: str) -> LabeledDocument:
    """Build a document (text + offsets) from the authored format."""
    wrap = int(record.get("wrap") or 0)
    text_parts: list[str] = []
    sentences: list[GoldSentence] = []
    pos = 0
    for p_i, para in enumerate(record["paragraphs"]):
        if p_i:
            text_parts.append("\n")
            pos += 1
        plain = "".join(s[0] for s in para)
        wrapped, index_map = _wrap(plain, wrap) if wrap else (plain, list(range(len(plain) + 1)))
        offset = 0
        for s_i, item in enumerate(para):
            if not (isinstance(item, list) and len(item) == 4 and isinstance(item[0], str)):
                raise DataError(f"{where}: paragraph {p_i} sentence {s_i}: expected [text, role, problems, causes]")
            sent_text, role, problems, causes = item
            start, end = offset, offset + len(sent_text)
            offset = end
            s, e = index_map[start], index_map[end]
            while e > s and wrapped[e - 1].isspace():  # a sentence span never starts or ends in white space
                e -= 1
            while s < e and wrapped[s].isspace():
                s += 1
            sentences.append(_gold(role, problems, causes, pos + s, pos + e, f"{where} p{p_i} s{s_i}"))
        text_parts.append(wrapped)
        pos += len(wrapped)
    meta = {k: v for k, v in record.items() if k not in ("paragraphs",)}
    return LabeledDocument(str(record.get("id", where)), "".join(text_parts), tuple(sentences),
                           record.get("kind", "document"), meta)


def from_offsets(record: dict, where: str) -> LabeledDocument:
    """Build a document from the evaluation format (text + offsets)."""
    text = record["text"]
    if not isinstance(text, str):
        raise DataError(f"{where}: expected 'text' to be a string")
    sentences = []
    for i, s in enumerate(record["sentences"]):
        try:
            start, end = int(s["start"]), int(s["end"])
        except (KeyError, TypeError, ValueError):
            raise DataError(f"{where} sentence {i}: expected integer 'start' and 'end'") from None
        if not 0 <= start < end <= len(text):
            raise DataError(f"{where} sentence {i}: offsets {start}:{end} outside the text (length {len(text)})")
        sentences.append(_gold(s.get("role"), s.get("problems"), s.get("causes"), start, end, f"{where} sentence {i}"))
    meta = {k: v for k, v in record.items() if k not in ("text", "sentences")}
    return LabeledDocument(str(record.get("id", where)), text, tuple(sentences), "document", meta)


def read_labeled(path: str | Path) -> list[LabeledDocument]:
    """All documents of one JSON-lines file, in either format."""
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: no such labeled-data file")
    docs = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise DataError(f"{path}: labeled data must be UTF-8 JSON lines") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise DataError(f"{where}: invalid JSON ({e.msg})") from None
        if not isinstance(record, dict):
            raise DataError(f"{where}: expected a JSON object per line")
        if "paragraphs" in record:
            docs.append(from_authored(record, where))
        elif "text" in record and "sentences" in record:
            docs.append(from_offsets(record, where))
        else:
            raise DataError(f"{where}: expected 'paragraphs' (authored format) or 'text' and 'sentences'")
    return docs


def corpus_files(folder: str | Path) -> list[Path]:
    """The labeled files of a corpus folder (``*.jsonl`` anywhere below it), sorted."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DataError(f"{folder}: no such corpus folder")
    files = sorted(folder.rglob("*.jsonl"))
    if not files:
        raise DataError(f"{folder}: no *.jsonl files of labeled data")
    return files


def read_corpus(folder: str | Path) -> list[LabeledDocument]:
    return [doc for f in corpus_files(folder) for doc in read_labeled(f)]


def corpus_hash(files: list[Path]) -> str:
    """SHA-256 over the names and bytes of the labeled files, in order."""
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode("utf-8") + b"\0" + Path(f).read_bytes() + b"\0")
    return h.hexdigest()
