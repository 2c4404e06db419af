"""HTML output for people: one self-contained page (no network, no external scripts or fonts).

The report text with every sentence highlighted by role (colour plus a text tag, so colour is not
the only cue), flags in place with their messages, a coverage table at the top, and for any
sentence, on hover or click, its labels, scores and the words behind them. Every piece of text is
escaped. Renders from ``Report.to_dict()`` (plain data) only.
"""
from __future__ import annotations

import json
from html import escape

from ..report import FOUND, NOT_COVERED, ONLY_DENIED, coverage_verdict
from ..taxonomy import CAUSES, PROBLEMS, ROLES
from .text import ROLE_NAMES

ROLE_COLOURS = {"heading": "#e8e8e8", "finding": "#ffd6d6", "cause": "#fff0c2", "measure": "#d6f0d6",
                "denial": "#ffb347", "other": "transparent"}

STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:16px 24px;background:#263238;color:#fff}
header h1{font-size:20px;margin:0 0 4px}
main{display:flex;gap:24px;padding:16px 24px;align-items:flex-start}
#report{flex:3;background:#fff;padding:16px 20px;border:1px solid #ddd;white-space:pre-wrap;line-height:2;font-size:15px}
aside{flex:2;position:sticky;top:12px}
table{border-collapse:collapse;background:#fff;margin-bottom:16px;font-size:14px}
th,td{border:1px solid #ccc;padding:4px 10px;text-align:center}
th{background:#eceff1}
td.zero{color:#999}
td.found{background:#c8e6c9;font-weight:bold}
td.denied{background:#ffcc80;font-weight:bold}
td.present{background:#c8e6c9}
td.missing{background:#ef9a9a;font-weight:bold}
.s{border-radius:3px;cursor:pointer;padding:1px 0}
.s:hover,.s.sel{outline:2px solid #1565c0}
.tag{font-size:11px;color:#333;border:1px solid #999;border-radius:3px;padding:0 3px;margin-right:2px;background:#fff;white-space:nowrap}
.flag{display:inline-block;font-size:12px;background:#d84315;color:#fff;border-radius:3px;padding:0 5px;margin:0 3px;white-space:normal}
.legend span{display:inline-block;margin:2px 6px 2px 0;padding:1px 6px;border:1px solid #999;border-radius:3px;font-size:13px}
#detail{background:#fff;border:1px solid #ddd;padding:10px 14px;font-size:14px;min-height:80px}
#detail h3{margin:0 0 6px;font-size:15px}
#detail ul{margin:4px 0;padding-left:18px}
"""

SCRIPT = """
const data = JSON.parse(document.getElementById('zf-data').textContent);
const detail = document.getElementById('detail');
function esc(s){return String(s).replace(/[&<>"']/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c]));}
function show(i){
  const s = data[i];
  document.querySelectorAll('.s.sel').forEach(e=>e.classList.remove('sel'));
  document.getElementById('s'+i).classList.add('sel');
  let h = '<h3>第'+(i+1)+'句 · '+esc(s.role_name)+' ('+s.role_score.toFixed(2)+')</h3>';
  const labels = s.problems.concat(s.causes);
  if (labels.length) h += '<div>'+labels.map(l=>esc(l.name)+' '+l.score.toFixed(2)).join(' · ')+'</div>';
  for (const [label, words] of Object.entries(s.why||{})) {
    if (!words.length) continue;
    h += '<div><b>'+esc(label)+'</b> 依据：<ul>'+words.map(w=>'<li>'+esc(w[0])+' <small>+'+w[1].toFixed(3)+'</small></li>').join('')+'</ul></div>';
  }
  for (const f of s.flags) h += '<div class="flag">⚑ '+esc(f.message)+'</div>';
  detail.innerHTML = h;
}
document.querySelectorAll('.s').forEach(e=>{
  const i = +e.dataset.i;
  e.addEventListener('click',()=>show(i));
  e.addEventListener('mouseenter',()=>show(i));
});
"""


def _coverage(summary: dict) -> str:
    rows = ["<table id='coverage'><caption>问题类别覆盖</caption>",
            "<tr><th>问题类别</th><th>查摆</th><th>否认</th><th>措施</th><th>结论</th></tr>"]
    for name in PROBLEMS:
        row = summary["problems"][name]
        verdict = coverage_verdict(row)
        cls = {FOUND: "found", ONLY_DENIED: "denied", NOT_COVERED: "missing"}[verdict]
        cells = "".join(f"<td class='{'zero' if row[k] == 0 else ''}'>{row[k]}</td>"
                        for k in ("findings", "denials", "measures"))
        rows.append(f"<tr><th>{escape(name)}</th>{cells}<td class='{cls}'>{verdict}</td></tr>")
    rows.append("</table><table id='causes'><caption>原因剖析覆盖</caption><tr><th>原因类型</th><th>句数</th><th>结论</th></tr>")
    for name in CAUSES:
        n = summary["causes"][name]
        rows.append(f"<tr><th>{escape(name)}</th><td>{n}</td>"
                    f"<td class='{'present' if n else 'missing'}'>{'有' if n else '缺'}</td></tr>")
    rows.append("</table>")
    return "".join(rows)


def _checks(summary: dict) -> str:
    items = "".join(f"<li><b>{escape(c['kind'])}</b> {escape(c['message'])}</li>" for c in summary.get("checks", []))
    return f"<div id='checks'><b>报告检查</b><ul>{items or '<li>无</li>'}</ul></div>"


def _legend() -> str:
    return "<div class='legend'>" + "".join(
        f"<span style='background:{ROLE_COLOURS[r]}'>[{ROLE_NAMES[r]}] {r}</span>" for r in ROLES) + \
        "<span class='flag'>⚑ 提示</span></div>"


def _report_text(text: str, sentences: list[dict]) -> str:
    parts, pos = [], 0
    for s in sentences:
        parts.append(escape(text[pos:s["start"]]))
        labels = [p["name"] for p in s["problems"]] + [c["name"] for c in s["causes"]]
        tag = ROLE_NAMES[s["role"]] + (":" + "/".join(labels) if labels else "")
        tip = f"{s['role']} {s['role_score']:.2f}" + ("; " + ", ".join(labels) if labels else "")
        parts.append(f"<span class='s' id='s{s['index']}' data-i='{s['index']}' title='{escape(tip, quote=True)}' "
                     f"style='background:{ROLE_COLOURS[s['role']]}'><span class='tag'>{escape(tag)}</span>"
                     f"{escape(s['text'])}</span>")
        parts += [f"<span class='flag' title='{escape(f['kind'], quote=True)}'>⚑ {escape(f['message'])}</span>"
                  for f in s["flags"]]
        pos = s["end"]
    parts.append(escape(text[pos:]))
    return "".join(parts)


def render(data: dict, text: str | None = None) -> str:
    """A whole HTML page for one report. ``text`` is the report text (else rebuilt from the sentences)."""
    sentences = data["sentences"]
    if text is None:
        text = "\n".join(s["text"] for s in sentences)
        pos, rebuilt = 0, []
        for s in sentences:
            rebuilt.append(dict(s, start=pos, end=pos + len(s["text"])))
            pos += len(s["text"]) + 1
        sentences = rebuilt
    payload = [{"role": s["role"], "role_name": ROLE_NAMES[s["role"]], "role_score": s["role_score"],
                "problems": s["problems"], "causes": s["causes"], "flags": s["flags"], "why": s.get("why", {})}
               for s in sentences]
    blob = json.dumps(payload, ensure_ascii=False).replace("</", "<\\/")
    n_flags = sum(len(s["flags"]) for s in sentences)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(data['source'])} — zuofeng_nlp</title>
<style>{STYLE}</style></head><body>
<header><h1>{escape(data['source'])}</h1><div>{len(sentences)} 句 · {n_flags} 条提示 ·
模型 {escape(data['model']['name'])} {escape(data['model']['version'])}</div></header>
<main><div id="report">{_report_text(text, sentences)}</div>
<aside>{_coverage(data['summary'])}{_checks(data['summary'])}{_legend()}<div id="detail">点击或悬停任一句，查看其标签、分数和判定依据。</div></aside></main>
<script type="application/json" id="zf-data">{blob}</script>
<script>{SCRIPT}</script>
</body></html>
"""
