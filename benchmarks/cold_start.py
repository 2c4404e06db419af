"""Cold start: `python -m zuofeng_nlp classify` on a ~7 KB report vs the plain pipeline, same run."""
import sys
import tempfile
from pathlib import Path

from _common import ROOT, report_of_size, run_cold

REPEAT = 7


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        report = report_of_size(7 * 1024, tmp)
        baseline_model = tmp / "plain.joblib"
        plain = [sys.executable, str(ROOT / "benchmarks" / "plain_pipeline.py")]
        run_cold(plain + ["build", str(baseline_model)], 1)
        ours = [sys.executable, "-m", "zuofeng_nlp", "classify", str(report)]
        run_cold(ours, 1)  # first run builds the per-user caches, as after installation
        ours_wall, ours_rss = run_cold(ours, REPEAT)
        plain_wall, plain_rss = run_cold(plain + ["classify", str(baseline_model), str(report)], REPEAT)
    size = report.stat().st_size if report.exists() else 7 * 1024
    print(f"report: {size / 1024:.1f} KB, median of {REPEAT} cold processes")
    print(f"zuofeng_nlp classify   {ours_wall:6.3f} s   peak RSS {ours_rss:6.1f} MB")
    print(f"plain jieba+sklearn    {plain_wall:6.3f} s   peak RSS {plain_rss:6.1f} MB")
    print(f"speed-up {plain_wall / ours_wall:.1f}x   memory {plain_rss / ours_rss:.1f}x less")
    return 0


if __name__ == "__main__":
    sys.exit(main())
