"""Detectors: small named pure functions that look at one analysed sentence and yield Flags.

Each detector is registered once with :func:`detector`; names are unique. The runner catches a
failing detector, counts the failure and goes on, so one broken check never stops a report.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Callable, Iterable

from .report import AnalyzedSentence, Flag
from .taxonomy import DENIAL, FLAG_DENIAL

Detector = Callable[[AnalyzedSentence], Iterable[Flag]]
DETECTORS: dict[str, Detector] = {}


def detector(name: str):
    """Register a detector under ``name`` (unique)."""
    def register(fn: Detector) -> Detector:
        if name in DETECTORS:
            raise ValueError(f"a detector named {name!r} is already registered")
        fn.detector_name = name
        DETECTORS[name] = fn
        return fn
    return register


#: Phrases that deny or certify away a problem; the flag covers the first one and its clause.
DENIAL_CUE = re.compile(
    r"(不存在|未发现|没有发现|未出现|没有出现|未查出|未收到|没有|无(?=[^，。；,;]{0,12}(?:问题|情况|现象|行为))"
    r"|绝不|决不|从不|从未|均能|均已|做到了|杜绝了|总体良好|良好|满意度)")
_CLAUSE_END = re.compile(r"[，。；！？,;!?\n]")


def denial_span(sentence: AnalyzedSentence) -> tuple[int, int]:
    """Offsets of the clause that carries the denial, the whole sentence when no cue is found."""
    m = DENIAL_CUE.search(sentence.text)
    if not m:
        return sentence.start, sentence.end
    left = max(sentence.text.rfind(c, 0, m.start()) for c in "，。；,;：:\n") + 1
    end_m = _CLAUSE_END.search(sentence.text, m.end())
    right = end_m.start() if end_m else len(sentence.text)
    return sentence.start + left, sentence.start + right


def denial_message(categories: list[str]) -> str:
    named = "、".join(f"「{c}」" for c in categories)
    what = f"存在{named}问题" if named else "存在问题"
    return f"否认{what}，未列举核查依据，建议重点核实"


@detector(FLAG_DENIAL)
def flag_denial(sentence: AnalyzedSentence) -> Iterable[Flag]:
    """A sentence that denies or certifies away a problem instead of reporting findings."""
    if sentence.role != DENIAL:
        return
    start, end = denial_span(sentence)
    yield Flag(FLAG_DENIAL, start, end, denial_message(sentence.problem_names()))


def apply_detectors(sentences: list[AnalyzedSentence],
                    detectors: dict[str, Detector] | None = None) -> tuple[list[AnalyzedSentence], Counter]:
    """Run every detector on every sentence; returns the sentences with flags and failures per detector."""
    detectors = DETECTORS if detectors is None else detectors
    failures: Counter = Counter()
    out = []
    for s in sentences:
        flags = list(s.flags)
        for name, fn in detectors.items():
            try:
                flags.extend(fn(s))
            except Exception:  # one broken detector must not stop a report
                failures[name] += 1
        out.append(replace(s, flags=tuple(flags)))
    return out, failures
