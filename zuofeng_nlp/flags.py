"""Detectors: small named pure functions that look at one analysed sentence and yield Flags.

Each detector is registered once with :func:`detector`; names are unique. The runner catches a
failing detector, counts the failure and goes on, so one broken check never stops a report.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Callable, Iterable

from .features import topics_named
from .report import AnalyzedSentence, Flag
from .taxonomy import (DENIAL, FINDING, FLAG_DENIAL, FLAG_GENERIC_FINDING, FLAG_RESTATED_REQUIREMENT,
                       FLAG_SAFE_FINDING, FLAG_VAGUE_MEASURE, HEADING, MEASURE, PROBLEMS)

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


DEADLINE_CUE = re.compile(r"\d{4}年|\d{1,2}月|月底|年底|年内|季度|时限|限时|工作日|前完成|之前|立行立改|立即|长期坚持|常态化")
OWNER_CUE = re.compile(r"责任人|责任单位|责任科室|责任股室|牵头|负责|分管|主要领导|党组|党委|支部|办公室|[科股室站所局队]长?负责")
TARGET_CUE = re.compile(r"\d|[一二两三四五六七八九十百]+[次项个份条天件人家场]|一律|全部|全覆盖|每[月周季年天]|不少于|不超过|"
                        r"压减|减少|控制在|100%|百分之|清零|台账|清单")


@detector(FLAG_VAGUE_MEASURE)
def flag_vague_measure(sentence: AnalyzedSentence) -> Iterable[Flag]:
    """A measure that states at most one of: a deadline, who is responsible, a measurable target."""
    if sentence.role != MEASURE or not sentence.text.strip():
        return
    missing = [name for name, cue in (("完成时限", DEADLINE_CUE), ("责任主体", OWNER_CUE), ("可量化目标", TARGET_CUE))
               if not cue.search(sentence.text)]
    if len(missing) >= 2:
        yield Flag(FLAG_VAGUE_MEASURE, sentence.start, sentence.end,
                   f"整改措施缺少{'、'.join(missing)}，难以检验落实，建议要求细化")


GENERIC_SUBJECT = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]|[一二三四五六七八九十]是)?\s*"
                             r"(?:但|同时|此外|另外)?[，,]?(?:仍有|还有|也有)?(?:部分|有的|个别|少数|一些|有些|极少数|少部分)")
CONCRETE_DETAIL = re.compile(r"\d|[一二两三四五六七八九十百千]+[次项个份条天件人家场户名起]|某|[A-Z]{1,3}[科股所站村局]|"
                             r"[\u4e00-\u9fff]{2,}(?:村|社区|镇|乡|街道|科|股|所|站|局|中心|窗口|中队)|“[^”]{2,}”|年|月|日|如|例如|比如")


@detector(FLAG_GENERIC_FINDING)
def flag_generic_finding(sentence: AnalyzedSentence) -> Iterable[Flag]:
    """A finding about "部分干部/有的同志…" with nothing concrete: no number, place, case, person or time."""
    if sentence.role != FINDING or not GENERIC_SUBJECT.search(sentence.text.strip()):
        return
    if CONCRETE_DETAIL.search(sentence.text):
        return
    yield Flag(FLAG_GENERIC_FINDING, sentence.start, sentence.end,
               "问题表述笼统（大而化之），未列举具体事例、数据、地点或时间，建议要求补充")


SAFE_TOPIC = re.compile(r"学习|理论|能力|本领|思想认识|认识不够|认识不足|创新|思路不宽|标准不高|要求不严|经验不足")


@detector(FLAG_SAFE_FINDING)
def flag_safe_finding(sentence: AnalyzedSentence) -> Iterable[Flag]:
    """Under a heading that names a category, a finding that only admits 学习不够-type weaknesses."""
    if sentence.role != FINDING or sentence.problems or not SAFE_TOPIC.search(sentence.text):
        return
    named = [t for t in topics_named(sentence.section) if t in PROBLEMS] if sentence.section != sentence.text else []
    if named:
        yield Flag(FLAG_SAFE_FINDING, sentence.start, sentence.end,
                   f"在「{'、'.join(named)}」方面只谈学习、能力等泛泛不足，回避了该类问题本身，建议核实")


CAMPAIGN_WORDING = re.compile(r"六个方面|六个大力整治|六类问题|对照.{0,20}要求|大力整治")


@detector(FLAG_RESTATED_REQUIREMENT)
def flag_restated_requirement(sentence: AnalyzedSentence) -> Iterable[Flag]:
    """A sentence that repeats the campaign's own wording (the list of the six, 对照…要求) instead of reporting."""
    if sentence.role in (HEADING, DENIAL) or not sentence.text.strip():
        return
    named = sum(1 for name in PROBLEMS if name in sentence.text)
    if named >= 4 or (CAMPAIGN_WORDING.search(sentence.text) and named >= 2):
        yield Flag(FLAG_RESTATED_REQUIREMENT, sentence.start, sentence.end,
                   "复述了活动要求（如六类问题清单、“对照…要求”），不是查摆结果，不应计入整改成效")


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
