"""Speed of the Chinese text layer, as ratios against baselines run interleaved in the
same process (A B A B …, medians), so the figures mean the same on a busy machine.

    python benchmarks/chinese.py [--repeat N] [--only keywords,convert,wrap,detect]

* keywords: `keywords()` of a 200,000-character page, warm, in ms (target ≤ 150 ms),
  against jieba's own `extract_tags` and against rjieba's segmentation alone, and in
  a fresh process including every import and table load (target ≤ 400 ms; the IDF
  cache in ~/.cache/reader is built once before);
* convert: `convert_article` (Simplified page to traditional) against OpenCC's own
  `convert` on the article's text alone (target ≤ 1.5×);
* detect: `detect_script` on the same page, in ms, against `str.count` on it;
* wrap: `wrap(paragraph, 80)` over the page against Rich's own wrapping of the same
  paragraphs (`Text.wrap` at width 80; target ≤ 1.5×).

The page is every html-dev gold text and every seed, repeated to 200,000 characters.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
PAGE_CHARS = 200_000


def page_text(chars: int = PAGE_CHARS) -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "eval" / "html-dev").glob("*.gold.txt"))]
    parts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "sample_articles").glob("*.txt"))]
    source = "\n".join(p.strip() for p in parts if p.strip())
    text = source
    while len(text) < chars:
        text += "\n" + source
    return text[:chars]


def page_article(text: str):
    from reader.model import Article, Block, BlockKind

    paras = [p.strip() for p in text.split("\n") if p.strip()]
    return Article(title=paras[0], blocks=tuple(Block(BlockKind.PARAGRAPH, p) for p in paras[1:]))


def interleaved(a, b, repeat: int) -> tuple[float, float]:
    """Medians of A and B timed alternately."""
    ta, tb = [], []
    for _ in range(repeat):
        for fn, out in ((a, ta), (b, tb)):
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return statistics.median(ta), statistics.median(tb)


def line(name: str, a: float, b: float, base: str) -> None:
    print(f"{name:<10}{a * 1000:9.1f} ms = {a / b:5.2f}x {base} ({b * 1000:.1f} ms)")


def keywords(repeat: int, text: str) -> None:
    from reader.transform.keywords import keywords as kw

    import logging

    import jieba
    import jieba.analyse
    import rjieba

    jieba.setLogLevel(logging.CRITICAL)
    article = page_article(text)
    kw(article, top=10)  # warm
    jieba.analyse.extract_tags(text, topK=10)
    warm, base = interleaved(lambda: kw(article, top=10), lambda: jieba.analyse.extract_tags(text, topK=10), repeat)
    print(f"keywords  {warm * 1000:9.1f} ms warm on {len(text)} chars (target 150 ms) = {warm / base:5.2f}x jieba's own extract_tags ({base * 1000:.1f} ms)")
    warm, base = interleaved(lambda: kw(article, top=10), lambda: rjieba.tag(text, True), repeat)
    print(f"keywords  {warm * 1000:9.1f} ms warm = {warm / base:5.2f}x rjieba's segmentation alone ({base * 1000:.1f} ms)")
    code = (
        "import sys, time\n"
        f"sys.path.insert(0, {str(ROOT)!r}); sys.path.insert(0, {str(ROOT / 'benchmarks')!r})\n"
        "from chinese import page_text, page_article\n"
        "article = page_article(page_text())\n"
        "start = time.perf_counter()\n"
        "from reader.transform.keywords import keywords\n"
        "keywords(article, top=10)\n"
        "print(time.perf_counter() - start)\n"
    )
    cold = statistics.median(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(max(3, repeat // 2))
    )
    print(f"keywords  {cold * 1000:9.1f} ms in a fresh process, imports and loads included (target 400 ms)")


def convert(repeat: int, text: str) -> None:
    import opencc

    from reader.transform.convert import convert_article

    article = page_article(text)
    whole = "\n".join([article.title, article.body_text])
    cc = opencc.OpenCC("s2t.json")
    convert_article(article, "s2t")  # warm
    ours, base = interleaved(lambda: convert_article(article, "s2t"), lambda: cc.convert(whole), repeat)
    line("convert", ours, base, "OpenCC s2t on the text alone")


def detect(repeat: int, text: str) -> None:
    from reader.transform.script import detect_script

    detect_script(text)  # warm
    ours, base = interleaved(lambda: detect_script(text), lambda: text.count("的"), repeat)
    line("detect", ours, base, "str.count")


def wrap(repeat: int, text: str) -> None:
    from rich.console import Console
    from rich.text import Text

    from reader.transform.wrap import wrap as cjk_wrap

    paras = [p for p in text.split("\n") if p]
    console = Console(width=80, file=open("/dev/null", "w"))
    texts = [Text(p) for p in paras]

    def ours():
        for p in paras:
            cjk_wrap(p, 80)

    def rich():
        for t in texts:
            t.wrap(console, 80)

    ours(), rich()  # warm
    a, b = interleaved(ours, rich, repeat)
    line("wrap", a, b, "Rich Text.wrap")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--only", default="keywords,convert,detect,wrap")
    args = ap.parse_args()
    text = page_text()
    for name in args.only.split(","):
        {"keywords": keywords, "convert": convert, "detect": detect, "wrap": wrap}[name.strip()](args.repeat, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
