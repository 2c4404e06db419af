"""5. The corpus: size, balance, both formats, and wrapped documents."""
import json
from collections import Counter
from pathlib import Path

import pytest

from zuofeng_nlp import DataError
from zuofeng_nlp.corpus import from_authored, read_corpus, read_labeled
from zuofeng_nlp.taxonomy import CAUSES, PROBLEMS, ROLES

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def docs():
    return read_corpus(ROOT / "corpus")


def test_corpus_size_and_balance(docs):
    sentences = [s for d in docs for s in d.sentences]
    assert len(sentences) >= 2000
    assert sum(1 for d in docs if d.kind == "report") >= 10
    roles = Counter(s.role for s in sentences)
    problems = Counter(p for s in sentences for p in s.problems)
    causes = Counter(c for s in sentences for c in s.causes)
    assert all(roles[r] >= 120 for r in ROLES), roles
    assert all(problems[p] >= 120 for p in PROBLEMS), problems
    assert all(causes[c] >= 120 for c in CAUSES), causes


def test_offsets_of_every_corpus_sentence(docs):
    for d in docs:
        for s in d.sentences:
            assert 0 <= s.start < s.end <= len(d.text)
            assert d.text[s.start:s.end].strip() == d.text[s.start:s.end]


def test_authored_format_builds_text_and_offsets():
    doc = from_authored({"id": "t", "paragraphs": [
        [["一、存在问题", "heading", [], []]],
        [["（一）慢作为方面。", "heading", ["慢作为"], []], ["部分干部办事拖沓。", "finding", ["慢作为"], []]]]}, "t")
    assert doc.text == "一、存在问题\n（一）慢作为方面。部分干部办事拖沓。"
    assert [doc.text[s.start:s.end] for s in doc.sentences] == ["一、存在问题", "（一）慢作为方面。", "部分干部办事拖沓。"]


def test_authored_wrap_keeps_offsets_on_the_sentences():
    doc = from_authored({"id": "t", "wrap": 5, "paragraphs": [
        [["部分干部办事拖沓。", "finding", ["慢作为"], []], ["群众多次往返。", "finding", [], []]]]}, "t")
    assert doc.text == "部分干部办\n事拖沓。群\n众多次往返\n。"
    assert [doc.text[s.start:s.end] for s in doc.sentences] == ["部分干部办\n事拖沓。", "群\n众多次往返\n。"]


def test_offsets_format_round_trip(tmp_path):
    path = tmp_path / "d.jsonl"
    record = {"id": "x", "text": "部分干部办事拖沓。经自查未发现乱作为问题。",
              "sentences": [{"start": 0, "end": 9, "role": "finding", "problems": ["慢作为"], "causes": []},
                            {"start": 9, "end": 21, "role": "denial", "problems": ["乱作为"], "causes": []}]}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (doc,) = read_labeled(path)
    assert [doc.text[s.start:s.end] for s in doc.sentences] == ["部分干部办事拖沓。", "经自查未发现乱作为问题。"]


@pytest.mark.parametrize("line,message", [
    ("{not json", "invalid JSON"),
    ('["a"]', "expected a JSON object"),
    ('{"id": 1}', "expected 'paragraphs'"),
    ('{"text": "abc", "sentences": [{"start": 0, "end": 9, "role": "other"}]}', "outside the text"),
    ('{"text": "abc", "sentences": [{"start": 0, "end": 2, "role": "boss"}]}', "expected a role"),
    ('{"text": "abc", "sentences": [{"start": 0, "end": 2, "role": "finding", "problems": ["懒"]}]}', "problem category"),
])
def test_bad_labeled_data_is_a_clear_error(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=message):
        read_labeled(path)


def test_samples_match_the_corpus(docs):
    reports = {d.id: d.text for d in docs if d.kind == "report"}
    samples = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "corpus" / "samples").glob("*.txt")}
    assert samples.pop("example") in {t + "\n" for t in reports.values()}
    assert samples == {k: t + "\n" for k, t in reports.items()}
