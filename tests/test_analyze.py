"""4, 6 and 7. The pipeline and its output contract, on reports and on sentences given alone."""
import json
import re
import subprocess
import sys

import pytest

import zuofeng_nlp
from zuofeng_nlp import analyze, read_text
from zuofeng_nlp.taxonomy import CAUSES, PROBLEMS, ROLES


@pytest.fixture(scope="module")
def example_report(example_text):
    return analyze(example_text)


def test_output_contract(example_report, example_text):
    d = example_report.to_dict()
    assert d["schema"] == 1
    assert set(d) == {"schema", "source", "model", "sentences", "summary"}
    assert set(d["model"]) == {"name", "version"}
    for i, s in enumerate(d["sentences"]):
        assert set(s) == {"index", "start", "end", "text", "section", "role", "role_score", "problems", "causes", "flags"}
        assert s["index"] == i
        assert example_text[s["start"]:s["end"]] == s["text"]
        assert s["role"] in ROLES and 0 <= s["role_score"] <= 1
        assert all(p["name"] in PROBLEMS and 0 <= p["score"] <= 1 for p in s["problems"])
        assert all(c["name"] in CAUSES and 0 <= c["score"] <= 1 for c in s["causes"])
        for f in s["flags"]:
            assert s["start"] <= f["start"] < f["end"] <= s["end"]
    assert set(d["summary"]["problems"]) == set(PROBLEMS)
    assert all(set(v) == {"findings", "denials", "measures"} for v in d["summary"]["problems"].values())
    assert set(d["summary"]["causes"]) == set(CAUSES)
    json.dumps(d, ensure_ascii=False)


def test_denial_role_if_and_only_if_denial_flag(example_report):
    for s in example_report.sentences:
        assert (s.role == "denial") == any(f.kind == "denial" for f in s.flags)


def test_example_report_reading(example_report):
    """Golden test of the pipeline on the README example (a corpus report: not a measure of accuracy)."""
    summary = example_report.summary()
    found = {name for name, row in summary["problems"].items() if row["findings"]}
    assert {"慢作为", "官僚作风", "文山会海"} <= found
    assert summary["problems"]["弄虚作假"]["denials"] >= 1
    assert all(summary["causes"][c] >= 1 for c in CAUSES)
    denial_messages = [f.message for f in example_report.flags if f.kind == "denial"]
    assert any("「弄虚作假」" in m for m in denial_messages)


def _reading(report):
    return [(re.sub(r"\s", "", s.text), s.role, tuple(s.problem_names()), tuple(s.cause_names()))
            for s in report.sentences]


def _hard_wrap(text, width):
    return "\n".join(line[i:i + width] for line in text.split("\n") for i in range(0, max(len(line), 1), width))


@pytest.mark.parametrize("variant", ["gb18030", "utf-16", "crlf", "wrap28", "docx"])
def test_same_reading_from_every_file_form(tmp_path, example_text, example_report, variant):
    path = tmp_path / ("r.docx" if variant == "docx" else "r.txt")
    if variant == "docx":
        import docx
        document = docx.Document()
        for line in example_text.rstrip("\n").split("\n"):
            document.add_paragraph(line)
        document.save(path)
    elif variant == "crlf":
        path.write_bytes(example_text.replace("\n", "\r\n").encode("utf-8"))
    elif variant == "wrap28":
        path.write_text(_hard_wrap(example_text, 28), encoding="utf-8")
    else:
        path.write_bytes(example_text.encode(variant))
    assert _reading(analyze(read_text(path))) == _reading(example_report)


@pytest.mark.parametrize("sentence,expected", [
    ("窗口工作人员对前来咨询的老人爱答不理，让他回去等通知。", {"官僚作风"}),
    ("街道今年二季度上报的入户走访台账有一半是事后补写的。", {"弄虚作假"}),
    ("一个月内组织各类会议二十余次，不少会议内容重复。", {"文山会海"}),
    ("个别执法人员对商户随意罚款，处罚没有法定依据。", {"乱作为"}),
])
def test_a_sentence_given_alone_is_classified(sentence, expected):
    got = set().union(*[set(s.problem_names()) for s in analyze(sentence).sentences])
    assert got == expected


@pytest.mark.parametrize("sentence", [
    "个别干部存在公款吃喝、超标准接待的问题。",
    "办公用房面积超出规定标准，尚未完成腾退。",
])
def test_problems_outside_the_six_get_no_category(sentence):
    for s in analyze(sentence).sentences:
        assert s.problems == ()


def test_denial_is_flagged_with_the_category_named():
    report = analyze("（三）乱作为方面。经认真排查，我镇未发现乱作为问题。")
    denials = [s for s in report.sentences if s.role == "denial"]
    assert len(denials) == 1
    (flag,) = denials[0].flags
    assert flag.message == "否认存在「乱作为」问题，未列举核查依据，建议重点核实"
    assert report.text[flag.start:flag.end] in denials[0].text


def test_analyze_rejects_bytes():
    with pytest.raises(TypeError, match="expected the report text as str"):
        analyze(b"abc")


def test_public_api():
    assert set(zuofeng_nlp.__all__) >= {"analyze", "read_text", "load_model", "Report", "Sentence", "Flag"}


def test_import_does_not_load_scikit_learn():
    code = "import sys, zuofeng_nlp; zuofeng_nlp.analyze('部分干部办事拖沓。'); print('sklearn' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
