"""6. Detectors: each a named pure function; shared checks run over every registered one."""
import pytest

from zuofeng_nlp.flags import DETECTORS, apply_detectors, denial_message, denial_span, detector, flag_denial
from zuofeng_nlp.report import AnalyzedSentence, Label


def sentence(text, role="finding", problems=(), start=10):
    return AnalyzedSentence(0, start, start + len(text), text, "", role, 0.9,
                            tuple(Label(p, 0.8) for p in problems))


SAMPLES = [
    sentence("经自查，我单位不存在乱作为问题。", "denial", ["乱作为"]),
    sentence("部分干部办事拖沓、效率低下。", "finding", ["慢作为"]),
    sentence("下一步，严格控制发文数量。", "measure", ["文山会海"]),
    sentence("", "other"),
]


@pytest.mark.parametrize("name", sorted(DETECTORS))
def test_every_detector_is_documented_and_named(name):
    fn = DETECTORS[name]
    assert fn.__doc__ and fn.__doc__.strip()
    assert fn.detector_name == name


@pytest.mark.parametrize("name", sorted(DETECTORS))
@pytest.mark.parametrize("s", SAMPLES, ids=[s.text or "empty" for s in SAMPLES])
def test_every_flag_lies_inside_its_sentence(name, s):
    for flag in DETECTORS[name](s):
        assert flag.kind == name
        assert s.start <= flag.start < flag.end <= s.end
        assert flag.message


@pytest.mark.parametrize("name", sorted(DETECTORS))
def test_every_detector_is_silent_on_empty_text(name):
    assert list(DETECTORS[name](sentence("", "other"))) == []


def test_detector_names_are_unique():
    with pytest.raises(ValueError, match="already registered"):
        detector("denial")(lambda s: [])


@pytest.mark.parametrize("text,role,problems,flagged", [
    ("经自查，我单位不存在乱作为问题。", "denial", ["乱作为"], True),
    ("干部职工严格依法办事，绝不吃拿卡要。", "denial", ["乱作为"], True),
    ("仍不同程度存在推诿扯皮问题。", "finding", ["官僚作风"], False),
    ("坚决杜绝数据造假行为。", "measure", ["弄虚作假"], False),
])
def test_flag_denial(text, role, problems, flagged):
    assert bool(list(flag_denial(sentence(text, role, problems)))) is flagged


@pytest.mark.parametrize("text,span", [
    ("经自查，我单位不存在乱作为问题。", "我单位不存在乱作为问题"),
    ("干部职工严格依法办事，绝不吃拿卡要。", "绝不吃拿卡要"),
    ("总之一切都好", "总之一切都好"),
])
def test_denial_span_covers_the_denying_clause(text, span):
    s = sentence(text, "denial", start=5)
    a, b = denial_span(s)
    assert text[a - 5:b - 5] == span


@pytest.mark.parametrize("categories,message", [
    (["乱作为"], "否认存在「乱作为」问题，未列举核查依据，建议重点核实"),
    (["慢作为", "不作为"], "否认存在「慢作为」、「不作为」问题，未列举核查依据，建议重点核实"),
    ([], "否认存在问题，未列举核查依据，建议重点核实"),
])
def test_denial_message_names_the_categories(categories, message):
    assert denial_message(categories) == message


def test_a_broken_detector_does_not_stop_the_report():
    def broken(s):
        raise RuntimeError("bug")
    out, failures = apply_detectors(SAMPLES, {"broken": broken, "denial": flag_denial})
    assert failures == {"broken": len(SAMPLES)}
    assert [len(s.flags) for s in out] == [1, 0, 0, 0]


# -- the reviewer's checks: what each must catch, and the hard negatives it must leave alone ----------
from zuofeng_nlp.flags import (flag_generic_finding, flag_restated_requirement, flag_safe_finding,  # noqa: E402
                               flag_vague_measure)


def with_section(s, section):
    from dataclasses import replace
    return replace(s, section=section)


@pytest.mark.parametrize("text,flagged", [
    ("下一步，进一步加强作风建设，切实转变工作作风。", True),
    ("要持续改进服务，提升群众满意度。", True),
    ("6月底前由办公室牵头清理各类工作群，压减一半以上。", False),
    ("责任人：张某某；完成时限：2025年9月底前。", False),
    ("每月通报一次办件超时情况，由分管领导负责督办。", False),
])
def test_vague_measure(text, flagged):
    assert bool(list(flag_vague_measure(sentence(text, "measure")))) is flagged


def test_vague_measure_names_what_is_missing():
    (flag,) = flag_vague_measure(sentence("进一步加强作风建设。", "measure"))
    assert "完成时限" in flag.message and "责任主体" in flag.message and "可量化目标" in flag.message
    (flag,) = flag_vague_measure(sentence("由办公室牵头加强作风建设。", "measure"))
    assert "责任主体" not in flag.message


@pytest.mark.parametrize("text,role,flagged", [
    ("部分干部工作作风不实，责任心不强。", "finding", True),
    ("有的同志遇事推诿，群众意见较大。", "finding", True),
    ("部分干部办理低保审核超期20天。", "finding", False),
    ("有的村干部在东岭村入户走访时只拍照不登记。", "finding", False),
    ("个别窗口人员对群众说“明天再来”。", "finding", False),
    ("部分干部工作作风不实。", "cause", False),
    ("审批科今年有3件审批超时。", "finding", False),
])
def test_generic_finding(text, role, flagged):
    assert bool(list(flag_generic_finding(sentence(text, role)))) is flagged


@pytest.mark.parametrize("text,section,problems,flagged", [
    ("自己理论学习不够系统，学用结合不紧。", "（二）官僚作风方面", [], True),
    ("业务能力还有差距，创新思路不宽。", "（一）慢作为方面。", [], True),
    ("自己理论学习不够系统。", "一、理论学习方面", [], False),
    ("窗口人员对群众冷脸相待，学习不够。", "（二）官僚作风方面", ["官僚作风"], False),
    ("审批超时，群众多次往返。", "（一）慢作为方面。", [], False),
])
def test_safe_finding(text, section, problems, flagged):
    s = with_section(sentence(text, "finding", problems), section)
    assert bool(list(flag_safe_finding(s))) is flagged


@pytest.mark.parametrize("text,role,flagged", [
    ("要把整治慢作为、不作为、乱作为、文山会海、官僚作风、弄虚作假贯穿全年工作。", "other", True),
    ("对照六个方面要求，逐项查摆不作为、乱作为问题。", "other", True),
    ("个别干部存在推诿扯皮、办事拖沓问题。", "finding", False),
    ("经自查，未发现慢作为、不作为、乱作为、文山会海问题。", "denial", False),
    ("二、慢作为、不作为、乱作为、弄虚作假方面", "heading", False),
])
def test_restated_requirement(text, role, flagged):
    assert bool(list(flag_restated_requirement(sentence(text, role)))) is flagged
