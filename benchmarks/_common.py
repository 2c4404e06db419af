"""Shared helpers: the benchmark report and a fresh-process timer."""
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"


def report_of_size(target_bytes: int, folder: Path) -> Path:
    """Sample reports joined until the UTF-8 text reaches ``target_bytes``; written to ``folder``."""
    parts, size = [], 0
    for p in sorted(SAMPLES.glob("h*.txt")):
        text = p.read_text(encoding="utf-8")
        parts.append(text)
        size += len(text.encode("utf-8"))
        if size >= target_bytes:
            break
    out = folder / "report.txt"
    out.write_text("".join(parts), encoding="utf-8")
    return out


def run_cold(argv: list[str], repeat: int) -> tuple[float, float]:
    """Median wall seconds and peak RSS (MB) of running ``argv`` in a fresh process ``repeat`` times."""
    walls, peaks = [], []
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
             "w = time.perf_counter() - t; "
             "print(w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, r.returncode)")
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=True)
        wall, peak, code = out.stdout.split()
        if code != "0":
            raise SystemExit(f"{argv} failed with exit code {code}")
        walls.append(float(wall))
        peaks.append(float(peak))
    return statistics.median(walls), max(peaks)


def timed(fn, repeat: int = 3) -> float:
    best = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best.append(time.perf_counter() - t)
    return statistics.median(best)
