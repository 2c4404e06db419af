"""Train the model from labeled documents (scikit-learn), choose settings by grouped CV, export.

Everything here imports scikit-learn; inference (model.py) does not. The exported model scores
exactly as the scikit-learn estimators do (tests/test_model.py checks it on the corpus).
"""
from __future__ import annotations

import platform
from dataclasses import dataclass

import numpy as np

from .corpus import GoldSentence, LabeledDocument
from .errors import DataError
from .features import document_contexts, sentence_features
from .model import DEFAULT_MODEL_NAME, LinearHead, Model, with_floor
from .structure import Document, Sentence, looks_like_heading, marker_level, split_document
from .taxonomy import CAUSES, PROBLEMS, ROLES, ROLES_WITH_CAUSES, ROLES_WITH_PROBLEMS

#: Settings chosen by grouped cross-validation over corpus reports (see MODEL_CARD.md).
DEFAULT_PARAMS = {"role_C": 10.0, "role_balanced": False, "problems_C": 10.0, "causes_C": 10.0, "min_df": 4}
CV_FOLDS = 5


@dataclass(frozen=True)
class Example:
    features: list[str]
    role: str
    problems: tuple[str, ...]
    causes: tuple[str, ...]
    group: str
    document: str
    with_context: bool


def identity(features):
    """The analyzer of the vectorizer: features are computed beforehand (module level so it pickles)."""
    return features


def _whole_line(text: str, start: int, end: int) -> bool:
    before = text[text.rfind("\n", 0, start) + 1:start]
    after_end = text.find("\n", end)
    after = text[end:after_end if after_end >= 0 else len(text)]
    return not before.strip() and not after.strip()


def gold_sentence(doc: LabeledDocument, gold: GoldSentence, structure: Document, index: int) -> Sentence:
    """The gold span as a structure Sentence, with context taken from the structure sentence it overlaps most."""
    best, best_overlap = None, 0
    for s in structure.sentences:
        overlap = min(gold.end, s.end) - max(gold.start, s.start)
        if overlap > best_overlap:
            best, best_overlap = s, overlap
        if s.start >= gold.end:
            break
    text = doc.text[gold.start:gold.end]
    level = marker_level(text)
    heading = looks_like_heading(text, _whole_line(doc.text, gold.start, gold.end))
    if best is None:
        return Sentence(index, gold.start, gold.end, text, marker_level=level, heading_like=heading)
    return Sentence(index, gold.start, gold.end, text, section=best.section, section_kind=best.section_kind,
                    marker_level=level, heading_like=heading, position=best.position,
                    parent_section=best.parent_section)


def writer_group(doc: LabeledDocument) -> str:
    """The CV group of a document: its writer (``"writer"`` field, else the id prefix before "-").

    Grouping by writer, not only by document, makes cross-validation measure what matters: how the
    model reads reports written by someone whose style it has never seen.
    """
    return str(doc.meta.get("writer") or doc.id.split("-", 1)[0])


def examples_from(docs: list[LabeledDocument], both_views: bool = True) -> list[Example]:
    """One example per gold sentence in its report context, plus (``both_views``) the sentence alone.

    A document of one sentence is only seen alone, as at inference.
    """
    out = []
    for doc in docs:
        structure = split_document(doc.text)
        sentences = [gold_sentence(doc, gold, structure, i) for i, gold in enumerate(doc.sentences)]
        contexts = document_contexts(sentences, structure.section_kinds)
        for gold, sent, context in zip(doc.sentences, sentences, contexts):
            views = (context, None) if both_views and context is not None else (context,)
            for view in views:
                out.append(Example(sentence_features(sent, view), gold.role, gold.problems, gold.causes,
                                   writer_group(doc), doc.id, view is not None))
    return out


# -- fitting -------------------------------------------------------------------------------
def _vectorizer(min_df: int):
    from sklearn.feature_extraction.text import TfidfVectorizer
    return TfidfVectorizer(analyzer=identity, sublinear_tf=True, min_df=min_df, dtype=np.float64)


def _logreg(C: float, balanced: bool):
    from sklearn.linear_model import LogisticRegression
    return LogisticRegression(C=C, max_iter=5000, class_weight="balanced" if balanced else None)


def _subsets(examples: list[Example]):
    prob_rows = [i for i, e in enumerate(examples) if e.role in ROLES_WITH_PROBLEMS]
    cause_rows = [i for i, e in enumerate(examples) if e.role in ROLES_WITH_CAUSES]
    return prob_rows, cause_rows


@dataclass
class Fitted:
    vectorizer: object
    role: object
    problems: list
    causes: list


def fit(examples: list[Example], params: dict) -> Fitted:
    """Fit the vectorizer and the three heads on ``examples``."""
    vec = _vectorizer(params["min_df"])
    X = vec.fit_transform([e.features for e in examples])
    role = _logreg(params["role_C"], params["role_balanced"]).fit(X, [e.role for e in examples])
    prob_rows, cause_rows = _subsets(examples)
    problems = [_fit_binary(X[prob_rows], [label in examples[i].problems for i in prob_rows], params["problems_C"])
                for label in PROBLEMS]
    causes = [_fit_binary(X[cause_rows], [label in examples[i].causes for i in cause_rows], params["causes_C"])
              for label in CAUSES]
    return Fitted(vec, role, problems, causes)


def _fit_binary(X, y, C):
    y = np.asarray(y, dtype=int)
    if y.min() == y.max():  # a label never (or always) seen: a constant scorer
        return ("constant", float(y[0]))
    return _logreg(C, True).fit(X, y)


def _binary_proba(est, X) -> np.ndarray:
    if isinstance(est, tuple):
        return np.full(X.shape[0], est[1])
    return est.predict_proba(X)[:, 1]


def predict_proba(fitted: Fitted, features: list[list[str]]):
    """(role probabilities in ROLES order, problem probabilities, cause probabilities)."""
    X = fitted.vectorizer.transform(features)
    order = [list(fitted.role.classes_).index(r) if r in fitted.role.classes_ else None for r in ROLES]
    raw = fitted.role.predict_proba(X)
    role = np.column_stack([raw[:, j] if j is not None else np.zeros(X.shape[0]) for j in order])
    problems = np.column_stack([_binary_proba(e, X) for e in fitted.problems])
    causes = np.column_stack([_binary_proba(e, X) for e in fitted.causes])
    return role, problems, causes


# -- cross-validation ----------------------------------------------------------------------
def _f1(tp, fp, fn):
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def best_thresholds(proba: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """Per label, the threshold in 0.20…0.80 that maximises F1 on out-of-fold probabilities."""
    grid = np.round(np.arange(0.20, 0.81, 0.05), 2)
    out = []
    for j in range(proba.shape[1]):
        scores = [_f1(((proba[:, j] >= t) & gold[:, j]).sum(), ((proba[:, j] >= t) & ~gold[:, j]).sum(),
                      ((proba[:, j] < t) & gold[:, j]).sum()) for t in grid]
        out.append(float(grid[int(np.argmax(scores))]))
    return np.array(out)


def best_floor(proba: np.ndarray, gold: np.ndarray, thresholds: np.ndarray) -> float:
    """The floor (1.0 = none) that maximises micro-F1 of findings' categories out of fold."""
    def micro(floor):
        chosen = with_floor(proba, thresholds, floor)
        return _f1((chosen & gold).sum(), (chosen & ~gold).sum(), (~chosen & gold).sum())
    return max((1.0, 0.35, 0.3, 0.25, 0.2, 0.15, 0.1), key=micro)


def cross_validate(docs: list[LabeledDocument], params: dict, folds: int = CV_FOLDS) -> dict:
    """K-fold grouped by writer: out-of-fold predictions, tuned thresholds and scores."""
    from sklearn.model_selection import GroupKFold

    examples = examples_from(docs)
    groups = [e.group for e in examples]
    if len(set(groups)) < folds:  # too few writers: fall back to documents
        groups = [e.document for e in examples]
    if len(set(groups)) < folds:
        raise DataError(f"cross-validation needs at least {folds} documents, got {len(set(groups))}; use --no-cv")
    n = len(examples)
    role_p = np.zeros((n, len(ROLES)))
    prob_p = np.zeros((n, len(PROBLEMS)))
    cause_p = np.zeros((n, len(CAUSES)))
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(np.zeros(n), groups=groups):
        fitted = fit([examples[i] for i in train_idx], params)
        r, p, c = predict_proba(fitted, [examples[i].features for i in test_idx])
        role_p[test_idx], prob_p[test_idx], cause_p[test_idx] = r, p, c
    prob_gold = np.array([[lab in e.problems for lab in PROBLEMS] for e in examples])
    cause_gold = np.array([[lab in e.causes for lab in CAUSES] for e in examples])
    prob_rows, cause_rows = _subsets(examples)
    thresholds = {"problems": best_thresholds(prob_p[prob_rows], prob_gold[prob_rows]),
                  "causes": best_thresholds(cause_p[cause_rows], cause_gold[cause_rows])}
    finding_rows = [i for i, e in enumerate(examples) if e.role == "finding"]
    thresholds["problems_floor"] = best_floor(prob_p[finding_rows], prob_gold[finding_rows], thresholds["problems"])
    report = {}
    for view, flag in (("in report", True), ("alone", False)):
        rows = [i for i, e in enumerate(examples) if e.with_context == flag]
        report[view] = _scores([examples[i] for i in rows], role_p[rows], prob_p[rows], cause_p[rows], thresholds)
    return {"thresholds": {k: np.asarray(v).tolist() for k, v in thresholds.items()}, "scores": report,
            "examples": n, "documents": len(docs)}


def _scores(examples, role_p, prob_p, cause_p, thresholds) -> dict:
    from .evaluate import multilabel_scores, role_scores
    pred_roles = [ROLES[int(j)] for j in role_p.argmax(axis=1)]
    gold_roles = [e.role for e in examples]
    find = [i for i, e in enumerate(examples) if e.role == "finding"]
    cause = [i for i, e in enumerate(examples) if e.role == "cause"]

    def labels(p, names, th, i, allowed, role):
        return {n for n, s, t in zip(names, p[i], th) if s >= t} if role in allowed else set()
    floored = with_floor(prob_p, np.asarray(thresholds["problems"]), thresholds.get("problems_floor", 1.0))
    prob_pred = [({n for n, c in zip(PROBLEMS, floored[i]) if c} if pred_roles[i] == "finding" else
                  labels(prob_p, PROBLEMS, thresholds["problems"], i, ROLES_WITH_PROBLEMS, pred_roles[i])) for i in find]
    cause_pred = [labels(cause_p, CAUSES, thresholds["causes"], i, ROLES_WITH_CAUSES, pred_roles[i]) for i in cause]
    return {"role": role_scores(gold_roles, pred_roles),
            "problems": multilabel_scores([set(examples[i].problems) for i in find], prob_pred, PROBLEMS),
            "causes": multilabel_scores([set(examples[i].causes) for i in cause], cause_pred, CAUSES)}


# -- export --------------------------------------------------------------------------------
def export(fitted: Fitted, thresholds: dict, meta: dict) -> Model:
    """The fitted estimators as a numpy-only :class:`Model`."""
    vocab = {term: int(i) for term, i in fitted.vectorizer.vocabulary_.items()}
    n_features = len(vocab)
    classes = list(fitted.role.classes_)
    coef = np.zeros((len(ROLES), n_features))
    intercept = np.full(len(ROLES), -1e9)  # a role absent from training is never predicted
    for j, role in enumerate(ROLES):
        if role in classes:
            k = classes.index(role)
            coef[j], intercept[j] = fitted.role.coef_[k], fitted.role.intercept_[k]
    heads = {"role": LinearHead(ROLES, coef, intercept, "softmax")}
    for name, labels, ests in (("problems", PROBLEMS, fitted.problems), ("causes", CAUSES, fitted.causes)):
        c = np.zeros((len(labels), n_features))
        b = np.zeros(len(labels))
        for j, est in enumerate(ests):
            if isinstance(est, tuple):
                b[j] = 50.0 if est[1] else -50.0
            else:
                c[j], b[j] = est.coef_[0], est.intercept_[0]
        heads[name] = LinearHead(labels, c, b, "sigmoid", np.asarray(thresholds[name], dtype=np.float64))
    return Model(vocab, np.asarray(fitted.vectorizer.idf_, dtype=np.float64), heads, meta)


def library_versions() -> dict:
    import jieba
    import joblib
    import sklearn
    return {"python": platform.python_version(), "jieba": jieba.__version__, "scikit-learn": sklearn.__version__,
            "numpy": np.__version__, "joblib": joblib.__version__}


def train_model(docs: list[LabeledDocument], params: dict | None = None, cv: bool = True,
                name: str = DEFAULT_MODEL_NAME, extra_meta: dict | None = None) -> tuple[Model, dict]:
    """Cross-validate (for thresholds and scores), then fit on everything and export."""
    params = dict(DEFAULT_PARAMS, **(params or {}))
    if cv:
        cv_result = cross_validate(docs, params)
        thresholds = cv_result["thresholds"]
    else:
        cv_result = None
        thresholds = {"problems": [0.5] * len(PROBLEMS), "causes": [0.5] * len(CAUSES), "problems_floor": 1.0}
    fitted = fit(examples_from(docs), params)
    from . import __version__
    meta = {"name": name, "version": __version__, "params": params, "libraries": library_versions(),
            "thresholds": thresholds, "cv": cv_result and cv_result["scores"]}
    meta.update(extra_meta or {})
    return export(fitted, thresholds, meta), {"cv": cv_result, "fitted": fitted}
