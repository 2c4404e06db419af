"""The pipeline: text → structure → classify → flag → Report. Nothing else."""
from __future__ import annotations

from .flags import apply_detectors
from .model import Model, load_model
from .readers import read_text
from .report import AnalyzedSentence, Label, Report
from .structure import split_document


def analyze(text: str, model: Model | None = None, source: str = "<text>") -> Report:
    """Analyse the text of one report. Offsets in the result index into ``text`` as given."""
    if not isinstance(text, str):
        raise TypeError(f"expected the report text as str, got {type(text).__name__} instead")
    model = model or load_model()
    doc = split_document(text)
    sentences = []
    for s, pred in zip(doc.sentences, model.predict_document(doc)):
        sentences.append(AnalyzedSentence(
            index=s.index, start=s.start, end=s.end, text=s.text, section=s.section,
            role=pred.role, role_score=pred.role_score,
            problems=tuple(Label(n, sc) for n, sc in pred.problems),
            causes=tuple(Label(n, sc) for n, sc in pred.causes)))
    flagged, failures = apply_detectors(sentences)
    return Report(text=text, sentences=tuple(flagged), source=source, model_name=model.name,
                  model_version=model.version, detector_failures=dict(failures))


def analyze_file(path, model: Model | None = None) -> Report:
    """Read a report file (any supported format) and analyse it."""
    return analyze(read_text(path), model=model, source=str(path) if str(path) != "-" else "<stdin>")

