"""Speed of the Chinese text layer, as ratios against baselines run interleaved in the
same process (A B A B …, medians), so the figures mean the same on a busy machine.

    python benchmarks/chinese.py [--repeat N] [--only keywords,convert,wrap,detect] [--compare REV]

* keywords: `keywords()` of a 200,000-character page, warm, in ms (target ≤ 150 ms),
  against jieba's own `extract_tags` and against rjieba's segmentation alone (`cut`,
  the floor), and in a fresh process including every import and table load (target
  ≤ 400 ms; the IDF and common-word caches in ~/.cache/reader are built once before),
  interleaved with a fresh process running jieba's `extract_tags`; then what the
  fresh process spends on loading alone (rjieba's dictionary, the tables keyword
  counts search with, OpenCC's t2s);
  `--compare REV` also runs the keywords code of git revision REV: the same top 10 /
  top 20 (words, weights, counts) on every seed and html-dev text, and its time,
  warm and fresh, interleaved with this one;
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


FRESH_OURS = """
import sys, time
sys.path.insert(0, {root!r}); sys.path.insert(0, {bench!r}); sys.path[:0] = {extra!r}
from chinese import page_text, page_article
article = page_article(page_text())
start = time.perf_counter()
from {module} import keywords
keywords(article, top=10)
print(time.perf_counter() - start)
"""

FRESH_JIEBA = """
import sys, time
sys.path.insert(0, {root!r}); sys.path.insert(0, {bench!r})
from chinese import page_text
text = page_text()
start = time.perf_counter()
import logging, jieba, jieba.analyse
jieba.setLogLevel(logging.CRITICAL)
jieba.analyse.extract_tags(text, topK=10)
print(time.perf_counter() - start)
"""

FRESH_LOADS = """
import time
start = time.perf_counter()
import rjieba
a = time.perf_counter()
from reader.transform.highlight import count
count("阿里雲", "阿里")
b = time.perf_counter()
from reader.transform.convert import convert_text
convert_text("阿里雲", "t2s")
print(a - start, b - a, time.perf_counter() - b)
"""


def fresh(code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return float(out.stdout.split()[0])


def fresh_code(module: str = "reader.transform.keywords", extra: tuple[str, ...] = ()) -> str:
    return FRESH_OURS.format(root=str(ROOT), bench=str(ROOT / "benchmarks"), extra=list(extra), module=module)


def keywords(repeat: int, text: str, compare: str | None = None) -> None:
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
    warm, base = interleaved(lambda: kw(article, top=10), lambda: rjieba.cut(text, True), repeat)
    print(f"keywords  {warm * 1000:9.1f} ms warm = {warm / base:5.2f}x rjieba's segmentation alone ({base * 1000:.1f} ms)")
    from reader.transform.script import detect_script

    known = article.with_changes(script=detect_script(text))  # as the app's articles come
    warm, base = interleaved(lambda: kw(known, top=10), lambda: rjieba.cut(text, True), repeat)
    print(f"keywords  {warm * 1000:9.1f} ms warm, the page's script known = {warm / base:5.2f}x rjieba's segmentation alone ({base * 1000:.1f} ms)")
    runs = max(3, repeat // 2)
    code = fresh_code()
    jieba_code = FRESH_JIEBA.format(root=str(ROOT), bench=str(ROOT / "benchmarks"))
    cold, base = interleaved_values(lambda: fresh(code), lambda: fresh(jieba_code), runs)
    print(f"keywords  {cold * 1000:9.1f} ms in a fresh process, imports and loads included (target 400 ms) = {cold / base:5.2f}x jieba's own, fresh ({base * 1000:.1f} ms)")
    loads = [tuple(map(float, subprocess.run([sys.executable, "-c", FRESH_LOADS], capture_output=True, text=True, check=True, cwd=ROOT).stdout.split())) for _ in range(runs)]
    rj, counts, t2s = (statistics.median(x[i] for x in loads) for i in range(3))
    print(
        f"          of which loading alone: rjieba's dictionary {rj * 1000:.1f} ms, the tables counts search with "
        f"{counts * 1000:.1f} ms, OpenCC's t2s (a Traditional or mixed page) {t2s * 1000:.1f} ms"
    )
    if compare:
        compare_keywords(compare, repeat, article)


def interleaved_values(a, b, repeat: int) -> tuple[float, float]:
    """Medians of the values A and B return, run alternately (for timings taken
    inside another process)."""
    va, vb = [], []
    for _ in range(repeat):
        va.append(a())
        vb.append(b())
    return statistics.median(va), statistics.median(vb)


# The keyword code compared with --compare: these modules of the old revision replace
# today's (the rest of the package is today's).
_KEYWORD_MODULES = ("keywords", "newwords", "highlight", "idf")


def _old_modules(rev: str) -> Path:
    """The keyword modules of git revision `rev` as old_keywords, old_newwords … in a
    temporary folder, importing each other."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="reader-kw-"))
    for name in _KEYWORD_MODULES:
        source = subprocess.run(
            ["git", "show", f"{rev}:reader/transform/{name}.py"], capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout
        for other in _KEYWORD_MODULES:
            source = source.replace(f"reader.transform.{other} ", f"old_{other} ").replace(f"reader.transform.{other}\n", f"old_{other}\n")
        (folder / f"old_{name}.py").write_text(source, encoding="utf-8")
    return folder


def compare_keywords(rev: str, repeat: int, article) -> None:
    """The same keywords as revision `rev` on every seed and html-dev text; time against it."""
    from reader.transform.keywords import keywords as kw

    folder = _old_modules(rev)
    sys.path.insert(0, str(folder))
    import old_keywords

    def plain(found):
        return [(k.word, k.weight, k.count) for k in found]

    texts = sorted((SHARED / "eval" / "html-dev").glob("*.gold.txt")) + sorted((ROOT / "sample_articles").glob("*.txt"))
    differ = []
    for path in texts:
        page = page_article(path.read_text(encoding="utf-8"))
        for top, stop in ((10, ()), (20, ()), (10, ("阿里", "AI"))):
            if plain(kw(page, top=top, stopwords=stop)) != plain(old_keywords.keywords(page, top=top, stopwords=stop)):
                differ.append((path.name, top, stop))
    same = plain(kw(article, top=20)) == plain(old_keywords.keywords(article, top=20))
    print(f"compare   {rev}: {3 * len(texts) - len(differ)} of {3 * len(texts)} keyword lists identical on {len(texts)} seed and html-dev texts; the 200,000-character page {'identical' if same else 'DIFFERS'}")
    for item in differ:
        print(f"          differs: {item}")
    new, old = interleaved(lambda: kw(article, top=10), lambda: old_keywords.keywords(article, top=10), repeat)
    line("  warm", new, old, f"{rev}")
    runs = max(3, repeat // 2)
    new, old = interleaved_values(lambda: fresh(fresh_code()), lambda: fresh(fresh_code("old_keywords", (str(folder),))), runs)
    line("  fresh", new, old, f"{rev}")


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
    ap.add_argument("--compare", metavar="REV", help="also compare keywords with git revision REV")
    args = ap.parse_args()
    text = page_text()
    for name in args.only.split(","):
        if name.strip() == "keywords":
            keywords(args.repeat, text, args.compare)
            continue
        {"convert": convert, "detect": detect, "wrap": wrap}[name.strip()](args.repeat, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
