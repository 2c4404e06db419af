"""4 and 9. The classifier: numpy scorer == scikit-learn, safe loading, the shipped model matches corpus/."""
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from zuofeng_nlp import ModelError, load_model
from zuofeng_nlp.corpus import corpus_files, corpus_hash, read_corpus
from zuofeng_nlp.model import default_model_dir
from zuofeng_nlp.taxonomy import CAUSES, PROBLEMS, ROLES

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus_docs():
    return read_corpus(ROOT / "corpus")


@pytest.fixture(scope="module")
def small_fit(corpus_docs):
    from zuofeng_nlp.train import DEFAULT_PARAMS, examples_from, export, fit
    docs = corpus_docs[::3]
    examples = examples_from(docs)
    fitted = fit(examples, DEFAULT_PARAMS)
    thresholds = {"problems": [0.5] * 6, "causes": [0.5] * 3}
    return examples, fitted, export(fitted, thresholds, {"name": "test", "version": "0"})


def test_numpy_scorer_equals_scikit_learn(small_fit, corpus_docs):
    from zuofeng_nlp.train import examples_from, predict_proba
    _, fitted, model = small_fit
    examples = examples_from(corpus_docs)  # the whole corpus, most of it unseen by this model
    role, problems, causes = predict_proba(fitted, [e.features for e in examples])
    for i, e in enumerate(examples):
        s = model.head_scores(e.features)
        np.testing.assert_allclose(s["role"], role[i], rtol=0, atol=1e-9)
        np.testing.assert_allclose(s["problems"], problems[i], rtol=0, atol=1e-9)
        np.testing.assert_allclose(s["causes"], causes[i], rtol=0, atol=1e-9)


def test_save_and_load_give_the_same_scores(small_fit, tmp_path):
    examples, _, model = small_fit
    model.save(tmp_path / "m")
    loaded = load_model(tmp_path / "m")
    for e in examples[:200]:
        a, b = model.head_scores(e.features), loaded.head_scores(e.features)
        for head in a:
            np.testing.assert_array_equal(a[head], b[head])


def test_weights_file_is_not_a_pickle(tmp_path):
    folder = default_model_dir()
    with np.load(folder / "weights.npz", allow_pickle=False) as z:
        assert all(z[k].dtype != object for k in z.files)


def test_tampered_weights_are_refused(tmp_path):
    target = tmp_path / "m"
    shutil.copytree(default_model_dir(), target)
    data = bytearray((target / "weights.npz").read_bytes())
    data[-100] ^= 0xFF
    (target / "weights.npz").write_bytes(bytes(data))
    with pytest.raises(ModelError, match="SHA-256"):
        load_model(target)


@pytest.mark.parametrize("damage", ["missing", "bad-json", "wrong-labels", "wrong-format"])
def test_damaged_model_folders_are_refused(tmp_path, damage):
    target = tmp_path / "m"
    shutil.copytree(default_model_dir(), target)
    meta_path = target / "meta.json"
    if damage == "missing":
        (target / "weights.npz").unlink()
    elif damage == "bad-json":
        meta_path.write_text("{", encoding="utf-8")
    else:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if damage == "wrong-labels":
            meta["heads"]["problems"]["labels"] = ["a", "b"]
        else:
            meta["format"] = 99
        meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ModelError):
        load_model(target)


def test_shipped_model_was_trained_on_this_corpus(model):
    files = corpus_files(ROOT / "corpus")
    assert model.meta["corpus_sha256"] == corpus_hash(files), "corpus/ changed: run python -m zuofeng_nlp train"


def test_shipped_model_labels(model):
    assert model.heads["role"].labels == ROLES
    assert model.heads["problems"].labels == PROBLEMS
    assert model.heads["causes"].labels == CAUSES


@pytest.mark.slow
def test_train_rebuilds_the_shipped_model(tmp_path, model, sample_texts):
    """python -m zuofeng_nlp train must give the same predictions as the shipped model."""
    from zuofeng_nlp.cli import main
    from zuofeng_nlp.structure import split_document
    assert main(["train", "--out", str(tmp_path / "m")]) == 0
    rebuilt = load_model(tmp_path / "m")
    for text in sample_texts.values():
        doc = split_document(text)
        for a, b in zip(model.predict_document(doc), rebuilt.predict_document(doc)):
            assert (a.role, [n for n, _ in a.problems], [n for n, _ in a.causes]) == \
                   (b.role, [n for n, _ in b.problems], [n for n, _ in b.causes])
            assert a.role_score == pytest.approx(b.role_score, abs=1e-9)
