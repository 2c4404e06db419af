"""Pages of a batch: index.html (every report as a sortable row) and copies.html (shared passages
side by side). Self-contained, every text escaped."""
from __future__ import annotations

from html import escape

STYLE = """body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:20px;color:#222}
table{border-collapse:collapse;font-size:14px}th,td{border:1px solid #ccc;padding:4px 8px}
th{background:#37474f;color:#fff;cursor:pointer;user-select:none}tr.error td{background:#ffebee}
td.alarm{background:#ffcc80;font-weight:bold}.pair{margin:18px 0;border:1px solid #ccc;padding:8px}
.side{display:inline-block;width:48%;vertical-align:top;white-space:pre-wrap;font-size:13px;line-height:1.8}
mark{background:#ffab91}"""

SORT_SCRIPT = """document.querySelectorAll('th').forEach((th, col) => th.addEventListener('click', () => {
  const body = th.closest('table').tBodies[0], rows = [...body.rows];
  const dir = th.dataset.dir = th.dataset.dir === 'asc' ? 'desc' : 'asc';
  const key = r => { const t = r.cells[col] ? r.cells[col].textContent : ''; const n = parseFloat(t);
                     return isNaN(n) ? t : n; };
  rows.sort((a, b) => { const x = key(a), y = key(b); return (x > y ? 1 : x < y ? -1 : 0) * (dir === 'asc' ? 1 : -1); });
  rows.forEach(r => body.appendChild(r));
}));"""


def index_page(rows: list[dict], n_pairs: int) -> str:
    columns = list(dict.fromkeys(k for r in rows if "error" not in r for k in r if k != "output"))
    columns = columns or ["file"]
    head = "".join(f"<th>{escape(c)}</th>" for c in columns + ["error"])
    body = []
    for r in rows:
        if "error" in r:
            cells = f"<td>{escape(r['file'])}</td>" + "<td></td>" * (len(columns) - 1) + f"<td>{escape(r['error'])}</td>"
            body.append(f"<tr class='error'>{cells}</tr>")
            continue
        cells = []
        for c in columns:
            value = r.get(c, "")
            if c == "file":
                cells.append(f"<td><a href='reports/{escape(r['output'], quote=True)}.html'>{escape(str(value))}</a></td>")
            else:
                cls = " class='alarm'" if c == "copy alarm" and value else ""
                cells.append(f"<td{cls}>{escape(str(value))}</td>")
        body.append("<tr>" + "".join(cells) + "<td></td></tr>")
    failed = sum(1 for r in rows if "error" in r)
    return (f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>批量审阅</title><style>{STYLE}</style>"
            f"</head><body><h1>批量审阅：{len(rows)} 份报告</h1><p>{len(rows) - failed} 份已分析，{failed} 份无法读取；"
            f"<a href='copies.html'>{n_pairs} 对报告存在雷同段落</a>。点击表头排序。</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
            f"<script>{SORT_SCRIPT}</script></body></html>\n")


def _highlight(text: str, spans: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for start, end in sorted(set(spans)):
        if start < pos:
            continue
        out += [escape(text[pos:start]), f"<mark>{escape(text[start:end])}</mark>"]
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def copies_page(pairs, reports: dict) -> str:
    blocks = []
    for p in pairs:
        a, b = reports.get(p.a), reports.get(p.b)
        left = _highlight(a.text, [(x.a_start, x.a_end) for x in p.passages]) if a else escape(p.a)
        right = _highlight(b.text, [(x.b_start, x.b_end) for x in p.passages]) if b else escape(p.b)
        blocks.append(f"<div class='pair'><h3>{escape(p.a)} ⇄ {escape(p.b)} — 雷同度 {p.score:.2f}，"
                      f"{len(p.passages)} 处</h3><div class='side'>{left}</div> <div class='side'>{right}</div></div>")
    return (f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>雷同段落</title><style>{STYLE}</style>"
            f"</head><body><h1>雷同段落（{len(pairs)} 对）</h1>{''.join(blocks) or '<p>未发现雷同段落。</p>'}</body></html>\n")
