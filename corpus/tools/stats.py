#!/usr/bin/env python3
"""Print the corpus label counts and diversity figures (markdown), for corpus/README.md.

Run from the project root: python corpus/tools/stats.py
"""
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from zuofeng_nlp.corpus import read_corpus  # noqa: E402
from zuofeng_nlp.taxonomy import CAUSES, PROBLEMS, ROLES  # noqa: E402
from zuofeng_nlp.tokenizer import tokenize  # noqa: E402


def main() -> int:
    docs = read_corpus(ROOT / "corpus")
    sents = [(d, s) for d in docs for s in d.sentences]
    kinds = Counter(d.kind for d in docs)
    roles = Counter(s.role for _, s in sents)
    by_role = {r: Counter() for r in ROLES}
    causes = Counter()
    for _, s in sents:
        by_role[s.role].update(s.problems)
        causes.update(s.causes)
    texts = ["".join(d.text[s.start:s.end].split()) for d, s in sents]
    trigrams, total = set(), 0
    for t in texts:
        words = [w for w in tokenize(t) if w.strip()]
        grams = list(zip(words, words[1:], words[2:]))
        trigrams.update(grams)
        total += len(grams)
    print(f"- {len(docs)} documents ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}), "
          f"{len(sents)} sentences, {sum(len(t) for t in texts)} characters")
    print(f"- distinct sentences: {len(set(texts))} of {len(texts)}")
    print(f"- diversity: distinct word 3-grams / all word 3-grams = {len(trigrams)}/{total} = {len(trigrams) / max(1, total):.3f}")
    print(f"- wrapped like a PDF export: {sum(1 for d in docs if d.meta.get('wrap'))} documents; "
          f"half-width punctuation in {sum(1 for t in texts if any(c in t for c in ',;:()') )} sentences")
    print()
    print("| role | sentences | " + " | ".join(PROBLEMS) + " |")
    print("|---|---|" + "---|" * len(PROBLEMS))
    for r in ROLES:
        print(f"| {r} | {roles[r]} | " + " | ".join(str(by_role[r][p]) for p in PROBLEMS) + " |")
    total_p = Counter()
    for c in by_role.values():
        total_p.update(c)
    print("| all roles | | " + " | ".join(str(total_p[p]) for p in PROBLEMS) + " |")
    print()
    print("| cause type | sentences |")
    print("|---|---|")
    for c in CAUSES:
        print(f"| {c} | {causes[c]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
