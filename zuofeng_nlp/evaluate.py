"""Measure the analyser against labeled documents.

The measure is the one the project is judged by: every gold sentence is matched to the predicted
sentences that overlap it (document mode), and every gold finding / cause is also analysed alone
(sentence mode). Scores: role per-class P/R/F1 and macro-F1, problem and cause micro/macro-F1,
denial P/R/F1, a role confusion table, and the worst errors.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .corpus import LabeledDocument
from .taxonomy import CAUSES, DENIAL, PROBLEMS, ROLES


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def multilabel_scores(golds: list[set], preds: list[set], labels) -> dict:
    per, T, FP, FN = {}, 0, 0, 0
    for lab in labels:
        tp = sum(1 for g, p in zip(golds, preds) if lab in g and lab in p)
        fp = sum(1 for g, p in zip(golds, preds) if lab not in g and lab in p)
        fn = sum(1 for g, p in zip(golds, preds) if lab in g and lab not in p)
        p_, r_, f_ = prf(tp, fp, fn)
        per[lab] = {"p": p_, "r": r_, "f1": f_, "support": tp + fn}
        T, FP, FN = T + tp, FP + fp, FN + fn
    supported = [v["f1"] for v in per.values() if v["support"]]
    return {"micro_f1": prf(T, FP, FN)[2], "macro_f1": sum(supported) / max(1, len(supported)),
            "exact": sum(1 for g, p in zip(golds, preds) if set(g) == set(p)) / max(1, len(golds)),
            "n": len(golds), "per_label": per}


def role_scores(gold: list[str], pred: list[str]) -> dict:
    per = {}
    for r in ROLES:
        tp = sum(1 for g, p in zip(gold, pred) if g == r and p == r)
        fp = sum(1 for g, p in zip(gold, pred) if g != r and p == r)
        fn = sum(1 for g, p in zip(gold, pred) if g == r and p != r)
        p_, r_, f_ = prf(tp, fp, fn)
        per[r] = {"p": p_, "r": r_, "f1": f_, "support": tp + fn}
    supported = [v["f1"] for v in per.values() if v["support"]]
    return {"accuracy": sum(1 for g, p in zip(gold, pred) if g == p) / max(1, len(gold)),
            "macro_f1": sum(supported) / max(1, len(supported)), "per_role": per}


def align(gold_sentences, predicted: list[dict]) -> list[tuple[str, set, set]]:
    """For each gold sentence: the role of the predicted sentence overlapping it most, and the labels
    of every predicted sentence that covers most of it or whose middle falls inside it."""
    out = []
    for g in gold_sentences:
        best, best_overlap, probs, causes = None, 0, set(), set()
        for p in predicted:
            overlap = min(g.end, p["end"]) - max(g.start, p["start"])
            if overlap <= 0:
                continue
            if overlap > best_overlap:
                best, best_overlap = p, overlap
            middle = (p["start"] + p["end"]) / 2
            if g.start <= middle < g.end or overlap >= 0.5 * (g.end - g.start):
                probs |= {x["name"] for x in p["problems"]}
                causes |= {x["name"] for x in p["causes"]}
        if best is None:
            out.append(("other", set(), set()))
        else:
            probs |= {x["name"] for x in best["problems"]}
            causes |= {x["name"] for x in best["causes"]}
            out.append((best["role"], probs, causes))
    return out


@dataclass
class Evaluation:
    scores: dict
    confusion: Counter
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)


def evaluate(docs: list[LabeledDocument], analyze, sentence_mode: bool = True) -> Evaluation:
    """Score ``analyze(text) -> Report`` on labeled documents."""
    g_roles, p_roles, fg, fp, cg, cp = [], [], [], [], [], []
    errors = []
    for doc in docs:
        predicted = analyze(doc.text).to_dict()["sentences"]
        for g, (role, probs, causes) in zip(doc.sentences, align(doc.sentences, predicted)):
            text = doc.text[g.start:g.end]
            g_roles.append(g.role)
            p_roles.append(role)
            if g.role == "finding":
                fg.append(set(g.problems))
                fp.append(probs)
                if set(g.problems) != probs:
                    errors.append(("problems", text, "/".join(sorted(g.problems)) or "-", "/".join(sorted(probs)) or "-"))
            if g.role == "cause":
                cg.append(set(g.causes))
                cp.append(causes)
                if set(g.causes) != causes:
                    errors.append(("causes", text, "/".join(sorted(g.causes)) or "-", "/".join(sorted(causes)) or "-"))
            if g.role != role:
                errors.append(("role", text, g.role, role))
    tp = sum(1 for g, p in zip(g_roles, p_roles) if g == p == DENIAL)
    fp_ = sum(1 for g, p in zip(g_roles, p_roles) if g != DENIAL and p == DENIAL)
    fn = sum(1 for g, p in zip(g_roles, p_roles) if g == DENIAL and p != DENIAL)
    scores = {"documents": len(docs), "sentences": len(g_roles), "role": role_scores(g_roles, p_roles),
              "problems": multilabel_scores(fg, fp, PROBLEMS), "causes": multilabel_scores(cg, cp, CAUSES),
              "denial": dict(zip(("p", "r", "f1"), prf(tp, fp_, fn)), support=tp + fn)}
    if sentence_mode:
        sfg, sfp, scg, scp = [], [], [], []
        for doc in docs:
            for g in doc.sentences:
                if g.role not in ("finding", "cause"):
                    continue
                sents = analyze(doc.text[g.start:g.end]).to_dict()["sentences"]
                probs = {x["name"] for s in sents for x in s["problems"]}
                causes = {x["name"] for s in sents for x in s["causes"]}
                if g.role == "finding":
                    sfg.append(set(g.problems))
                    sfp.append(probs)
                else:
                    scg.append(set(g.causes))
                    scp.append(causes)
        scores["problems_sentence"] = multilabel_scores(sfg, sfp, PROBLEMS)
        scores["causes_sentence"] = multilabel_scores(scg, scp, CAUSES)
    return Evaluation(scores, Counter(zip(g_roles, p_roles)), errors)


def format_evaluation(ev: Evaluation, n_errors: int = 20) -> str:
    """A plain-text report of an :class:`Evaluation`."""
    s = ev.scores
    lines = [f"documents {s['documents']}  sentences {s['sentences']}",
             f"role        acc {s['role']['accuracy']:.3f}  macro-F1 {s['role']['macro_f1']:.3f}"]
    lines += [f"   {r:8s} P {v['p']:.2f} R {v['r']:.2f} F1 {v['f1']:.2f}  n={v['support']}"
              for r, v in s["role"]["per_role"].items()]
    for key, title in (("problems", "problems"), ("causes", "causes")):
        m = s[key]
        lines.append(f"{title:11s} micro-F1 {m['micro_f1']:.3f}  macro-F1 {m['macro_f1']:.3f}  exact {m['exact']:.3f}  (n={m['n']})")
        lines += [f"   {k:6s} P {v['p']:.2f} R {v['r']:.2f} F1 {v['f1']:.2f}  n={v['support']}"
                  for k, v in m["per_label"].items()]
    d = s["denial"]
    lines.append(f"denial      P {d['p']:.3f}  R {d['r']:.3f}  F1 {d['f1']:.3f}  (n={d['support']})")
    if "problems_sentence" in s:
        lines.append(f"sentence mode: problems micro-F1 {s['problems_sentence']['micro_f1']:.3f} "
                     f"macro-F1 {s['problems_sentence']['macro_f1']:.3f}; causes micro-F1 "
                     f"{s['causes_sentence']['micro_f1']:.3f}")
    lines.append("")
    lines.append("role confusion (rows gold, columns predicted):")
    lines.append("          " + "".join(f"{r[:7]:>8s}" for r in ROLES))
    for g in ROLES:
        lines.append(f"{g:10s}" + "".join(f"{ev.confusion.get((g, p), 0):8d}" for p in ROLES))
    if n_errors and ev.errors:
        lines.append("")
        lines.append(f"errors (first {min(n_errors, len(ev.errors))} of {len(ev.errors)}):")
        lines += [f"  [{kind}] gold={g} pred={p}  {text[:70]}" for kind, text, g, p in ev.errors[:n_errors]]
    return "\n".join(lines)
