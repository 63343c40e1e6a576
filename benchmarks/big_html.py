"""Big HTML pages: reader.clean against trafilatura.extract on the same page.

Issue 11, class 8: a 10 MB page once took 45 s, a 20 MB one 684 MiB, a 50 MB one
never finished.  Targets: at most 2x trafilatura's time, peak memory at most 20x the
page, linear growth (the 20 MB page at most 2.3x the 10 MB time).

Each measurement runs in a fresh process (so peak RSS is the run's own), the two
tools interleaved A B A B; medians are printed.  Generated page shapes: many
paragraphs, one huge paragraph, a huge table, a huge link list.

    .venv/bin/python benchmarks/big_html.py                      # 10 and 20 MB, all shapes
    .venv/bin/python benchmarks/big_html.py --sizes 5 --shapes paras --runs 1
    .venv/bin/python benchmarks/big_html.py --tools reader --runs 1       # reader alone
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time

PARA = (
    "今年春晚一大看点，就是阿里全面回归。淘宝成为春晚独家电商互动平台，阿里云则在众多竞争者中脱颖而出，"
    "成为春晚云计算AI独家合作伙伴。"
)
HEAD = "<html><head><meta charset='utf-8'><title>大页面测试_新闻</title></head><body><h1>大页面测试</h1>"
TAIL = "</body></html>"


def _fill(unit: str, mb: float) -> str:
    return unit * max(1, int(mb * 1024 * 1024 / len(unit.encode())))


def page(shape: str, mb: float) -> bytes:
    lead = f"<p>{PARA * 3}</p>"
    if shape == "paras":
        body = "<div class='content'>" + _fill(f"<p>{PARA}<a href='/t/1.html'>链接</a>。</p>\n", mb) + "</div>"
    elif shape == "one":
        body = "<p>" + _fill(PARA, mb) + "</p>"
    elif shape == "table":
        row = "<tr>" + "".join(f"<td>单元{j}数据</td>" for j in range(8)) + "</tr>\n"
        body = lead + "<table>" + _fill(row, mb) + "</table>" + lead
    elif shape == "links":
        body = lead + "<ul>" + _fill("<li><a href='/news/123456.html'>阿里全面回归春晚舞台的新闻标题</a></li>\n", mb) + "</ul>" + lead
    else:
        raise SystemExit(f"unknown shape {shape!r}")
    return (HEAD + body + TAIL).encode("utf-8")


def child(tool: str, shape: str, mb: float) -> None:
    data = page(shape, mb)
    if tool == "reader":
        import reader

        try:  # import what extraction imports lazily, outside the measurement
            reader.clean(f"<html><body><p>{PARA}</p></body></html>".encode())
        except reader.PageError:
            pass
        run = lambda: reader.clean(data)  # noqa: E731
    else:
        import trafilatura

        trafilatura.extract("<html><body><p>warm up</p></body></html>")
        run = lambda: trafilatura.extract(data.decode("utf-8"))  # noqa: E731
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    try:
        run()
        ok = True
    except Exception as exc:  # noqa: BLE001 - reported, the benchmark goes on
        ok = f"{type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"seconds": seconds, "peak_kib": peak, "before_kib": before, "bytes": len(data), "ok": ok}))


def measure(tool: str, shape: str, mb: float, timeout: float) -> dict:
    cmd = [sys.executable, __file__, "--child", tool, shape, str(mb)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True).stdout
    except subprocess.TimeoutExpired:
        return {"seconds": float("inf"), "peak_kib": 0, "before_kib": 0, "bytes": 0, "ok": "timeout"}
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[10, 20], help="page sizes in MB")
    ap.add_argument("--shapes", nargs="+", default=["paras", "one", "table", "links"])
    ap.add_argument("--runs", type=int, default=3, help="interleaved runs per tool (medians)")
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--tools", nargs="+", choices=["trafilatura", "reader"], default=["trafilatura", "reader"],
                    help="measure only these (trafilatura takes minutes at 20 MB; its figures do not change)")
    ap.add_argument("--child", nargs=3, metavar=("TOOL", "SHAPE", "MB"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], args.child[1], float(args.child[2]))
        return
    print("peak = the process's peak RSS; run = peak minus the RSS before the run (imports, the page bytes)")
    print(f"{'shape':6} {'MB':>5} {'reader s':>9} {'traf s':>8} {'ratio':>6} {'reader peak':>11} {'run':>6} {'x page':>7} {'traf peak':>9} {'run':>6}")
    for shape in args.shapes:
        times: dict[float, float] = {}
        for mb in args.sizes:
            runs: dict[str, list[dict]] = {"trafilatura": [], "reader": []}
            for _ in range(args.runs):  # A B A B
                for tool in args.tools:
                    runs[tool].append(measure(tool, shape, mb, args.timeout))
            for tool in runs:
                runs[tool] = runs[tool] or [{"seconds": float("nan"), "peak_kib": 0, "before_kib": 0, "bytes": 0, "ok": True}]
            r = statistics.median(m["seconds"] for m in runs["reader"])
            t = statistics.median(m["seconds"] for m in runs["trafilatura"])
            peak = max(m["peak_kib"] for m in runs["reader"]) / 1024
            tpeak = max(m["peak_kib"] for m in runs["trafilatura"]) / 1024
            grew = max(m["peak_kib"] - m["before_kib"] for m in runs["reader"]) / 1024
            tgrew = max(m["peak_kib"] - m["before_kib"] for m in runs["trafilatura"]) / 1024
            size = max(m["bytes"] for tool in runs for m in runs[tool]) / (1024 * 1024) or mb
            bad = [m["ok"] for m in runs["reader"] if m["ok"] is not True]
            times[mb] = r
            print(f"{shape:6} {size:5.1f} {r:9.2f} {t:8.2f} {r / t:6.2f} {peak:11.0f} {grew:6.0f} {peak / size:7.1f} {tpeak:9.0f} {tgrew:6.0f}"
                  + (f"  reader failed: {bad[0]}" if bad else ""))
        if len(args.sizes) >= 2:
            small, large = min(args.sizes), max(args.sizes)
            print(f"{shape:6} growth {large:g}/{small:g} MB: time x{times[large] / times[small]:.2f} (size x{large / small:g})")


if __name__ == "__main__":
    main()
