"""1. Reading: every encoding and format we promise, and a clear ReadError for every bad input."""
import io
import sys

import pytest

from zuofeng_nlp import ReadError, read_text
from zuofeng_nlp import readers

TEXT = "一、存在问题\n（一）慢作为方面。部分干部办事拖沓，群众多次往返。\n经自查，我局未发现乱作为问题。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le-bom", "utf-16-be-bom"])
def test_reads_every_encoding(tmp_path, encoding):
    path = tmp_path / "r.txt"
    if encoding == "utf-16-le-bom":
        path.write_bytes(b"\xff\xfe" + TEXT.encode("utf-16-le"))
    elif encoding == "utf-16-be-bom":
        path.write_bytes(b"\xfe\xff" + TEXT.encode("utf-16-be"))
    else:
        path.write_bytes(TEXT.encode(encoding))
    assert read_text(path) == TEXT


def test_crlf_and_cr_become_lf(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("gb18030"))
    assert read_text(path) == TEXT
    path.write_bytes(TEXT.replace("\n", "\r").encode("utf-8"))
    assert read_text(path) == TEXT


def test_long_gb18030_report(tmp_path, example_text):
    path = tmp_path / "r.txt"
    path.write_bytes(example_text.encode("gb18030"))
    assert read_text(path) == example_text


def test_markdown_is_read_as_text(tmp_path):
    path = tmp_path / "r.md"
    path.write_text("# 自查报告\n\n" + TEXT, encoding="utf-8")
    assert read_text(path) == "# 自查报告\n\n" + TEXT


def _docx(path, paragraphs, rows=()):
    import docx
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    if rows:
        table = d.add_table(rows=len(rows), cols=len(rows[0]))
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                table.cell(i, j).text = cell
    d.add_paragraph("结尾段落。")
    d.save(path)


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    path = tmp_path / "r.docx"
    _docx(path, ["一、存在问题", "部分干部办事拖沓。"], rows=[("序号", "问题表现"), ("1", "审批超时办结。")])
    assert read_text(path) == "一、存在问题\n部分干部办事拖沓。\n序号\t问题表现\n1\t审批超时办结。\n结尾段落。"


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("gb18030"))))
    assert read_text("-") == TEXT


def _write(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data)
    return p


BAD_INPUTS = [
    ("missing", lambda t: t / "nope.txt", "no such file"),
    ("directory", lambda t: t, "is a directory"),
    ("empty", lambda t: _write(t, "e.txt", b""), "empty"),
    ("blank", lambda t: _write(t, "b.txt", " \n\t\r\n".encode()), "empty"),
    ("blank-utf16", lambda t: _write(t, "b16.txt", "  \n ".encode("utf-16")), "no text"),
    ("binary", lambda t: _write(t, "x.bin", bytes(range(256)) * 20), "not a text file"),
    ("corrupt-docx", lambda t: _write(t, "c.docx", b"PK\x03\x04 this is not really a zip"), "not a readable .docx"),
    ("docx-not-zip", lambda t: _write(t, "d.docx", "就是一段文字".encode()), "not a readable .docx"),
    ("legacy-doc", lambda t: _write(t, "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), "save it as .docx"),
]


@pytest.mark.parametrize("make,expected", [(m, e) for _, m, e in BAD_INPUTS], ids=[i for i, _, _ in BAD_INPUTS])
def test_bad_input_is_one_line_read_error(tmp_path, make, expected):
    with pytest.raises(ReadError) as err:
        read_text(make(tmp_path))
    message = str(err.value)
    assert expected in message
    assert "\n" not in message


def test_too_large_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 100)
    path = _write(tmp_path, "big.txt", "字".encode() * 200)
    with pytest.raises(ReadError, match="limit"):
        read_text(path)


def test_reading_never_modifies_the_file(tmp_path):
    path = _write(tmp_path, "r.txt", TEXT.replace("\n", "\r\n").encode("gb18030"))
    before = path.read_bytes()
    read_text(path)
    assert path.read_bytes() == before
