"""MODEL_CARD.md: what a model was trained on, with which libraries, and how well it scores."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from .taxonomy import CAUSES, PROBLEMS, ROLES


def _score_lines(title: str, s: dict) -> list[str]:
    lines = [f"**{title}** — role macro-F1 {s['role']['macro_f1']:.3f} (acc {s['role']['accuracy']:.3f}); "
             f"problems micro-F1 {s['problems']['micro_f1']:.3f}, macro-F1 {s['problems']['macro_f1']:.3f}; "
             f"causes micro-F1 {s['causes']['micro_f1']:.3f}"]
    if "denial" in s:
        lines[-1] += f"; denial F1 {s['denial']['f1']:.3f}"
    if "problems_sentence" in s:
        lines[-1] += f"; sentence mode problems micro-F1 {s['problems_sentence']['micro_f1']:.3f}"
    lines.append("")
    lines.append("| label | P | R | F1 | n |")
    lines.append("|---|---|---|---|---|")
    for r, v in s["role"]["per_role"].items():
        lines.append(f"| role {r} | {v['p']:.2f} | {v['r']:.2f} | {v['f1']:.2f} | {v['support']} |")
    for key in ("problems", "causes"):
        for k, v in s[key]["per_label"].items():
            lines.append(f"| {k} | {v['p']:.2f} | {v['r']:.2f} | {v['f1']:.2f} | {v['support']} |")
    lines.append("")
    return lines


def write_card(folder: str | Path, meta: dict, docs) -> Path:
    roles, problems, causes = Counter(), Counter(), Counter()
    for d in docs:
        for s in d.sentences:
            roles[s.role] += 1
            problems.update(s.problems)
            causes.update(s.causes)
    lines = [f"# Model card: {meta['name']} {meta['version']}", "",
             "TF-IDF over jieba words and bigrams, character 2–3-grams, domain-lexicon cues, sentence shape and "
             "report context; three linear heads (role: multinomial logistic regression; problems and causes: "
             "one balanced logistic regression per label, thresholds chosen by grouped cross-validation). "
             "Weights are stored as arrays (`weights.npz`, no pickle) with their SHA-256 in `meta.json`.", "",
             "Rebuild: `python -m zuofeng_nlp train` (same corpus + same library versions → same model).", "",
             "## Training data", "",
             f"- corpus SHA-256: `{meta.get('corpus_sha256', '?')}` ({meta.get('corpus_files', '?')} files)",
             f"- {meta.get('documents', '?')} documents, {meta.get('sentences', '?')} sentences",
             "- roles: " + ", ".join(f"{r} {roles[r]}" for r in ROLES),
             "- problems: " + ", ".join(f"{p} {problems[p]}" for p in PROBLEMS),
             "- causes: " + ", ".join(f"{c} {causes[c]}" for c in CAUSES), "",
             "## Libraries", ""]
    lines += [f"- {k} {v}" for k, v in meta.get("libraries", {}).items()]
    lines += ["", "## Settings", "", f"- parameters: `{meta.get('params')}`",
              f"- thresholds (problems {', '.join(PROBLEMS)}): {meta['thresholds']['problems']}",
              f"- thresholds (causes {', '.join(CAUSES)}): {meta['thresholds']['causes']}",
              f"- a finding with no category above threshold takes its best one from score "
              f"{meta['thresholds'].get('problems_floor', 1.0)} (1.0 = never)", ""]
    if meta.get("cv"):
        lines += ["## Cross-validation (5 folds grouped by writer)", "",
                  "Every fold holds out whole writers (documents when there are fewer writers than folds), so the "
                  "scores measure reading a style the model has never seen.", "",
                  "Thresholds were chosen on these same out-of-fold predictions, so the figures are slightly optimistic. "
                  "\"in report\": each sentence with its section context; \"alone\": the same sentence given alone.", ""]
        for view, scores in meta["cv"].items():
            lines += _score_lines(f"CV, {view}", scores)
    if meta.get("dev"):
        lines += ["## Real-report dev set (scored only, never trained or tuned on)", "",
                  f"File `{meta['dev']['file']}`, scored with `python -m zuofeng_nlp evaluate` (document mode, "
                  "the same alignment as the project's scorer).", ""]
        lines += _score_lines("dev", meta["dev"]["scores"])
    path = Path(folder) / "MODEL_CARD.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
