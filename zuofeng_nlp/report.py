"""Plain data objects of an analysed report, and their dictionary form (the output contract)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .taxonomy import CAUSE, CAUSES, DENIAL, FINDING, MEASURE, PROBLEMS

SCHEMA_VERSION = 1
FOUND, ONLY_DENIED, NOT_COVERED = "已查摆", "仅否认", "未涉及"


def coverage_verdict(counts: dict) -> str:
    """What a report did with one category, from its summary row: found it, only denied it, or skipped it."""
    return FOUND if counts["findings"] else ONLY_DENIED if counts["denials"] else NOT_COVERED


@dataclass(frozen=True)
class Label:
    name: str
    score: float


@dataclass(frozen=True)
class Flag:
    """Something a reviewer should look at: ``kind``, a span of the report text and a message."""
    kind: str
    start: int
    end: int
    message: str


@dataclass(frozen=True)
class Check:
    """A report-level result: something the report as a whole leaves out."""
    kind: str
    message: str


@dataclass(frozen=True)
class AnalyzedSentence:
    index: int
    start: int
    end: int
    text: str
    section: str
    role: str
    role_score: float
    problems: tuple[Label, ...] = ()
    causes: tuple[Label, ...] = ()
    flags: tuple[Flag, ...] = ()
    #: label → ((word, weight), …): what pushed the model to each label; empty unless asked for.
    why: dict = field(default_factory=dict, compare=False)

    def problem_names(self) -> list[str]:
        return [p.name for p in self.problems]

    def cause_names(self) -> list[str]:
        return [c.name for c in self.causes]


@dataclass(frozen=True)
class Report:
    text: str
    sentences: tuple[AnalyzedSentence, ...]
    source: str = "<text>"
    model_name: str = ""
    model_version: str = ""
    checks: tuple[Check, ...] = ()
    detector_failures: dict = field(default_factory=dict)

    @property
    def flags(self) -> list[Flag]:
        return [f for s in self.sentences for f in s.flags]

    def summary(self) -> dict:
        """Per category: findings / denials / measures; per cause type: cause sentences; flags by kind."""
        problems = {name: {"findings": 0, "denials": 0, "measures": 0} for name in PROBLEMS}
        column = {FINDING: "findings", DENIAL: "denials", MEASURE: "measures"}
        causes = {name: 0 for name in CAUSES}
        for s in self.sentences:
            if s.role in column:
                for name in s.problem_names():
                    problems[name][column[s.role]] += 1
            if s.role == CAUSE:
                for name in s.cause_names():
                    causes[name] += 1
        out = {"problems": problems, "causes": causes, "flags": dict(Counter(f.kind for f in self.flags)),
               "checks": [{"kind": c.kind, "message": c.message} for c in self.checks]}
        if self.detector_failures:
            out["detector_failures"] = dict(self.detector_failures)
        return out

    def to_dict(self) -> dict:
        return {
            "schema": SCHEMA_VERSION,
            "source": self.source,
            "model": {"name": self.model_name, "version": self.model_version},
            "sentences": [{
                "index": s.index, "start": s.start, "end": s.end, "text": s.text, "section": s.section,
                "role": s.role, "role_score": round(s.role_score, 4),
                "problems": [{"name": p.name, "score": round(p.score, 4)} for p in s.problems],
                "causes": [{"name": c.name, "score": round(c.score, 4)} for c in s.causes],
                "flags": [{"kind": f.kind, "start": f.start, "end": f.end, "message": f.message} for f in s.flags],
                **({"why": {label: [[w, round(v, 4)] for w, v in words] for label, words in s.why.items()}}
                   if s.why else {}),
            } for s in self.sentences],
            "summary": self.summary(),
        }
