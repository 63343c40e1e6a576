#!/usr/bin/env python3
"""Score reader's extraction next to the anchor extractors on a gold folder.

    python benchmarks/accuracy.py                       # ../shared/eval/html-dev
    python benchmarks/accuracy.py --worst 10
    python benchmarks/accuracy.py --gold ../shared/eval/seeds-gold --inputs sample_articles

Extractors: reader (what `reader clean` prints), trafilatura with its defaults and
with favor_precision=True, readability-lxml, and, when they are installed, GNE and
magic-html (`pip install -e '.[bench]'`; magic-html needs Python 3.12).  A missing
one is skipped with a note.  Everything runs in this one process.

Every extractor is given the page as reader decodes it, so the comparison is about
extraction, not charset guessing; text dumps (seeds) are given to the HTML
extractors with one <p> per line.  Scoring uses ../shared/eval/score.py's own
`load_gold` and `score_one`, so the figures match `score.py --cmd`.  Prints one
markdown table (mean over pages, plus seconds per page), then the N pages where
reader scores worst, with every extractor's F1 on them.
"""
from __future__ import annotations

import argparse
import html as htmlmod
import importlib.util
import sys
import time
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEFAULT_GOLD = SHARED / "eval" / "html-dev"
DEFAULT_SCORE = SHARED / "eval" / "score.py"
KEYS = ("precision", "recall", "f1", "leak")

sys.path.insert(0, str(REPO))  # run from a checkout without installing


def load_score(path: Path) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("shared_eval_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# --- extractors ---------------------------------------------------------------------


@dataclass
class Input:
    stem: str
    path: Path
    page: object  # reader.model.Page
    html: str  # what the HTML extractors get


@dataclass
class Extractor:
    name: str
    run: Callable[[Input], str]
    short: str = ""  # column label in the per-page table
    scores: dict[str, dict[str, float]] = field(default_factory=dict)
    seconds: float = 0.0
    failed: list[str] = field(default_factory=list)


def as_html(page) -> str:
    if page.kind == "html":
        return page.text
    lines = [ln.strip() for ln in page.text.splitlines() if ln.strip()]
    return "<html><body>" + "".join(f"<p>{htmlmod.escape(ln)}</p>" for ln in lines) + "</body></html>"


_BLOCKS = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
           "section", "article", "table", "ul", "ol", "dd", "dt", "figcaption"}


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment, a line break after each block element."""
    import lxml.html

    if not fragment or not fragment.strip():
        return ""
    try:
        root = lxml.html.fromstring(fragment)
    except Exception:  # noqa: BLE001 - an empty or junk fragment is no text
        return ""
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    return lxml.html.tostring(root, method="text", encoding="unicode")


def make_reader(title: bool = False) -> Callable[[Input], str]:
    """`reader clean` (the body), or `reader clean --title` (headline line first)."""
    from reader import render
    from reader.extract import ExtractError, extract

    def run(item: Input) -> str:
        try:
            article = extract(item.page)
        except ExtractError:
            return ""  # `reader clean` prints nothing and exits 1
        return render.to_text(article, title=title)

    return run


def make_trafilatura(**options) -> Callable[[Input], str]:
    import trafilatura

    return lambda item: trafilatura.extract(item.html, **options) or ""


def make_readability() -> Callable[[Input], str]:
    from readability import Document

    return lambda item: html_to_text(Document(item.html).summary(html_partial=True))


def make_gne() -> Callable[[Input], str]:
    from gne import GeneralNewsExtractor

    extractor = GeneralNewsExtractor()
    return lambda item: (extractor.extract(item.html) or {}).get("content") or ""


def make_magic_html() -> Callable[[Input], str]:
    import logging

    from magic_html import GeneralExtractor

    logging.getLogger().setLevel(logging.ERROR)  # it warns on the root logger about every odd link
    extractor = GeneralExtractor()
    return lambda item: html_to_text((extractor.extract(item.html) or {}).get("html") or "")


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return " " + version(dist)
    except PackageNotFoundError:
        return ""


CANDIDATES: list[tuple[str, str, str, Callable[[], Callable[[Input], str]]]] = [
    # (name, short label, distribution for the version, factory)
    ("reader", "reader", "zh-page-reader", make_reader),
    ("reader --title", "reader-t", "zh-page-reader", lambda: make_reader(title=True)),
    ("trafilatura, defaults", "traf", "trafilatura", lambda: make_trafilatura()),
    ("trafilatura, favor_precision", "traf-prec", "trafilatura", lambda: make_trafilatura(favor_precision=True)),
    ("readability-lxml", "readability", "readability-lxml", make_readability),
    ("GNE", "gne", "gne", make_gne),
    ("magic-html", "magic", "magic-html", make_magic_html),
]


def build_extractors(only: set[str] | None) -> list[Extractor]:
    out = []
    for name, short, dist, factory in CANDIDATES:
        if only and not any(o in name.lower() for o in only):
            continue
        try:
            run = factory()
        except ImportError as exc:
            print(f"note: {name} skipped: {exc.name or exc} is not installed (pip install -e '.[bench]')",
                  file=sys.stderr)
            continue
        label = name if name.startswith("reader") else name.replace(name.split(",")[0], name.split(",")[0] + _version(dist), 1)
        out.append(Extractor(label, run, short))
    return out


# --- running ------------------------------------------------------------------------


def load_inputs(score: types.ModuleType, gold: Path, inputs: Path) -> list[tuple[Input, dict[str, str]]]:
    from reader.load import LoadError, Source, read_source

    golds = sorted(list(gold.glob("*.gold.tsv")) + list(gold.glob("*.gold.txt")))
    if not golds:
        raise SystemExit(f"no gold files (*.gold.tsv, *.gold.txt) in {gold}")
    cases = []
    for g in golds:
        stem = g.name.rsplit(".gold.", 1)[0]
        src = score.find_input(inputs, stem)
        if src is None:
            print(f"note: {stem}: no input file in {inputs}", file=sys.stderr)
            continue
        try:
            page = read_source(Source(str(src), src))
        except LoadError as exc:
            print(f"note: {stem}: {exc}", file=sys.stderr)
            continue
        cases.append((Input(stem, src, page, as_html(page)), score.load_gold(g)))
    return cases


def run_all(extractors: list[Extractor], cases, score: types.ModuleType) -> None:
    for ex in extractors:
        for item, gold in cases:
            started = time.perf_counter()
            try:
                text = ex.run(item)
            except Exception as exc:  # noqa: BLE001 - an anchor crashing on a page scores 0 there
                text = ""
                ex.failed.append(f"{item.stem}: {type(exc).__name__}: {str(exc)[:100]}")
            ex.seconds += time.perf_counter() - started
            ex.scores[item.stem] = score.score_one(text, gold)


def mean(ex: Extractor, key: str) -> float:
    return sum(s[key] for s in ex.scores.values()) / len(ex.scores) if ex.scores else 0.0


def report(extractors: list[Extractor], worst: int, gold: Path, n_pages: int) -> str:
    lines = [
        f"{n_pages} pages from {gold} (mean over pages; s/page = extraction seconds per page)",
        "",
        "| extractor | P | R | F1 | leak | s/page | failed |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for ex in sorted(extractors, key=lambda e: -mean(e, "f1")):
        per_page = ex.seconds / len(ex.scores) if ex.scores else 0.0
        lines.append(
            f"| {ex.name} | {mean(ex, 'precision'):.3f} | {mean(ex, 'recall'):.3f} | {mean(ex, 'f1'):.3f} "
            f"| {mean(ex, 'leak'):.3f} | {per_page:.3f} | {len(ex.failed)} |"
        )
    reader = next((e for e in extractors if e.name == "reader"), None)
    if reader and worst > 0:
        others = [e for e in extractors if e is not reader]
        lines += [
            "",
            f"Worst {min(worst, len(reader.scores))} pages for reader:",
            "",
            "| page | P | R | F1 | leak | " + " | ".join(f"{e.short} F1" for e in others) + (" |" if others else "|"),
            "| --- " * (5 + len(others)) + "|",
        ]
        for stem, s in sorted(reader.scores.items(), key=lambda kv: (kv[1]["f1"], kv[0]))[:worst]:
            cells = [f"{s[k]:.3f}" for k in KEYS] + [f"{e.scores[stem]['f1']:.3f}" for e in others]
            lines.append(f"| {stem} | " + " | ".join(cells) + " |")
    failures = [f"{ex.name}: {f}" for ex in extractors for f in ex.failed]
    if failures:
        lines += ["", "Errors (scored as empty output):"] + [f"- {f}" for f in failures]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help=f"gold folder (default: {DEFAULT_GOLD})")
    ap.add_argument("--inputs", type=Path, default=None, help="raw pages (default: the gold folder)")
    ap.add_argument("--score", type=Path, default=DEFAULT_SCORE, help="path to score.py")
    ap.add_argument("--worst", type=int, default=5, metavar="N", help="per-page rows for reader's N worst pages")
    ap.add_argument("--only", default="", help="comma-separated extractor names to run (substring match)")
    args = ap.parse_args(argv)

    if not args.score.is_file():
        print(f"benchmark: scorer not found at {args.score} (is ../shared beside the repo?)", file=sys.stderr)
        return 2
    score = load_score(args.score)
    only = {o.strip().lower() for o in args.only.split(",") if o.strip()} or None
    extractors = build_extractors(only)
    if not extractors:
        print("benchmark: no extractor to run", file=sys.stderr)
        return 2
    cases = load_inputs(score, args.gold, args.inputs or args.gold)
    if not cases:
        print("benchmark: nothing to score", file=sys.stderr)
        return 1
    started = time.perf_counter()
    run_all(extractors, cases, score)
    print(report(extractors, args.worst, args.gold, len(cases)))
    print(f"\n{time.perf_counter() - started:.1f}s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
