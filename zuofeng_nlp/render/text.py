"""Text output for a person at a terminal: coverage first, then flags, then every sentence."""
from __future__ import annotations

from ..report import FOUND, coverage_verdict
from ..taxonomy import CAUSES, PROBLEMS

ROLE_NAMES = {"heading": "标题", "finding": "问题", "cause": "原因", "measure": "措施",
              "denial": "否认", "other": "其他"}


def _width(s: str) -> int:
    return sum(2 if ord(c) > 0x2E7F else 1 for c in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _width(s))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def render(data: dict) -> str:
    summary = data["summary"]
    out = [f"== {data['source']}  ({len(data['sentences'])} 句, 模型 {data['model']['name']} {data['model']['version']})", ""]
    out.append("问题类别覆盖   查摆  否认  措施")
    for name in PROBLEMS:
        row = summary["problems"][name]
        verdict = coverage_verdict(row)
        status = "" if verdict == FOUND else f"  ← {verdict}"
        out.append(f"  {_pad(name, 10)} {row['findings']:5d} {row['denials']:5d} {row['measures']:5d}{status}")
    out.append("原因类型       句数")
    for name in CAUSES:
        n = summary["causes"][name]
        out.append(f"  {_pad(name, 10)} {n:5d}  {'有' if n else '缺'}")
    checks = summary.get("checks", [])
    out += ["", f"报告检查 ({len(checks)})"] + [f"  [{c['kind']}] {c['message']}" for c in checks]
    flagged = [(s, f) for s in data["sentences"] for f in s["flags"]]
    out += ["", f"提示 ({len(flagged)})"]
    for s, f in flagged:
        out.append(f"  [{f['kind']}] 第{s['index'] + 1}句 {f['message']}")
        out.append(f"      {_one_line(s['text'])}")
    out += ["", "逐句标注"]
    for s in data["sentences"]:
        labels = [p["name"] for p in s["problems"]] + [c["name"] for c in s["causes"]]
        tag = ROLE_NAMES.get(s["role"], s["role"]) + (":" + "/".join(labels) if labels else "")
        out.append(f"  {s['index'] + 1:3d} [{tag}] {_one_line(s['text'])}")
    return "\n".join(out) + "\n"
