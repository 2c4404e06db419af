#!/usr/bin/env python3
"""Write every whole sample report of the corpus as plain text: corpus/samples/<id>.txt.

The labeled corpus is the source of truth; these files are what a user would feed the tool.
corpus/samples/example.txt (the README example) is the report named by EXAMPLE_ID.
Run from the project root: python corpus/tools/export_samples.py
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from zuofeng_nlp.corpus import read_corpus  # noqa: E402

EXAMPLE_ID = "h1-29"


def main() -> int:
    out = ROOT / "corpus" / "samples"
    out.mkdir(exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    n = 0
    for doc in read_corpus(ROOT / "corpus"):
        if doc.kind != "report":
            continue
        (out / f"{doc.id}.txt").write_text(doc.text + "\n", encoding="utf-8")
        if doc.id == EXAMPLE_ID:
            (out / "example.txt").write_text(doc.text + "\n", encoding="utf-8")
        n += 1
    print(f"{n} sample reports written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
