"""Batch at scale: 1,000 synthetic ~7 KB reports with planted copied passages.

Reports are built from the corpus's sample reports, each with a different random substitution of
30 % of its Chinese characters (so two reports never share text by accident), then 100 pairs get a
copied paragraph. Prints wall time on the machine's cores, reports/s, peak memory (this process
and its workers) and copy-detection precision/recall on the planted pairs.

    python benchmarks/batch_copies.py [--reports 1000] [--jobs 2]
"""
import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from _common import SAMPLES

sys.path.insert(0, str(SAMPLES.parent.parent))


def mutate(text: str, rng: random.Random, share: float = 0.3) -> str:
    return "".join(chr(rng.randint(0x4E00, 0x9FA5)) if "\u4e00" <= c <= "\u9fff" and rng.random() < share else c
                   for c in text)


def long_paragraph(text: str) -> str | None:
    lines = [line for line in text.split("\n") if line.count("。") >= 3 and len(line) >= 100]
    return lines[0] if lines else None


def build(n: int, folder: Path, pairs: int, seed: int = 7):
    rng = random.Random(seed)
    samples = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")) if p.name != "example.txt"]
    texts = []
    for i in range(n):
        base = samples[i % len(samples)] + "\n" + samples[(i * 7 + 3) % len(samples)]
        texts.append(mutate(base, random.Random(seed * 100003 + i)))
    planted, paragraphs = set(), []
    while len(planted) < pairs:
        a, b = rng.sample(range(n), 2)
        if (min(a, b), max(a, b)) in planted:
            continue
        paragraph = long_paragraph(texts[a])
        if paragraph:
            texts[b] += "\n" + paragraph
            planted.add((min(a, b), max(a, b)))
            paragraphs.append(paragraph)
    # a paragraph planted twice (the same donor twice, or a copy of a copy) makes more pairs really share it
    sharing = {(i, j) for p in paragraphs for i, j in _pairs([k for k, t in enumerate(texts) if p in t])}
    paths = []
    for i, t in enumerate(texts):
        p = folder / f"r{i:04d}.txt"
        p.write_text(t, encoding="utf-8")
        paths.append(p)
    return paths, planted, sharing


def _pairs(indices):
    return [(a, b) for x, a in enumerate(indices) for b in indices[x + 1:]]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--pairs", type=int, default=100)
    a = ap.parse_args()
    from zuofeng_nlp import analyze_many, find_copies

    with tempfile.TemporaryDirectory() as tmp:
        paths, planted, sharing = build(a.reports, Path(tmp), a.pairs)
        size = sum(p.stat().st_size for p in paths)
        t0 = time.perf_counter()
        items = analyze_many(paths, jobs=a.jobs)
        t1 = time.perf_counter()
        reports = [i.report for i in items if i.report is not None]
        pairs = find_copies(reports)
        t2 = time.perf_counter()
    index = {str(p): i for i, p in enumerate(paths)}
    found = {tuple(sorted((index[p.a], index[p.b]))) for p in pairs}
    hit = len(found & planted)
    peak = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    print(f"{len(paths)} reports, {size / len(paths) / 1024:.1f} KB each on average, {a.jobs} processes")
    print(f"analysis {t1 - t0:.1f} s, copy detection {t2 - t1:.1f} s, total {t2 - t0:.1f} s "
          f"({len(paths) / (t2 - t0):.1f} reports/s); failures {sum(1 for i in items if i.error)}")
    print(f"peak RSS: this process + largest worker {peak:.0f} MB")
    print(f"copy detection: {len(found)} pairs found, {len(planted)} planted, precision "
          f"{hit / max(1, len(found)):.3f}, recall {hit / len(planted):.3f}")
    print(f"  of the {len(found - planted)} found pairs that were not planted, {len((found - planted) & sharing)} really "
          f"share a planted paragraph (copied twice); precision against all really shared pairs "
          f"{len(found & sharing) / max(1, len(found)):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
