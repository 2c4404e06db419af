"""问题台账 workbook (openpyxl): one row per finding, plus the coverage table.

Columns: 序号, 问题类别, 问题表现, 原因 (the report's cause sentences, by type), 整改措施 (the
measures that address the row's categories), 责任人 and 完成时限 (when the text states them),
核查提示 (the flags). Header styled, columns sized, text wrapped, filters on.
"""
from __future__ import annotations

import io
import re

from ..report import FOUND, NOT_COVERED, ONLY_DENIED, coverage_verdict
from ..taxonomy import CAUSES, PROBLEMS

OWNER = re.compile(r"(?:责任人|责任单位|责任科室|责任股室|牵头单位|牵头领导|牵头)[:：\s]*([^，。；;,\n]{2,30})")
DEADLINE = re.compile(r"(\d{4}年\d{1,2}月(?:底|\d{1,2}日)?前?|\d{1,2}月(?:底|\d{1,2}日)前|月底前|年底前|年内|"
                      r"\d+个工作日内|长期坚持|立行立改|立即整改)")
HEADER = ("序号", "问题类别", "问题表现", "原因", "整改措施", "责任人", "完成时限", "核查提示")
WIDTHS = (6, 14, 50, 44, 50, 16, 16, 36)


def _found(pattern: re.Pattern, texts: list[str]) -> str:
    return "；".join(dict.fromkeys(m.group(1).strip() for t in texts for m in pattern.finditer(t)))


def ledger_rows(data: dict) -> list[tuple]:
    """The ledger as rows of plain values (header first)."""
    sentences = data["sentences"]
    causes = {name: [s["text"].strip() for s in sentences if s["role"] == "cause"
                     and name in {c["name"] for c in s["causes"]}] for name in CAUSES}
    cause_text = "\n".join(f"{name}：{'；'.join(texts)}" for name, texts in causes.items() if texts)
    measures = [s for s in sentences if s["role"] == "measure"]
    rows = [HEADER]
    for s in (s for s in sentences if s["role"] == "finding"):
        names = [p["name"] for p in s["problems"]]
        fixes = [m["text"].strip() for m in measures if set(names) & {p["name"] for p in m["problems"]}]
        rows.append((len(rows), "、".join(names) or "其他", s["text"].strip(), cause_text, "\n".join(fixes),
                     _found(OWNER, fixes), _found(DEADLINE, fixes), "\n".join(f["message"] for f in s["flags"])))
    return rows


def coverage_rows(data: dict) -> list[tuple]:
    summary = data["summary"]
    rows = [("问题类别", "查摆", "否认", "措施", "结论")]
    for name in PROBLEMS:
        r = summary["problems"][name]
        rows.append((name, r["findings"], r["denials"], r["measures"], coverage_verdict(r)))
    rows.append(())
    rows.append(("原因类型", "句数", "", "", "结论"))
    rows += [(name, summary["causes"][name], "", "", "有" if summary["causes"][name] else "缺") for name in CAUSES]
    return rows


def render(data: dict) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "问题台账"
    for row in ledger_rows(data):
        ws.append(list(row))
    head_font, head_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="37474F")
    for cell in ws[1]:
        cell.font, cell.fill = head_font, head_fill
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for col, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.auto_filter.ref = ws.dimensions
    ws.freeze_panes = "A2"

    cov = wb.create_sheet("覆盖情况")
    for row in coverage_rows(data):
        cov.append(list(row))
    for r in (1, len(PROBLEMS) + 3):
        for cell in cov[r]:
            cell.font, cell.fill = head_font, head_fill
    verdict_fill = {FOUND: "C8E6C9", ONLY_DENIED: "FFCC80", NOT_COVERED: "EF9A9A", "有": "C8E6C9", "缺": "EF9A9A"}
    for row in cov.iter_rows(min_row=2):
        cell = row[-1]
        if cell.value in verdict_fill:
            cell.fill = PatternFill("solid", fgColor=verdict_fill[cell.value])
    for col, width in zip("ABCDE", (12, 8, 8, 8, 10)):
        cov.column_dimensions[col].width = width

    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
