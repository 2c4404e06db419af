"""Report-level checks: what the report as a whole leaves out.

Each check is a small named pure function of the analysed sentences that yields :class:`Check`
results; they are listed once in CHECKS (names unique) and run by :func:`run_checks`.
"""
from __future__ import annotations

from typing import Callable, Iterable

from .report import AnalyzedSentence, Check
from .taxonomy import CAUSE, CAUSES, CHECK_MISSING_CATEGORY, CHECK_MISSING_CAUSE, DENIAL, FINDING, PROBLEMS

ReportCheck = Callable[[list[AnalyzedSentence]], Iterable[Check]]


def check_missing_category(sentences: list[AnalyzedSentence]) -> Iterable[Check]:
    """A problem category that the report neither found nor denied: it skipped it."""
    mentioned = {name for s in sentences if s.role in (FINDING, DENIAL) for name in s.problem_names()}
    for name in PROBLEMS:
        if name not in mentioned:
            yield Check(CHECK_MISSING_CATEGORY, f"报告未涉及「{name}」：既未查摆问题也未作说明，建议核实是否漏查")


def check_missing_cause(sentences: list[AnalyzedSentence]) -> Iterable[Check]:
    """Findings without any cause analysis, or a cause type the analysis leaves out."""
    if not any(s.role == FINDING for s in sentences):
        return
    present = {name for s in sentences if s.role == CAUSE for name in s.cause_names()}
    if not any(s.role == CAUSE for s in sentences):
        yield Check(CHECK_MISSING_CAUSE, "报告列出了问题，但没有原因剖析，建议要求补充")
        return
    for name in CAUSES:
        if name not in present:
            yield Check(CHECK_MISSING_CAUSE, f"原因剖析未涉及「{name}」方面，建议核实剖析是否全面")


CHECKS: dict[str, ReportCheck] = {CHECK_MISSING_CATEGORY: check_missing_category, CHECK_MISSING_CAUSE: check_missing_cause}


def run_checks(sentences: list[AnalyzedSentence], checks: dict[str, ReportCheck] | None = None):
    """All check results, and the number of failures per check (a broken check never stops a report)."""
    results, failures = [], {}
    for name, fn in (CHECKS if checks is None else checks).items():
        try:
            results.extend(fn(sentences))
        except Exception:
            failures[name] = failures.get(name, 0) + 1
    return results, failures
