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
