"""Read a report file into one string.

Offsets everywhere else index into exactly the string :func:`read_text` returns: line ends
are normalised to ``\\n`` and a byte-order mark is dropped, nothing else is changed.
"""
from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path

from .errors import ReadError

#: Largest input accepted, in bytes (a report is ~10 KB; this is over a thousand reports in one
#: file). Larger files are refused with a clear message rather than exhausting memory.
MAX_BYTES = 10 * 1024 * 1024

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ""})
DOCX_SUFFIX = ".docx"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc / .xls
_ZIP_MAGIC = b"PK\x03\x04"


def read_text(path: str | os.PathLike) -> str:
    """Return the text of a report: ``.txt``/``.md`` in any common encoding, ``.docx``, or ``-`` for stdin.

    Raises :class:`ReadError` with a one-line message saying what to do.
    """
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ReadError(f"<stdin>: more than the {MAX_BYTES // 2**20} MB limit; split the input")
        return _checked(decode_bytes(data, "<stdin>"), "<stdin>")
    p = Path(path)
    if not p.exists():
        raise ReadError(f"{p}: no such file")
    if p.is_dir():
        raise ReadError(f"{p}: is a directory, expected a report file (.txt, .docx or .md)")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise ReadError(f"{p}: {size / 1e6:.0f} MB is larger than the {MAX_BYTES // 2**20} MB limit; split the file")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise ReadError(f"{p}: cannot read ({e.strerror or e})") from None
    if data.startswith(_OLE_MAGIC):
        raise ReadError(f"{p}: legacy Word .doc (or another old Office format) is not supported; save it as .docx")
    if p.suffix.lower() == DOCX_SUFFIX or data.startswith(_ZIP_MAGIC):
        text = read_docx_bytes(data, str(p))
    else:
        text = decode_bytes(data, str(p))
    return _checked(text, str(p))


def _checked(text: str, name: str) -> str:
    if not text.strip():
        raise ReadError(f"{name}: the file holds no text")
    return text


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a leading byte-order mark is dropped."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode report bytes: UTF-8 (with or without BOM), UTF-16/32 with BOM, else detect (GB18030 …)."""
    if not data.strip():
        raise ReadError(f"{name}: the file is empty")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
                       (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return normalize_newlines(data.decode(codec))
            except UnicodeDecodeError:
                raise ReadError(f"{name}: starts with a {codec} byte-order mark but is not valid {codec}") from None
    try:
        return normalize_newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    text = _detect(data)
    if text is None or _looks_binary(text):
        raise ReadError(f"{name}: not a text file (binary or unknown encoding); save it as UTF-8 text or .docx")
    return normalize_newlines(text)


def _detect(data: bytes) -> str | None:
    """Decode with the encoding charset-normalizer finds; GB18030 first when it decodes cleanly."""
    from charset_normalizer import from_bytes

    if b"\x00" not in data:
        # Chinese reports from Windows are GBK/GB18030; a clean strict decode is strong evidence.
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            text = None
        if text is not None and _cjk_share(text) > 0.3:
            return text
    best = from_bytes(data).best()
    return None if best is None else str(best)


def _cjk_share(text: str) -> float:
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return 0.0
    return sum(1 for c in visible if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f"
               or "\uff00" <= c <= "\uffef") / len(visible)


def _looks_binary(text: str) -> bool:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f\v")
    return controls > max(2, len(text) // 100)


def read_docx_bytes(data: bytes, name: str = "<docx>") -> str:
    """Text of a .docx: paragraphs and table rows in document order, one line each."""
    import docx  # python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise ReadError(f"{name}: not a readable .docx (corrupt or not Word: {type(e).__name__}); re-save it in Word") from None
    except Exception as e:  # python-docx raises lxml and package errors of many kinds
        raise ReadError(f"{name}: not a readable .docx ({type(e).__name__}); re-save it in Word") from None
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if not cells or value != cells[-1]:  # merged cells repeat their text
                        cells.append(value)
                lines.append("\t".join(cells))
    return normalize_newlines("\n".join(lines))
