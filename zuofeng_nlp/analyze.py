"""The pipeline: text → structure → classify → flag → Report. Nothing else."""
from __future__ import annotations

from .features import readable_feature
from .checks import run_checks
from .flags import apply_detectors
from .model import Model, load_model
from .readers import read_text
from .report import AnalyzedSentence, Label, Report
from .structure import split_document


def analyze(text: str, model: Model | None = None, source: str = "<text>", explain: bool = False) -> Report:
    """Analyse the text of one report. Offsets in the result index into ``text`` as given.

    With ``explain=True`` every sentence carries ``why``: for each of its labels, the words (and
    context features) with the largest exact contributions to the linear model's score.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected the report text as str, got {type(text).__name__} instead")
    model = model or load_model()
    doc = split_document(text)
    sentences = []
    for s, pred in zip(doc.sentences, model.predict_document(doc, explain=explain)):
        sentences.append(AnalyzedSentence(
            index=s.index, start=s.start, end=s.end, text=s.text, section=s.section,
            role=pred.role, role_score=pred.role_score,
            problems=tuple(Label(n, sc) for n, sc in pred.problems),
            causes=tuple(Label(n, sc) for n, sc in pred.causes),
            why={label: tuple((readable_feature(f), w) for f, w in words) for label, words in pred.why.items()}))
    flagged, failures = apply_detectors(sentences)
    checks, check_failures = run_checks(flagged)
    return Report(text=text, sentences=tuple(flagged), source=source, model_name=model.name,
                  model_version=model.version, checks=tuple(checks),
                  detector_failures={**dict(failures), **check_failures})


def analyze_file(path, model: Model | None = None, explain: bool = False) -> Report:
    """Read a report file (any supported format) and analyse it."""
    return analyze(read_text(path), model=model, source=str(path) if str(path) != "-" else "<stdin>",
                   explain=explain)

