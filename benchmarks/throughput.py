"""Batch throughput: analyze() over many reports vs the tokenizer alone on the same text (one core)."""
import os
import sys

from _common import SAMPLES, timed

sys.path.insert(0, str(SAMPLES.parent.parent))


def main() -> int:
    import zuofeng_nlp
    from zuofeng_nlp.features import sentence_body
    from zuofeng_nlp.structure import split_document
    from zuofeng_nlp.tokenizer import backend, tokenize, warm_up

    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))] * 4
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    model = zuofeng_nlp.load_model()
    warm_up()  # batch work loads the whole dictionary once
    zuofeng_nlp.analyze(texts[0], model=model)
    bodies = [[sentence_body(s.text) for s in split_document(t).sentences] for t in texts]
    t_tok = timed(lambda: [tokenize(b) for bs in bodies for b in bs])
    t_all = timed(lambda: [zuofeng_nlp.analyze(t, model=model) for t in texts])
    print(f"tokenizer backend: {backend()} (ZUOFENG_TOKENIZER={os.environ.get('ZUOFENG_TOKENIZER', '')})")
    print(f"{len(texts)} reports, {mb:.2f} MB")
    print(f"tokenizer alone   {mb / t_tok:6.2f} MB/s")
    print(f"analyze()         {mb / t_all:6.2f} MB/s  ({len(texts) / t_all:.0f} reports/s)  "
          f"= {100 * t_tok / t_all:.0f} % of the tokenizer's speed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
