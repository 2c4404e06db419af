"""Many reports at once: find them, analyse them in parallel, write per-report and summary outputs.

A bad file never stops the batch: it is listed with its error. Outputs are written atomically;
inputs are never modified; an existing, non-empty output folder is refused unless forced.
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import ZuofengError
from .outputs import write_atomic
from .report import NOT_COVERED, Report, coverage_verdict

REPORT_SUFFIXES = frozenset({".txt", ".docx", ".md"})


@dataclass(frozen=True)
class BatchItem:
    """One input of a batch: its report, or the one-line error that stopped it."""
    path: str
    report: Report | None = None
    error: str | None = None


def find_reports(inputs: list[str]) -> list[Path]:
    """Report files among ``inputs`` (files as given; folders searched recursively), in order, once each."""
    found: list[Path] = []
    for name in inputs:
        p = Path(name)
        if p.is_dir():
            found += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES)
        elif p.exists():
            found.append(p)
        else:
            raise ZuofengError(f"{name}: no such file or folder")
    return list(dict.fromkeys(found))


def _analyze_one(path: str, model_path: str | None) -> BatchItem:
    from .analyze import analyze_file
    from .model import load_model
    from .tokenizer import warm_up

    try:
        warm_up()
        return BatchItem(path, analyze_file(path, model=load_model(model_path)))
    except ZuofengError as e:
        return BatchItem(path, error=str(e))
    except Exception as e:  # one broken file must never stop the batch
        return BatchItem(path, error=f"{path}: unexpected {type(e).__name__}: {e}")


def analyze_many(paths, jobs: int | None = None, progress: bool = False, model_path: str | None = None) -> list[BatchItem]:
    """Analyse every path in parallel processes (joblib; ``jobs`` defaults to all cores)."""
    from joblib import Parallel, delayed

    paths = [str(p) for p in paths]
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(paths) < 2:
        results = (_analyze_one(p, model_path) for p in paths)
    else:
        results = Parallel(n_jobs=jobs, return_as="generator", batch_size="auto")(
            delayed(_analyze_one)(p, model_path) for p in paths)
    if progress:
        from tqdm import tqdm
        results = tqdm(results, total=len(paths), unit="份", file=sys.stderr)
    return list(results)


# -- writing -----------------------------------------------------------------------------------
def check_output_folder(outdir: Path, inputs: list[Path], force: bool) -> None:
    if outdir.exists() and not outdir.is_dir():
        raise ZuofengError(f"{outdir}: exists and is not a folder")
    if outdir.exists() and any(outdir.iterdir()) and not force:
        raise ZuofengError(f"{outdir}: already exists and is not empty; choose a new folder or pass --force")
    resolved = outdir.resolve()
    for p in inputs:
        if resolved in p.resolve().parents:
            raise ZuofengError(f"{outdir}: holds input reports; choose an output folder outside the inputs")


def _output_stem(path: str, used: set) -> str:
    stem = Path(path).stem or "report"
    name, n = stem, 2
    while name in used:
        name, n = f"{stem}-{n}", n + 1
    used.add(name)
    return name


def summary_row(item: BatchItem, stem: str | None, copies: dict) -> dict:
    from .taxonomy import CAUSES, PROBLEMS
    if item.report is None:
        return {"file": item.path, "error": item.error}
    s = item.report.summary()
    row = {"file": item.path, "output": stem, "sentences": len(item.report.sentences)}
    row.update({name: s["problems"][name]["findings"] for name in PROBLEMS})
    row["denials"] = sum(v["denials"] for v in s["problems"].values())
    row["missing categories"] = "、".join(n for n in PROBLEMS if coverage_verdict(s["problems"][n]) == NOT_COVERED)
    row["missing causes"] = "、".join(n for n in CAUSES if not s["causes"][n])
    row["flags"] = sum(s["flags"].values())
    row["copy alarm"] = round(copies.get(item.path, 0.0), 3)
    return row


def write_batch(items: list[BatchItem], outdir: Path, copy_pairs, reference: list[Report] = ()) -> list[dict]:
    """Per-report JSON and HTML, summary.xlsx, copies.html and index.html; returns the summary rows."""
    from .render import render
    from .render.batch_html import copies_page, index_page

    copies: dict[str, float] = {}
    for pair in copy_pairs:
        for side in (pair.a, pair.b):
            copies[side] = max(copies.get(side, 0.0), pair.score)
    used: set = set()
    rows = []
    for item in items:
        stem = None
        if item.report is not None:
            stem = _output_stem(item.path, used)
            write_atomic(outdir / "reports" / f"{stem}.json", render(item.report, "json"))
            write_atomic(outdir / "reports" / f"{stem}.html", render(item.report, "html"))
        rows.append(summary_row(item, stem, copies))
    reports = {r.source: r for r in reference}
    reports.update((i.path, i.report) for i in items if i.report is not None)
    write_atomic(outdir / "copies.html", copies_page(copy_pairs, reports))
    write_atomic(outdir / "index.html", index_page(rows, len(copy_pairs)))
    write_atomic(outdir / "summary.xlsx", summary_workbook(rows))
    write_atomic(outdir / "summary.json", json.dumps(rows, ensure_ascii=False, indent=1))
    return rows


def summary_workbook(rows: list[dict]) -> bytes:
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    columns = list(dict.fromkeys(k for r in rows for k in r))
    ws.append(columns)
    for r in rows:
        ws.append([r.get(c, "") for c in columns])
    for cell in ws[1]:
        cell.font, cell.fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="37474F")
    for i, c in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = 40 if c in ("file", "error") else 12
    ws.auto_filter.ref = ws.dimensions
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()

