"""7 and 8. The command line: exact outputs, exit codes, every bad input, nothing overwritten."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from zuofeng_nlp.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "corpus" / "samples" / "example.txt"


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_classify_text(capsys):
    code, out, err = run(["classify", str(EXAMPLE)], capsys)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith(f"== {EXAMPLE}")
    assert lines[2] == "问题类别覆盖   查摆  否认  措施"
    assert "原因类型       句数" in out
    assert out.index("问题类别覆盖") < out.index("提示 (") < out.index("逐句标注")
    assert "[denial]" in out and "「弄虚作假」" in out


def test_classify_json_is_one_document(capsys, example_text):
    code, out, err = run(["classify", str(EXAMPLE), "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["source"] == str(EXAMPLE)
    assert all(example_text[s["start"]:s["end"]] == s["text"] for s in data["sentences"])
    assert "\\u" not in out and "慢作为" in out


def test_classify_json_many_files(capsys, tmp_path):
    other = tmp_path / "b.txt"
    other.write_text("部分干部办事拖沓。", encoding="utf-8")
    code, out, _ = run(["classify", str(EXAMPLE), str(other), "-f", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and [r["source"] for r in data["reports"]] == [str(EXAMPLE), str(other)]


def test_classify_stdin(capsys, monkeypatch):
    import io
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("经自查，我局未发现乱作为问题。".encode("gb18030"))))
    code, out, _ = run(["classify", "-", "-f", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["source"] == "<stdin>" and data["sentences"][0]["role"] == "denial"


def test_output_file_written_and_never_overwritten(capsys, tmp_path):
    out_path = tmp_path / "out.json"
    code, out, _ = run(["classify", str(EXAMPLE), "-f", "json", "-o", str(out_path)], capsys)
    assert code == 0 and out == "" and json.loads(out_path.read_text(encoding="utf-8"))["sentences"]
    out_path.write_text("keep me", encoding="utf-8")
    code, _, err = run(["classify", str(EXAMPLE), "-o", str(out_path)], capsys)
    assert code == 1 and err == f"Error: {out_path}: already exists; pass --force to replace it\n"
    assert out_path.read_text(encoding="utf-8") == "keep me"
    code, _, _ = run(["classify", str(EXAMPLE), "-o", str(out_path), "--force"], capsys)
    assert code == 0 and out_path.read_text(encoding="utf-8").startswith("==")


def test_output_onto_the_input_is_refused(capsys, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("部分干部办事拖沓。", encoding="utf-8")
    code, _, err = run(["classify", str(report), "-o", str(report), "--force"], capsys)
    assert code == 1 and "is one of the input files" in err
    assert report.read_text(encoding="utf-8") == "部分干部办事拖沓。"


def _bad(tmp_path, kind):
    p = tmp_path / {"empty": "e.txt", "binary": "b.txt", "docx": "c.docx", "doc": "d.doc"}.get(kind, "x")
    if kind == "missing":
        return tmp_path / "nope.txt"
    if kind == "directory":
        return tmp_path
    p.write_bytes({"empty": b"", "binary": bytes(range(256)) * 10, "docx": b"PK\x03\x04garbage",
                   "doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100}[kind])
    return p


@pytest.mark.parametrize("kind", ["missing", "directory", "empty", "binary", "docx", "doc"])
def test_bad_input_is_one_line_and_exit_1(capsys, tmp_path, kind):
    code, out, err = run(["classify", str(_bad(tmp_path, kind))], capsys)
    assert code == 1 and out == ""
    assert err.startswith("Error: ") and err.count("\n") == 1 and "Traceback" not in err


def test_one_bad_file_does_not_stop_the_others(capsys, tmp_path):
    code, out, err = run(["classify", str(tmp_path / "nope.txt"), str(EXAMPLE)], capsys)
    assert code == 1 and "no such file" in err and out.startswith(f"== {EXAMPLE}")


@pytest.mark.parametrize("argv", [[], ["classify"], ["classify", "x", "--format", "pdf"], ["nonsense"]])
def test_usage_errors_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 2


@pytest.mark.parametrize("command", ["classify", "train", "evaluate"])
def test_every_command_has_help(capsys, command):
    with pytest.raises(SystemExit) as e:
        main([command, "--help"])
    assert e.value.code == 0
    assert "usage: python -m zuofeng_nlp " + command in capsys.readouterr().out


def test_readme_lists_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = build_parser()._subparsers._group_actions[0].choices
    for command in commands:
        assert f"python -m zuofeng_nlp {command}" in readme


def test_bad_model_path_is_a_clear_error(capsys, tmp_path):
    code, _, err = run(["classify", str(EXAMPLE), "--model", str(tmp_path)], capsys)
    assert code == 1 and "not a zuofeng_nlp model folder" in err


def _labeled_file(tmp_path):
    path = tmp_path / "mine.jsonl"
    docs = [{"id": f"d{i}", "paragraphs": [
        [["二、存在问题", "heading", [], []]],
        [[f"窗口人员对群众冷脸相待，第{i}次被投诉。", "finding", ["官僚作风"], []],
         [f"审批事项超期{i}天才办结。", "finding", ["慢作为"], []]],
        [["经自查，未发现乱收费问题。", "denial", ["乱作为"], []]],
        [["宗旨意识淡薄。", "cause", [], ["理想信念"]], ["考核问责不严。", "cause", [], ["管理制度"]],
         ["晋升通道窄。", "cause", [], ["成长机制"]]],
        [["下一步，严格控制会议数量。", "measure", ["文山会海"], []], ["街道召开了部署会。", "other", [], []]]]}
        for i in range(6)]
    path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs) + "\n", encoding="utf-8")
    return path


def test_train_and_evaluate_on_users_data(capsys, tmp_path):
    data = _labeled_file(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text(data.read_text(encoding="utf-8"), encoding="utf-8")
    estimator = tmp_path / "est.joblib"
    code, _, err = run(["train", "--corpus", str(corpus), "--out", str(tmp_path / "m"), "--no-cv",
                        "--save-estimator", str(estimator)], capsys)
    assert code == 0, err
    assert (tmp_path / "m" / "MODEL_CARD.md").exists()
    code, out, _ = run(["evaluate", str(data), "--model", str(tmp_path / "m")], capsys)
    assert code == 0
    assert out.startswith("documents 6  sentences 54")
    assert "role confusion" in out
    # the joblib estimator is a pickle: refused unless trusted, then it reads exactly like the folder
    code, _, err = run(["classify", str(EXAMPLE), "--model", str(estimator)], capsys)
    assert code == 1 and "--trust-model" in err and err.count("\n") == 1
    code, from_pickle, _ = run(["classify", str(EXAMPLE), "-f", "json", "--model", str(estimator), "--trust-model"], capsys)
    code2, from_folder, _ = run(["classify", str(EXAMPLE), "-f", "json", "--model", str(tmp_path / "m")], capsys)
    assert code == code2 == 0
    assert json.loads(from_pickle)["sentences"] == json.loads(from_folder)["sentences"]


def test_evaluate_bad_file(capsys, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    code, _, err = run(["evaluate", str(bad)], capsys)
    assert code == 1 and err.startswith("Error: bad.jsonl:1: invalid JSON")


def test_python_dash_m_entry_point():
    done = subprocess.run([sys.executable, "-m", "zuofeng_nlp", "classify", str(EXAMPLE), "-f", "json"],
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0 and done.stderr == ""
    assert json.loads(done.stdout)["summary"]["causes"]


def test_html_and_xlsx_outputs(capsys, tmp_path):
    page, ledger = tmp_path / "r.html", tmp_path / "r.xlsx"
    assert run(["classify", str(EXAMPLE), "-f", "html", "-o", str(page)], capsys)[0] == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert run(["classify", str(EXAMPLE), "-f", "xlsx", "-o", str(ledger)], capsys)[0] == 0
    from openpyxl import load_workbook
    assert load_workbook(ledger).sheetnames == ["问题台账", "覆盖情况"]


@pytest.mark.parametrize("argv,message", [
    ([str(EXAMPLE), "-f", "xlsx"], "give the file with -o"),
    ([str(EXAMPLE), str(EXAMPLE), "-f", "html"], "takes one report"),
])
def test_html_and_xlsx_usage_errors(capsys, argv, message):
    code, out, err = run(["classify", *argv], capsys)
    assert code == 1 and out == "" and message in err and err.count("\n") == 1


def test_runs_from_any_working_directory(tmp_path):
    """From a folder outside the checkout the installed package (with its model) is what runs."""
    report = tmp_path / "r.txt"
    report.write_bytes("一、存在问题\n部分干部办事拖沓，群众多次往返。\n经自查，未发现乱作为问题。\n".encode("gb18030"))
    env = {k: v for k, v in __import__("os").environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-m", "zuofeng_nlp", "classify", "r.txt", "-f", "json"], cwd=tmp_path,
                          capture_output=True, text=True, encoding="utf-8", env=env)
    assert done.returncode == 0, done.stderr
    roles = [s["role"] for s in json.loads(done.stdout)["sentences"]]
    assert roles[-1] == "denial"
