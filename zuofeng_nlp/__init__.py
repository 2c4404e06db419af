"""zuofeng_nlp: read Chinese work-style self-inspection reports the way a reviewer does.

    >>> import zuofeng_nlp
    >>> report = zuofeng_nlp.analyze(zuofeng_nlp.read_text("report.txt"))
    >>> report.to_dict()["summary"]
"""
__version__ = "0.1.0"

from .analyze import analyze, analyze_file
from .batch import analyze_many
from .copies import find_copies
from .errors import DataError, ModelError, ReadError, ZuofengError
from .model import load_model
from .readers import read_text
from .report import AnalyzedSentence as Sentence
from .report import Flag, Label, Report
from .taxonomy import CAUSES, PROBLEMS, ROLES

__all__ = ["analyze", "analyze_file", "analyze_many", "find_copies", "read_text", "load_model", "Report", "Sentence", "Flag", "Label",
           "PROBLEMS", "CAUSES", "ROLES", "ZuofengError", "ReadError", "ModelError", "DataError", "__version__"]
