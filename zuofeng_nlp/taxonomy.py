"""The labels of zuofeng_nlp: one source of truth.

Every label string used anywhere in the package comes from here; the definitions live in
the labeling guide (corpus/LABELING.md summarises it).
"""
from __future__ import annotations

#: The six problem categories, in the order reports and outputs list them.
PROBLEMS: tuple[str, ...] = ("慢作为", "不作为", "乱作为", "文山会海", "官僚作风", "弄虚作假")

#: The three root-cause types.
CAUSES: tuple[str, ...] = ("理想信念", "管理制度", "成长机制")

HEADING, FINDING, CAUSE, MEASURE, DENIAL, OTHER = (
    "heading", "finding", "cause", "measure", "denial", "other")
#: The role of a sentence: exactly one per sentence.
ROLES: tuple[str, ...] = (HEADING, FINDING, CAUSE, MEASURE, DENIAL, OTHER)

#: Roles whose sentences carry problem categories (their topic).
ROLES_WITH_PROBLEMS: frozenset[str] = frozenset({HEADING, FINDING, DENIAL, MEASURE})
#: Roles whose sentences carry cause types.
ROLES_WITH_CAUSES: frozenset[str] = frozenset({CAUSE, HEADING})

#: What kind of section a heading opens.
SECTION_FINDINGS, SECTION_CAUSES, SECTION_MEASURES, SECTION_OTHER = (
    "findings", "causes", "measures", "other")
SECTION_KINDS: tuple[str, ...] = (SECTION_FINDINGS, SECTION_CAUSES, SECTION_MEASURES, SECTION_OTHER)

#: Flag kinds raised by the sentence detectors in flags.py.
FLAG_DENIAL = "denial"
FLAG_VAGUE_MEASURE = "vague_measure"
FLAG_GENERIC_FINDING = "generic_finding"
FLAG_SAFE_FINDING = "safe_finding"
FLAG_RESTATED_REQUIREMENT = "restated_requirement"
#: Report-level check kinds (checks.py).
CHECK_MISSING_CATEGORY = "missing_category"
CHECK_MISSING_CAUSE = "missing_cause"


def check_labels(values, allowed: tuple[str, ...], what: str) -> list[str]:
    """Return ``values`` as a list, raising ValueError on a name not in ``allowed``."""
    values = list(values or [])
    for v in values:
        if v not in allowed:
            raise ValueError(f"expected a {what} in {', '.join(allowed)}, got {v!r} instead")
    return values
