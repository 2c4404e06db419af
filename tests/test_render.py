"""Renderers: HTML (self-contained, escaped, coverage and flags) and the 问题台账 workbook."""
import io
import re

import pytest

from zuofeng_nlp import analyze
from zuofeng_nlp.render import render
from zuofeng_nlp.render.xlsx import HEADER


@pytest.fixture(scope="module")
def report(example_text):
    return analyze(example_text, explain=True)


def test_html_is_self_contained_and_complete(report):
    page = render(report, "html")
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)=["']?https?:""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert "id='coverage'" in page and "id='causes'" in page
    for flag in report.flags:
        assert flag.message in page
    assert page.count("class='s'") == len(report.sentences)


def test_html_escapes_everything():
    evil = analyze("<script>alert(1)</script>部分干部办事拖沓。经自查，我局未发现乱作为问题&amp;。", source="<b>x</b>")
    page = render(evil, "html")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>x</b>" not in page


def test_why_carries_the_words_behind_each_label(report):
    d = report.to_dict()
    finding = next(s for s in d["sentences"] if s["role"] == "finding" and s["problems"])
    assert set(finding["why"]) >= {finding["role"]} | {p["name"] for p in finding["problems"]}
    for words in finding["why"].values():
        assert all(isinstance(w, str) and weight > 0 for w, weight in words)
    assert "why" not in analyze("部分干部办事拖沓。").to_dict()["sentences"][0]


def test_xlsx_ledger_has_one_row_per_finding(report):
    from openpyxl import load_workbook
    wb = load_workbook(io.BytesIO(render(report, "xlsx")))
    ledger, coverage = wb["问题台账"], wb["覆盖情况"]
    rows = list(ledger.iter_rows(values_only=True))
    findings = [s for s in report.sentences if s.role == "finding"]
    assert rows[0] == HEADER
    assert len(rows) - 1 == len(findings)
    for row, s in zip(rows[1:], findings):
        assert row[2] == s.text.strip()
        assert row[1] == ("、".join(s.problem_names()) or "其他")
    assert ledger.auto_filter.ref
    assert [r[0] for r in coverage.iter_rows(min_row=2, max_row=7, values_only=True)] == list(report.summary()["problems"])
