"""Batch review and copy detection: every good report written, every bad one listed, copies paired."""
import json
import shutil
from pathlib import Path

import pytest

from zuofeng_nlp import analyze, find_copies
from zuofeng_nlp.batch import find_reports
from zuofeng_nlp.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "corpus" / "samples").glob("h*.txt"))


def paragraph(text, n=3):
    """The first paragraph of a report with at least n sentences of real length."""
    for line in text.split("\n"):
        if line.count("。") >= n and len(line) > 80:
            return line
    raise AssertionError("no long paragraph")


@pytest.fixture
def batch_folder(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for p in SAMPLES[:4]:
        shutil.copy(p, folder / p.name)
    donor = SAMPLES[0].read_text(encoding="utf-8")
    copier = SAMPLES[5].read_text(encoding="utf-8")
    (folder / "sub" / "copier.txt").write_text(copier + "\n" + paragraph(donor) + "\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.md").write_bytes(b"")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a zip at all")
    (folder / "notes.csv").write_text("ignored", encoding="utf-8")
    return folder


def test_find_reports_recurses_and_filters(batch_folder):
    names = sorted(p.name for p in find_reports([str(batch_folder)]))
    assert "notes.csv" not in names and "copier.txt" in names and len(names) == 8


def test_batch_writes_every_good_report_and_lists_the_bad(batch_folder, tmp_path, capsys):
    out = tmp_path / "out"
    before = {p: p.read_bytes() for p in batch_folder.rglob("*") if p.is_file()}
    code = main(["batch", str(batch_folder), "-o", str(out), "--jobs", "2"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("Error: ") == 3 and "Traceback" not in err
    rows = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert len(rows) == 8 and sum(1 for r in rows if "error" in r) == 3
    assert len(list((out / "reports").glob("*.json"))) == 5
    assert len(list((out / "reports").glob("*.html"))) == 5
    for name in ("index.html", "copies.html", "summary.xlsx"):
        assert (out / name).stat().st_size > 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "binary.txt" in index and "broken.docx" in index and "empty.md" in index
    copier = next(r for r in rows if r["file"].endswith("copier.txt"))
    donor = next(r for r in rows if r["file"].endswith(SAMPLES[0].name))
    assert copier["copy alarm"] > 0 and donor["copy alarm"] > 0
    assert sum(1 for r in rows if r.get("copy alarm")) == 2
    assert "<mark>" in (out / "copies.html").read_text(encoding="utf-8")
    assert {p: p.read_bytes() for p in batch_folder.rglob("*") if p.is_file()} == before
    assert not list(out.rglob("*.tmp"))


def test_existing_output_folder_is_not_overwritten(batch_folder, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["batch", str(batch_folder), "-o", str(out)]) == 1
    assert "already exists and is not empty" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def test_batch_with_nothing_to_read(tmp_path, capsys):
    (tmp_path / "a.csv").write_text("x", encoding="utf-8")
    assert main(["batch", str(tmp_path), "-o", str(tmp_path / "o")]) == 1
    assert "no .txt, .docx or .md reports" in capsys.readouterr().err


def test_copies_found_and_boilerplate_ignored():
    a_text = SAMPLES[1].read_text(encoding="utf-8")
    b_text = SAMPLES[2].read_text(encoding="utf-8")
    shared = paragraph(a_text)
    campaign = "对照慢作为、不作为、乱作为、文山会海、官僚作风、弄虚作假六个方面要求，认真开展自查自纠。"
    reports = [analyze(a_text + "\n" + campaign, source="a"), analyze(b_text + "\n" + shared + "\n" + campaign, source="b")]
    reports += [analyze(SAMPLES[i].read_text(encoding="utf-8") + "\n" + campaign, source=f"r{i}") for i in (3, 4, 6, 7)]
    pairs = find_copies(reports)
    assert [(p.a, p.b) for p in pairs] == [("a", "b")]
    (pair,) = pairs
    assert len(pair.passages) >= 3 and 0 < pair.score <= 1
    for passage in pair.passages:
        assert reports[0].text[passage.a_start:passage.a_end] in shared


def test_copies_against_last_year():
    old = analyze(SAMPLES[8].read_text(encoding="utf-8"), source="last-year")
    new = analyze(SAMPLES[9].read_text(encoding="utf-8") + "\n" + paragraph(old.text), source="this-year")
    other = analyze(SAMPLES[10].read_text(encoding="utf-8"), source="other")
    pairs = find_copies([new, other], against=[old])
    assert [(p.a, p.b) for p in pairs] == [("this-year", "last-year")]
