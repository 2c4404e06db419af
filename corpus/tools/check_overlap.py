#!/usr/bin/env python3
"""Check that no corpus sentence copies (or lightly edits) a sentence of a reference text.

Usage: python corpus/tools/check_overlap.py REFERENCE [REFERENCE ...] [--corpus corpus]

REFERENCE is a labeled JSON-lines file (documents with "text") or a plain .txt report.
A corpus sentence is reported when it shares a run of 16 or more characters with a reference
sentence, or when 60 % or more of its character 3-grams appear in one reference sentence.
Set phrases shorter than that (门难进、脸难看、话难听、事难办) are facts and pass. Exit 1 if any is found.
"""
import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from zuofeng_nlp.corpus import read_corpus  # noqa: E402

MIN_RUN = 16
MAX_SHARE = 0.6


def reference_sentences(path: Path) -> list[str]:
    if path.suffix == ".jsonl":
        texts = [json.loads(l)["text"] for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    else:
        texts = [path.read_text(encoding="utf-8")]
    out = []
    for t in texts:
        out += [s for s in re.split(r"(?<=[。！？；!?;\n])", re.sub(r"\s+", lambda m: "\n" if "\n" in m.group() else "", t)) if len(s.strip()) >= 8]
    return out


def grams(s: str, n: int = 3) -> set:
    s = re.sub(r"[\W_]+", "", s)
    return {s[i:i + n] for i in range(len(s) - n + 1)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("references", nargs="+", type=Path)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1])
    a = ap.parse_args(argv)
    refs = [s for p in a.references for s in reference_sentences(p)]
    runs = {}
    for r in refs:
        flat = re.sub(r"\s+", "", r)
        for i in range(len(flat) - MIN_RUN + 1):
            runs.setdefault(flat[i:i + MIN_RUN], r)
    ref_grams = [(r, grams(r)) for r in refs]
    index = {}
    for k, (_r, g) in enumerate(ref_grams):
        for x in g:
            index.setdefault(x, []).append(k)
    found = 0
    for doc in read_corpus(a.corpus):
        for s in doc.sentences:
            text = re.sub(r"\s+", "", doc.text[s.start:s.end])
            hit = next((runs[text[i:i + MIN_RUN]] for i in range(len(text) - MIN_RUN + 1) if text[i:i + MIN_RUN] in runs), None)
            g = grams(text)
            if hit is None and len(g) >= 6:
                counts = {}
                for x in g:
                    for k in index.get(x, ()):
                        counts[k] = counts.get(k, 0) + 1
                if counts:
                    k, c = max(counts.items(), key=lambda kv: kv[1])
                    if c / len(g) >= MAX_SHARE:
                        hit = ref_grams[k][0]
            if hit is not None:
                found += 1
                print(f"{doc.id}: {text}\n    ~ {hit.strip()}")
    print(f"{found} corpus sentences too close to the references", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
