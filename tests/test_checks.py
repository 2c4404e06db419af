"""Report-level checks: missing_category and missing_cause, with what they must leave alone."""
from zuofeng_nlp.checks import CHECKS, check_missing_category, check_missing_cause, run_checks
from zuofeng_nlp.report import AnalyzedSentence, Label
from zuofeng_nlp.taxonomy import PROBLEMS


def s(role, problems=(), causes=()):
    return AnalyzedSentence(0, 0, 1, "x", "", role, 0.9, tuple(Label(p, 0.9) for p in problems),
                            tuple(Label(c, 0.9) for c in causes))


def test_every_check_is_documented():
    assert all(fn.__doc__ for fn in CHECKS.values())


def test_missing_category_lists_only_skipped_categories():
    report = [s("finding", ["慢作为"]), s("denial", ["乱作为"]), s("measure", ["文山会海"])]
    missing = [c.message for c in check_missing_category(report)]
    assert len(missing) == 4
    assert not any("「慢作为」" in m or "「乱作为」" in m for m in missing)
    assert any("「文山会海」" in m for m in missing)  # a measure alone does not cover a category


def test_missing_category_silent_when_all_six_are_covered():
    report = [s("finding", PROBLEMS[:3]), s("denial", PROBLEMS[3:])]
    assert list(check_missing_category(report)) == []


def test_missing_cause():
    assert [c.message for c in check_missing_cause([s("finding", ["慢作为"])])] == ["报告列出了问题，但没有原因剖析，建议要求补充"]
    partial = [s("finding"), s("cause", causes=["理想信念"]), s("cause", causes=["管理制度"])]
    assert [c.message for c in check_missing_cause(partial)] == ["原因剖析未涉及「成长机制」方面，建议核实剖析是否全面"]
    full = partial + [s("cause", causes=["成长机制"])]
    assert list(check_missing_cause(full)) == []
    assert list(check_missing_cause([s("other")])) == []  # nothing found: nothing to explain


def test_a_broken_check_does_not_stop_the_report():
    def broken(sentences):
        raise RuntimeError("bug")
    results, failures = run_checks([s("finding")], {"broken": broken, **CHECKS})
    assert failures == {"broken": 1} and results
