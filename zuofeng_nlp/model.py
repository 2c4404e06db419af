"""The shipped model: TF-IDF + linear heads, scored with numpy alone.

A model is a folder with ``weights.npz`` (arrays only — vocabulary, idf, weights — loaded with
``allow_pickle=False``) and ``meta.json`` (labels, thresholds, versions, corpus hash, SHA-256 of
the weights). Loading one never runs code from the file. Training (scikit-learn) is in train.py.
"""
from __future__ import annotations

import hashlib
import json
import math
import warnings
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from .errors import ModelError
from .features import document_contexts, sentence_body, sentence_features
from .tokenizer import jieba_version, segmenter_for
from .structure import Document
from .taxonomy import CAUSES, FINDING, PROBLEMS, ROLES, ROLES_WITH_CAUSES, ROLES_WITH_PROBLEMS

FORMAT_VERSION = 2
WEIGHTS_FILE = "weights.npz"
META_FILE = "meta.json"
DEFAULT_MODEL_NAME = "zuofeng-base"


@dataclass(frozen=True)
class Prediction:
    """What the model says of one sentence."""
    role: str
    role_score: float
    problems: tuple[tuple[str, float], ...]
    causes: tuple[tuple[str, float], ...]
    #: label → the features that pushed the model to it, with their exact weight (when asked for).
    why: dict = field(default_factory=dict)


@dataclass
class LinearHead:
    """Weights of one linear classifier over the shared feature space.

    ``kind`` is ``"softmax"`` (one label, e.g. role) or ``"sigmoid"`` (independent labels with
    per-label ``thresholds``).
    """
    labels: tuple[str, ...]
    coef: np.ndarray          # (n_labels, n_features)
    intercept: np.ndarray     # (n_labels,)
    kind: str
    thresholds: np.ndarray | None = None

    def scores(self, indices: np.ndarray, values: np.ndarray) -> np.ndarray:
        return self.activate(self.coef[:, indices] @ values + self.intercept)

    def activate(self, logits: np.ndarray) -> np.ndarray:
        if self.kind == "softmax":
            z = np.exp(logits - logits.max())
            return z / z.sum()
        return 1.0 / (1.0 + np.exp(-logits))


class Model:
    """Vocabulary + idf + three linear heads (role, problems, causes)."""

    def __init__(self, vocabulary: dict[str, int], idf: np.ndarray, heads: dict[str, LinearHead],
                 meta: dict):
        self.vocabulary = vocabulary
        self.idf = idf
        self.heads = heads
        self.meta = meta

    @property
    def name(self) -> str:
        return self.meta.get("name", DEFAULT_MODEL_NAME)

    @property
    def problems_floor(self) -> float:
        """A finding with no category above its threshold takes its best one if it reaches this score."""
        return float(self.meta.get("thresholds", {}).get("problems_floor", 1.0))

    @property
    def version(self) -> str:
        return self.meta.get("version", "0")

    # -- scoring -----------------------------------------------------------------------
    def vectorize(self, features: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Sparse TF-IDF vector (indices, values): sublinear tf, smooth idf, l2 norm (as scikit-learn)."""
        get = self.vocabulary.get
        known = np.fromiter((get(f, -1) for f in features), dtype=np.int64, count=len(features))
        idx, counts = np.unique(known[known >= 0], return_counts=True)
        if not len(idx):
            return idx, np.zeros(0)
        vals = (1.0 + np.log(counts)) * self.idf[idx]
        norm = math.sqrt(float(vals @ vals))
        return idx, vals / norm if norm else vals

    def score_many(self, feature_lists: list[list[str]]) -> list[dict[str, np.ndarray]]:
        """:meth:`head_scores` of many sentences at once (one gather per head instead of one per sentence)."""
        vectors = [self.vectorize(f) for f in feature_lists]
        idx = np.concatenate([v[0] for v in vectors]) if vectors else np.zeros(0, dtype=np.int64)
        vals = np.concatenate([v[1] for v in vectors]) if vectors else np.zeros(0)
        row = np.repeat(np.arange(len(vectors)), [len(v[0]) for v in vectors])
        out = [dict() for _ in vectors]
        for name, head in self.heads.items():
            logits = np.zeros((len(vectors), len(head.labels)))
            np.add.at(logits, row, (head.coef[:, idx] * vals).T)
            logits += head.intercept
            for i, z in enumerate(logits):
                out[i][name] = head.activate(z)
        return out

    def head_scores(self, features: list[str]) -> dict[str, np.ndarray]:
        idx, vals = self.vectorize(features)
        return {name: head.scores(idx, vals) for name, head in self.heads.items()}

    def explain(self, features: list[str], head: str, label: str, top: int = 6) -> list[tuple[str, float]]:
        """The features that pushed ``head`` towards ``label`` most: (feature, tf-idf value × weight),
        exact contributions to the linear score, largest first (only positive ones)."""
        h = self.heads[head]
        idx, vals = self.vectorize(features)
        if not len(idx):
            return []
        contributions = h.coef[h.labels.index(label), idx] * vals
        if h.kind == "softmax":  # relative to the average class, so shared features cancel out
            contributions = contributions - h.coef[:, idx].mean(axis=0) * vals
        inverse = {self.vocabulary[f]: f for f in features if f in self.vocabulary}
        order = np.argsort(-contributions)[:top]
        return [(inverse[int(idx[j])], float(contributions[j])) for j in order if contributions[j] > 0]

    def _decide(self, s: dict[str, np.ndarray]) -> Prediction:
        role_head = self.heads["role"]
        best = int(np.argmax(s["role"]))
        role = role_head.labels[best]
        problems = causes = ()
        if role == FINDING:
            head, scores = self.heads["problems"], s["problems"]
            chosen = with_floor(scores[None, :], head.thresholds, self.problems_floor)[0]
            problems = tuple((label, float(sc)) for label, sc, c in zip(head.labels, scores, chosen) if c)
        elif role in ROLES_WITH_PROBLEMS:
            problems = _above(self.heads["problems"], s["problems"])
        if role in ROLES_WITH_CAUSES:
            causes = _above(self.heads["causes"], s["causes"])
        return Prediction(role, float(s["role"][best]), problems, causes)

    def predict_document(self, doc: Document, explain: bool = False) -> list[Prediction]:
        """Predictions for every sentence of a report, each read in its context; with ``explain``,
        each carries the words behind each of its labels."""
        segment = segmenter_for(sentence_body(s.text) for s in doc.sentences)
        contexts = document_contexts(doc.sentences, doc.section_kinds)
        feature_lists = [sentence_features(s, c, segment) for s, c in zip(doc.sentences, contexts)]
        out = []
        for features, scores in zip(feature_lists, self.score_many(feature_lists)):
            pred = self._decide(scores)
            if explain:
                why = {pred.role: self.explain(features, "role", pred.role)}
                why.update((name, self.explain(features, "problems", name)) for name, _ in pred.problems)
                why.update((name, self.explain(features, "causes", name)) for name, _ in pred.causes)
                pred = replace(pred, why=why)
            out.append(pred)
        return out

    # -- saving ------------------------------------------------------------------------
    def save(self, folder: str | Path) -> Path:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        arrays = {"idf": self.idf, "vocabulary": np.frombuffer("\n".join(terms).encode("utf-8"), dtype=np.uint8)}
        for name, head in self.heads.items():
            arrays[f"{name}.coef"] = head.coef
            arrays[f"{name}.intercept"] = head.intercept
            if head.thresholds is not None:
                arrays[f"{name}.thresholds"] = head.thresholds
        weights = folder / WEIGHTS_FILE
        tmp = weights.with_suffix(".tmp.npz")
        np.savez(tmp, **arrays)  # uncompressed: loads in milliseconds (features never contain a line break)
        tmp.replace(weights)
        meta = dict(self.meta)
        meta.update(format=FORMAT_VERSION,
                    heads={n: {"labels": list(h.labels), "kind": h.kind} for n, h in self.heads.items()},
                    features=len(terms), weights_sha256=sha256_file(weights))
        (folder / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=0), encoding="utf-8")
        return folder


def with_floor(proba: np.ndarray, thresholds: np.ndarray, floor: float) -> np.ndarray:
    """Labels above their thresholds; where none is, the best label if it reaches ``floor`` (rows of ``proba``)."""
    chosen = proba >= thresholds
    empty = ~chosen.any(axis=1) & (proba.max(axis=1) >= floor)
    chosen[np.flatnonzero(empty), proba[empty].argmax(axis=1)] = True
    return chosen


def _above(head: LinearHead, scores: np.ndarray) -> tuple[tuple[str, float], ...]:
    return tuple((label, float(sc)) for label, sc, th in zip(head.labels, scores, head.thresholds)
                 if sc >= th)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def default_model_dir() -> Path:
    """The shipped model: installed as package data, or models/ of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_models" / DEFAULT_MODEL_NAME, here.parent / "models" / DEFAULT_MODEL_NAME):
        if (candidate / META_FILE).exists():
            return candidate
    try:
        from importlib import resources
        candidate = Path(str(resources.files("zuofeng_nlp._models"))) / DEFAULT_MODEL_NAME
        if (candidate / META_FILE).exists():
            return candidate
    except (ModuleNotFoundError, TypeError):
        pass
    raise ModelError("the shipped model is missing; reinstall zuofeng_nlp or run 'python -m zuofeng_nlp train'")


def load_model(path: str | Path | None = None, trust: bool = False) -> Model:
    """Load a model folder (default: the shipped one). Refuses damaged or foreign files.

    A ``.joblib`` file (the full scikit-learn estimator written by ``train --save-estimator``) is a
    pickle, which can run code when loaded: it is refused unless ``trust=True``.
    """
    if path is None:
        return _load_default()
    path = Path(path)
    if path.suffix == ".joblib":
        return _load_joblib(path, trust)
    return _load(path)


def _load_joblib(path: Path, trust: bool) -> Model:
    if not trust:
        raise ModelError(f"{path}: a joblib file is a pickle and can run code when loaded; "
                         "pass --trust-model (trust=True) only for a file you made")
    if not path.is_file():
        raise ModelError(f"{path}: no such model file")
    import joblib
    try:
        saved = joblib.load(path)
        fitted, thresholds, meta = saved["fitted"], saved["thresholds"], saved["meta"]
    except Exception as e:  # a damaged or foreign pickle fails in many ways
        raise ModelError(f"{path}: not a zuofeng_nlp estimator file ({type(e).__name__})") from None
    import sklearn
    trained = meta.get("libraries", {}).get("scikit-learn")
    if trained and trained != sklearn.__version__:
        warnings.warn(f"estimator saved with scikit-learn {trained}, loading with {sklearn.__version__}",
                      stacklevel=3)
    from .train import export
    return export(fitted, thresholds, meta)


@lru_cache(maxsize=1)
def _load_default() -> Model:
    return _load(default_model_dir())


def _load(folder: Path) -> Model:
    if folder.is_file() and folder.name == META_FILE:
        folder = folder.parent
    meta_path, weights_path = folder / META_FILE, folder / WEIGHTS_FILE
    if not meta_path.exists() or not weights_path.exists():
        raise ModelError(f"{folder}: not a zuofeng_nlp model folder (expected {META_FILE} and {WEIGHTS_FILE})")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        raise ModelError(f"{meta_path}: unreadable model metadata ({e})") from None
    if meta.get("format") != FORMAT_VERSION:
        raise ModelError(f"{folder}: expected model format {FORMAT_VERSION}, got {meta.get('format')!r}; retrain it")
    if sha256_file(weights_path) != meta.get("weights_sha256"):
        raise ModelError(f"{weights_path}: SHA-256 does not match the one recorded in {META_FILE}; the file was changed or damaged")
    expected = {"role": ROLES, "problems": PROBLEMS, "causes": CAUSES}
    for name, labels in expected.items():
        got = tuple(meta.get("heads", {}).get(name, {}).get("labels", ()))
        if set(got) != set(labels):
            raise ModelError(f"{folder}: head {name!r} expected labels {labels}, got {got}")
    try:
        with np.load(weights_path, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
    except (ValueError, OSError) as e:
        raise ModelError(f"{weights_path}: unreadable weights ({e})") from None
    terms = arrays.pop("vocabulary").tobytes().decode("utf-8").split("\n")
    vocabulary = dict(zip(terms, range(len(terms))))
    heads = {}
    for name, info in meta["heads"].items():
        heads[name] = LinearHead(tuple(info["labels"]), arrays[f"{name}.coef"], arrays[f"{name}.intercept"],
                                 info["kind"], arrays.get(f"{name}.thresholds"))
    _warn_on_version_mismatch(meta)
    return Model(vocabulary, arrays["idf"], heads, meta)


def _warn_on_version_mismatch(meta: dict) -> None:
    running = jieba_version()
    trained = meta.get("libraries", {}).get("jieba")
    if trained and trained != running:
        warnings.warn(f"model trained with jieba {trained}, running with {running}: tokens and scores may differ",
                      stacklevel=3)
