"""Speed figures for the paths a user waits on, as ratios against a baseline run in
the same process (so the numbers mean the same on a slow or a busy machine).

    python benchmarks/speed.py [--repeat N]

* start-up: `reader clean` on a text dump, against a bare `python -c pass`;
* what `reader clean` imports for a text dump (Textual, jieba, trafilatura must be absent);
* extraction per HTML page, against trafilatura's own `extract` on the same page;
* OpenCC conversion and CJK wrapping of the longest sample, against `str.splitlines`.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_articles"


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def startup(repeat: int) -> None:
    dump = next(SAMPLES.glob("003_*.txt"))
    base = timed(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), repeat)
    clean = timed(lambda: subprocess.run([sys.executable, "-m", "reader", "clean", str(dump)],
                                         check=True, capture_output=True), repeat)
    print(f"start-up  reader clean (text dump) {clean * 1000:7.1f} ms = {clean / base:5.1f}x bare python ({base * 1000:.1f} ms)")
    probe = (
        "import sys, io, contextlib; from reader.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['clean', {str(dump)!r}])\n"
        "print(' '.join(m for m in ('textual', 'jieba', 'trafilatura', 'lxml') if m in sys.modules) or 'none')"
    )
    heavy = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
    print(f"imports   heavy modules loaded by reader clean on a text dump: {heavy}")


def extraction(repeat: int) -> None:
    import trafilatura

    from reader.extract import extract
    from reader.load import Source, read_source

    pages = [read_source(Source(str(p), p)) for p in sorted(SAMPLES.glob("*.html"))]
    extract(pages[0])  # warm imports
    ours = timed(lambda: [extract(p) for p in pages], repeat) / len(pages)
    base = timed(lambda: [trafilatura.extract(p.text) for p in pages], repeat) / len(pages)
    print(f"extract   per HTML page {ours * 1000:7.1f} ms = {ours / base:5.2f}x trafilatura.extract ({base * 1000:.1f} ms)")


def transform(repeat: int) -> None:
    from reader.transform.convert import convert_text
    from reader.transform.wrap import wrap

    text = max((p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.txt")), key=len)
    convert_text(text, "s2t")  # build the converter once
    base = timed(lambda: [line.split() for line in text.splitlines()], repeat)
    conv = timed(lambda: convert_text(text, "s2twp"), repeat)
    wrapped = timed(lambda: [wrap(line, 80) for line in text.splitlines()], repeat)
    print(f"convert   s2twp, {len(text)} chars {conv * 1000:7.1f} ms = {conv / base:7.0f}x splitting the text")
    print(f"wrap      80 cells, {len(text)} chars {wrapped * 1000:7.1f} ms = {wrapped / base:7.0f}x splitting the text")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    startup(args.repeat)
    extraction(args.repeat)
    transform(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
