"""Copy detection across reports: passages two reports share beyond the campaign's own wording.

Sentences are compared by MinHash over character 4-gram shingles (datasketch's LSH finds the
candidates, so it scales to thousands of reports), then every candidate is verified with the exact
Jaccard similarity of the shingles. A sentence that many reports share is the campaign's wording
(its title, the list of the six categories, stock openers) and never raises an alarm.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from .report import Report
from .taxonomy import PROBLEMS

SHINGLE = 4
MIN_CHARS = 14          # shorter sentences (headings, stock phrases) are not compared
NUM_PERM = 64
SIMILAR = 0.7           # Jaccard of shingles for two sentences to count as the same passage
#: A sentence found in more than this many reports (or share of reports) is boilerplate.
BOILERPLATE_REPORTS, BOILERPLATE_SHARE = 3, 0.05
#: A pair of reports is an alarm when it shares this many sentences or characters.
ALARM_SENTENCES, ALARM_CHARS = 2, 60


@dataclass(frozen=True)
class SharedPassage:
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    similarity: float


@dataclass(frozen=True)
class CopyPair:
    """Two reports sharing passages: ``score`` is the shared share of the shorter report's text."""
    a: str
    b: str
    score: float
    passages: tuple[SharedPassage, ...]


def _normalized(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text))


def _shingles(norm: str) -> set[str]:
    return {norm[i:i + SHINGLE] for i in range(len(norm) - SHINGLE + 1)}


def _is_campaign_wording(norm: str) -> bool:
    return sum(1 for name in PROBLEMS if name in norm) >= 3


def find_copies(reports: list[Report], against: list[Report] = ()) -> list[CopyPair]:
    """Pairs of reports (within ``reports``, and between them and ``against``) that share passages."""
    from datasketch import MinHash, MinHashLSH

    everything = list(reports) + list(against)
    units = []  # (report index, sentence start, end, normalized length, shingles)
    for r_i, report in enumerate(everything):
        for s in report.sentences:
            norm = _normalized(s.text)
            if len(norm) >= MIN_CHARS and not _is_campaign_wording(norm):
                units.append((r_i, s.start, s.end, len(norm), _shingles(norm)))
    lsh = MinHashLSH(threshold=SIMILAR, num_perm=NUM_PERM)
    hashes = []
    for u_i, unit in enumerate(units):
        m = MinHash(num_perm=NUM_PERM)
        m.update_batch([x.encode("utf-8") for x in unit[4]])
        hashes.append(m)
        lsh.insert(u_i, m)
    limit = max(BOILERPLATE_REPORTS, int(BOILERPLATE_SHARE * len(everything)))
    shared: dict[tuple[int, int], list] = defaultdict(list)
    for u_i, unit in enumerate(units):
        candidates = [c for c in lsh.query(hashes[u_i]) if c != u_i]
        verified = [c for c in candidates
                    if len(unit[4] & units[c][4]) / max(1, len(unit[4] | units[c][4])) >= SIMILAR]
        if len({units[c][0] for c in verified} | {unit[0]}) > limit:
            continue  # the campaign's own wording, shared by many reports
        for c in verified:
            a, b = unit, units[c]
            if a[0] >= b[0] or (a[0] >= len(reports) and b[0] >= len(reports)):
                continue  # each pair once; never two reference reports with each other
            similarity = len(a[4] & b[4]) / len(a[4] | b[4])
            shared[(a[0], b[0])].append((SharedPassage(a[1], a[2], b[1], b[2], round(similarity, 3)), min(a[3], b[3])))
    pairs = []
    for (i, j), found in shared.items():
        passages = sorted({p for p, _ in found}, key=lambda p: (p.a_start, p.b_start))
        chars = sum(n for _, n in {(p, n) for p, n in found})
        if len(passages) < ALARM_SENTENCES and chars < ALARM_CHARS:
            continue
        shorter = min(len(_normalized(everything[i].text)), len(_normalized(everything[j].text))) or 1
        pairs.append(CopyPair(everything[i].source, everything[j].source, round(min(1.0, chars / shorter), 3),
                              tuple(passages)))
    return sorted(pairs, key=lambda p: -p.score)
