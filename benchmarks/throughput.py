"""Batch throughput of `reader clean`, as ratios against baselines run interleaved in
the same invocation (A B A B …, medians), so the figures mean the same on a slow or a
busy machine.

    python benchmarks/throughput.py [--copies 8] [--repeat 3] [--only jobs1 startup …]

* `--jobs 1` on 320 pages (html-dev eight times) against a bare `trafilatura.extract`
  loop over the same bytes in one process (target: at most 1.15×);
* `--jobs 2` against `--jobs 1` (target: at least 1.7× faster on two cores);
* peak memory (largest process) for 320 pages against 40 (target: at most 1.2×);
* a WARC of the same pages against the folder, in pages/s (target: within 10%);
* start-up of `reader clean` on one text dump against `python -c 'import trafilatura'`
  (target: at most 0.6×).
"""
from __future__ import annotations

import argparse
import gzip
import io
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HTML_DEV = ROOT.parent / "shared" / "eval" / "html-dev"
READER = [sys.executable, "-m", "reader", "clean", "-q", "--no-rules"]

TRAFILATURA_LOOP = """
import sys, pathlib, trafilatura
for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.html')):
    trafilatura.extract(p.read_bytes())
"""


def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time and the peak RSS (KiB) of the largest process the command started."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    elapsed = time.perf_counter() - start
    return elapsed, max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)


def peak_rss(cmd: list[str]) -> int:
    """Peak RSS (KiB) of the largest process in a fresh child tree."""
    code = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, check=True).stdout
    return int(out.strip())


def interleaved(a: list[str], b: list[str], repeat: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    ta, tb = [], []
    for _ in range(repeat):
        ta.append(run(a, env)[0])
        tb.append(run(b, env)[0])
    return statistics.median(ta), statistics.median(tb)


def make_folder(root: Path, copies: int) -> Path:
    folder = root / f"pages{copies}"
    folder.mkdir()
    for i in range(copies):
        sub = folder / f"copy{i}"
        sub.mkdir()
        for page in sorted(HTML_DEV.glob("*.html")):
            shutil.copy(page, sub / page.name)
    return folder


def make_warc(folder: Path, path: Path) -> Path:
    """A .warc.gz of the folder's pages, one gzip member per record (as crawlers write)."""
    with open(path, "wb") as out:
        for n, page in enumerate(sorted(folder.rglob("*.html"))):
            body = page.read_bytes()
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body
            head = (
                "WARC/1.1\r\nWARC-Type: response\r\n"
                f"WARC-Target-URI: https://example.com/{n}/{page.name}\r\n"
                f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
                "WARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(http)}\r\n\r\n"
            ).encode()
            buf = io.BytesIO()
            with gzip.GzipFile(fileobj=buf, mode="wb") as gz:
                gz.write(head + http + b"\r\n\r\n")
            out.write(buf.getvalue())
    return path


PARTS = ["jobs1", "jobs2", "memory", "warc", "startup"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", nargs="+", choices=PARTS, default=PARTS, help="measure only these (default: all)")
    args = ap.parse_args()
    if not HTML_DEV.is_dir():
        sys.exit(f"needs {HTML_DEV}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        big = make_folder(root, args.copies)
        small = make_folder(root, 1)
        warc = make_warc(big, root / "pages.warc.gz")
        n = len(list(big.rglob("*.html")))

        if "jobs1" in args.only:
            measure_jobs1(big, n, args.repeat)
        if "jobs2" in args.only:
            measure_jobs2(big, n, args.repeat)
        if "memory" in args.only:
            measure_memory(small, big, n, args.repeat)
        if "warc" in args.only:
            measure_warc(big, warc, n, args.repeat)
        if "startup" in args.only:
            measure_startup(args.repeat, root)


def measure_jobs1(big: Path, n: int, repeat: int) -> None:
    traf = [sys.executable, "-c", TRAFILATURA_LOOP, str(big)]
    j1 = READER + ["--jobs", "1", str(big)]
    t_traf, t_j1 = interleaved(traf, j1, repeat)
    print(f"{n} pages  trafilatura.extract loop {t_traf:6.2f} s   reader --jobs 1 {t_j1:6.2f} s   "
          f"ratio {t_j1 / t_traf:4.2f}x (target <= 1.15)   {n / t_j1:5.1f} pages/s")


def measure_jobs2(big: Path, n: int, repeat: int) -> None:
    j1 = READER + ["--jobs", "1", str(big)]
    j2 = READER + ["--jobs", "2", str(big)]
    t_j1, t_j2 = interleaved(j1, j2, repeat)
    print(f"{n} pages  --jobs 1 {t_j1:6.2f} s   --jobs 2 {t_j2:6.2f} s   speed-up {t_j1 / t_j2:4.2f}x "
          f"(target >= 1.7 on 2 cores; {os.cpu_count()} CPUs here)")


def measure_memory(small: Path, big: Path, n: int, repeat: int) -> None:
    m_small = statistics.median(peak_rss(READER + ["--jobs", "1", "-f", "json", str(small)]) for _ in range(repeat))
    m_big = statistics.median(peak_rss(READER + ["--jobs", "1", "-f", "json", str(big)]) for _ in range(repeat))
    print(f"peak RSS (largest process), -f json: 40 pages {m_small / 1024:6.1f} MiB   {n} pages {m_big / 1024:6.1f} MiB   "
          f"ratio {m_big / m_small:4.2f}x (target <= 1.2)")


def measure_warc(big: Path, warc: Path, n: int, repeat: int) -> None:
    j1 = READER + ["--jobs", "1", str(big)]
    wj = READER + ["--jobs", "1", str(warc)]
    t_dir, t_warc = interleaved(j1, wj, repeat)
    print(f"WARC  folder {n / t_dir:5.1f} pages/s   .warc.gz {n / t_warc:5.1f} pages/s   ratio {t_dir / t_warc:4.2f}x of the folder's rate"
          " (target >= 0.90)")


def measure_startup(repeat: int, root: Path) -> None:
    """Both with their bytecode cached, as an installed package has it: a set-up with
    PYTHONDONTWRITEBYTECODE (or a checkout nobody ran yet) would time compiling."""
    dump = next((ROOT / "sample_articles").glob("003_*.txt"))
    imp = [sys.executable, "-c", "import trafilatura"]
    start = READER + [str(dump)]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(root / "pycache")  # the checkout stays as it is
    run(imp, env), run(start, env)  # write the caches
    t_imp, t_start = interleaved(imp, start, max(5, repeat), env)
    print(f"start-up  reader clean (one dump) {t_start * 1000:6.0f} ms   import trafilatura {t_imp * 1000:6.0f} ms   "
          f"ratio {t_start / t_imp:4.2f}x (target <= 0.6)")


if __name__ == "__main__":
    main()
