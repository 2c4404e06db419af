"""The baseline: a plain jieba + scikit-learn + joblib pipeline, as one would write it first.

    python benchmarks/plain_pipeline.py build MODEL.joblib     # train TF-IDF(jieba) + LR on corpus/
    python benchmarks/plain_pipeline.py classify MODEL.joblib REPORT.txt
"""
import re
import sys

import jieba
import joblib


def jieba_words(text):
    return jieba.lcut(text)


def build(path):
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    from zuofeng_nlp.corpus import read_corpus
    docs = read_corpus(__import__("pathlib").Path(__file__).resolve().parent.parent / "corpus")
    texts = [d.text[s.start:s.end] for d in docs for s in d.sentences]
    roles = [s.role for d in docs for s in d.sentences]
    pipe = make_pipeline(TfidfVectorizer(tokenizer=jieba_words, token_pattern=None), LogisticRegression(max_iter=2000))
    pipe.fit(texts, roles)
    joblib.dump(pipe, path)


def classify(model_path, report_path):
    pipe = joblib.load(model_path)
    text = open(report_path, encoding="utf-8").read()
    sentences = [s for s in re.split(r"(?<=[。！？；\n])", text) if s.strip()]
    for sentence, role in zip(sentences, pipe.predict(sentences)):
        print(role, sentence.strip())


if __name__ == "__main__":
    if sys.argv[1] == "build":
        build(sys.argv[2])
    else:
        classify(sys.argv[2], sys.argv[3])
