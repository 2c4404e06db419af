"""Open the HTML report in a real headless Chromium: the coverage table and every flag are visible.

Skipped where no Chromium is installed (``apt-get install chromium`` enables it).
"""
import re
import shutil
import subprocess

import pytest

from zuofeng_nlp import analyze
from zuofeng_nlp.render import render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
PROBE = """<script>
window.addEventListener('load', () => {
  const visible = e => { const r = e.getBoundingClientRect(), st = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && st.visibility !== 'hidden' && st.display !== 'none'; };
  const flags = [...document.querySelectorAll('#report .flag')];
  document.title = 'PROBE coverage=' + visible(document.getElementById('coverage'))
    + ' causes=' + visible(document.getElementById('causes'))
    + ' flags=' + flags.filter(visible).length + '/' + flags.length;
});
</script></body>"""


def browse(path):
    done = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           f"--user-data-dir={path.parent / 'chromium-profile'}", "--dump-dom", path.as_uri()],
                          capture_output=True, text=True, timeout=120)
    return re.search(r"<title>PROBE ([^<]*)</title>", done.stdout)


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine")
def test_coverage_and_every_flag_are_visible_in_chromium(tmp_path, example_text):
    report = analyze(example_text, explain=True)
    page = tmp_path / "report.html"
    page.write_text(render(report, "html").replace("</body>", PROBE), encoding="utf-8")
    probe = browse(page)
    assert probe, "Chromium did not run the page"
    n = len(report.flags)
    assert probe.group(1) == f"coverage=true causes=true flags={n}/{n}"
    assert n > 0
