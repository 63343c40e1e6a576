#!/usr/bin/env python3
"""Score reader's extraction next to the anchor extractors on a gold folder.

    python benchmarks/accuracy.py                       # ../shared/eval/html-dev
    python benchmarks/accuracy.py --worst 10
    python benchmarks/accuracy.py --gold ../shared/eval/seeds-gold --inputs sample_articles
    python benchmarks/accuracy.py --targets             # reader on every set, against issue 12's targets

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

`--targets` runs reader alone on every labelled set (html-dev, the seeds, the held-out
HTML batches in tests/data/corpus_gold*, the labelled dumps in tests/data/dumps and
dumps2, and the whole-page dumps ../shared/eval/whole_dumps.py makes from html-dev and
from each held-out HTML batch, in a temporary folder) and prints each figure beside its
target, plus coverage (benchmarks/coverage.py) with `--coverage`.  With html2text
installed (the bench extra) it also scores the same pages flattened to markdown, as a
scraper's "to markdown" step writes them, labelled by whole_dumps.py's rule (no target),
html-dev's whole dumps as a text browser writes them, cut at 76 columns, in
Traditional characters (OpenCC s2tw, page and labels alike), and as BeautifulSoup's
get_text("\\n") writes them, a line per string (no target).
"""
from __future__ import annotations

import argparse
import html as htmlmod
import importlib.util
import re
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
        src = score.find_input(inputs, stem) or next(
            (p for p in sorted(inputs.glob(f"{stem}.*")) if ".gold." not in p.name and p.suffix == ".md"), None)
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


# --- every target (issue 12) ---------------------------------------------------------

DATA = REPO / "tests" / "data"
UNLABELED = SHARED / "corpus" / "unlabeled"
HELD_OUT_HTML = ("corpus_gold", "corpus_gold2", "corpus_gold3")
GENRES = "genre_gold"  # pages beside their gold: forums, blogs, old portals, notices (its README)


@dataclass(frozen=True)
class Target:
    """A bar a set's mean figure has to meet: at least `bound`, or at most with `at_most`."""

    key: str
    bound: float
    at_most: bool = False

    def met(self, value: float) -> bool:
        return value <= self.bound if self.at_most else value >= self.bound

    def __str__(self) -> str:
        name = {"precision": "P", "recall": "R", "f1": "F1", "leak": "leak"}[self.key]
        return f"{name} {'≤' if self.at_most else '≥'} {self.bound:g}"


HTML_HELD_OUT = (Target("f1", 0.975), Target("precision", 0.96))
WHOLE = (Target("leak", 0.05, at_most=True), Target("recall", 0.98))


@dataclass
class EvalSet:
    name: str
    gold: Path
    inputs: Path
    targets: tuple[Target, ...] = ()
    keep: Callable[[Path], bool] = lambda path: True  # which inputs belong to the set


def _markdown_lines(html: str) -> list[str]:
    """A whole page as a scraper's "to markdown" step writes it (html2text, no wrapping):
    menus, sidebars and footers included, as markdown lines."""
    import html2text

    maker = html2text.HTML2Text()
    maker.body_width = 0
    maker.unicode_snob = True
    html = re.sub(r"<(script|style|noscript|template)\b.*?</\1\s*>", "", html, flags=re.S | re.I)
    return [line.rstrip() for line in maker.handle(html).splitlines() if line.strip()]


def _whole_dumps(src: Path, gold: Path | None, out: Path, markdown: bool = False) -> Path:
    """../shared/eval/whole_dumps.py on `src` (NAME.html beside NAME.gold.txt), or on
    the pages of ../shared/corpus/unlabeled paired with the gold texts in `gold`; with
    `markdown`, each page flattened by html2text instead (labelled by the same rule)."""
    import contextlib
    import io

    if gold is not None:  # pair each held-out gold text with its page, as whole_dumps.py wants them
        paired = out.with_name(out.name + "-pages")
        paired.mkdir(parents=True)
        for g in sorted(gold.glob("*.gold.txt")):
            stem = g.name.removesuffix(".gold.txt")
            (paired / g.name).symlink_to(g)
            (paired / f"{stem}.html").symlink_to(src / f"{stem}.html")
        src = paired
    module = load_score_like(SHARED / "eval" / "whole_dumps.py", "shared_eval_whole_dumps")
    if markdown:
        module.flatten = _markdown_lines  # the script's own decoding and labelling, another flattener
    with contextlib.redirect_stdout(io.StringIO()):
        module.main(src, out)
    return out


def _mutations() -> types.ModuleType:
    """tests/support/mutations.py: the page forms (a text browser's dump cut at 76
    columns, `wrapped_dumps`; BeautifulSoup's get_text("\\n"), a line per string,
    `string_dumps`), shared with the tests."""
    if str(REPO / "tests") not in sys.path:
        sys.path.insert(0, str(REPO / "tests"))
    from support import mutations

    return mutations


def load_score_like(path: Path, name: str) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def eval_sets(tmp: Path) -> list[EvalSet]:
    html_dev = SHARED / "eval" / "html-dev"
    sets = [
        EvalSet("html-dev", html_dev, html_dev, (Target("f1", 0.985),)),
        EvalSet("seeds", SHARED / "eval" / "seeds-gold", REPO / "sample_articles", (Target("leak", 0.0, at_most=True),)),
    ]
    sets += [EvalSet(name, DATA / name, UNLABELED, HTML_HELD_OUT) for name in HELD_OUT_HTML]
    sets.append(EvalSet(GENRES, DATA / GENRES, DATA / GENRES, HTML_HELD_OUT))
    sets += [
        EvalSet("dumps (seed-style, plain text)", DATA / "dumps", DATA / "dumps",
                (Target("leak", 0.02, at_most=True), Target("recall", 0.99)), keep=lambda p: p.suffix != ".md"),
        EvalSet("dumps (markdown)", DATA / "dumps", DATA / "dumps", keep=lambda p: p.suffix == ".md"),
        EvalSet("dumps2 (whole pages)", DATA / "dumps2", DATA / "dumps2", WHOLE),
    ]
    whole = _whole_dumps(html_dev, None, tmp / "whole-html-dev")
    sets.append(EvalSet("whole dumps of html-dev", whole, whole, WHOLE))
    wrapped = _mutations().wrapped_dumps(whole, tmp / "wrapped-whole-html-dev")
    sets.append(EvalSet("whole dumps of html-dev, wrapped at 76 columns", wrapped, wrapped))
    traditional = _mutations().traditional_dumps(whole, tmp / "traditional-whole-html-dev")
    sets.append(EvalSet("whole dumps of html-dev in Traditional characters (OpenCC s2tw)", traditional, traditional))
    strings = _mutations().string_dumps(html_dev, tmp / "strings-html-dev")
    sets.append(EvalSet('whole dumps of html-dev, a line per string (get_text("\\n"))', strings, strings))
    for name in HELD_OUT_HTML:
        whole = _whole_dumps(UNLABELED, DATA / name, tmp / f"whole-{name}")
        sets.append(EvalSet(f"whole dumps of {name}", whole, whole, WHOLE))
    whole = _whole_dumps(DATA / GENRES, None, tmp / f"whole-{GENRES}")
    sets.append(EvalSet(f"whole dumps of {GENRES}", whole, whole, WHOLE))
    if importlib.util.find_spec("html2text") is None:
        print("(markdown whole dumps skipped: pip install -e '.[bench]' for html2text)", file=sys.stderr)
        return sets
    md = _whole_dumps(html_dev, None, tmp / "md-whole-html-dev", markdown=True)
    sets.append(EvalSet("markdown whole dumps of html-dev", md, md))
    for name in HELD_OUT_HTML:
        md = _whole_dumps(UNLABELED, DATA / name, tmp / f"md-whole-{name}", markdown=True)
        sets.append(EvalSet(f"markdown whole dumps of {name}", md, md))
    md = _whole_dumps(DATA / GENRES, None, tmp / f"md-whole-{GENRES}", markdown=True)
    sets.append(EvalSet(f"markdown whole dumps of {GENRES}", md, md))
    return sets


def coverage_rows() -> list[str]:
    """Coverage (benchmarks/coverage.py) on html-dev and corpus/unlabeled: mean ≥ 0.98, every page ≥ 0.95."""
    cov = load_score_like(REPO / "benchmarks" / "coverage.py", "reader_bench_coverage")
    wd = cov._flattener()
    rows = []
    for folder in (SHARED / "eval" / "html-dev", UNLABELED):
        figures = sorted((cov.coverage(p, wd), p.name) for p in sorted(folder.glob("*.htm*")))
        if not figures:
            continue
        mean_cov = sum(c for c, _ in figures) / len(figures)
        ok = mean_cov >= 0.98 and figures[0][0] >= 0.95
        rows.append(f"| coverage of {folder.name} | {len(figures)} | mean {mean_cov:.3f}, min {figures[0][0]:.3f} "
                    f"({figures[0][1]}) | mean ≥ 0.98, each ≥ 0.95 | {'yes' if ok else '**no**'} |")
    return rows


def run_targets(score: types.ModuleType, with_coverage: bool, json_out: Path | None) -> int:
    import json
    import tempfile

    extractors = build_extractors({"reader"})
    reader = next(e for e in extractors if e.name == "reader")
    lines = ["| set | pages | P | R | F1 | leak | target | met |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    per_page: dict[str, dict[str, dict[str, float]]] = {}
    all_met = True
    with tempfile.TemporaryDirectory(prefix="reader-targets-") as tmp:
        for es in eval_sets(Path(tmp)):
            cases = [(item, gold) for item, gold in load_inputs(score, es.gold, es.inputs) if es.keep(item.path)]
            reader.scores = {}
            run_all([reader], cases, score)
            means = {k: mean(reader, k) for k in KEYS}
            met = all(t.met(means[t.key]) for t in es.targets)
            all_met = all_met and met
            lines.append(f"| {es.name} | {len(cases)} | " + " | ".join(f"{means[k]:.3f}" for k in KEYS)
                         + f" | {', '.join(map(str, es.targets)) or '–'} | {('yes' if met else '**no**') if es.targets else '–'} |")
            per_page[es.name] = dict(reader.scores)
    if with_coverage:
        rows = coverage_rows()
        all_met = all_met and not any("**no**" in r for r in rows)
        lines += ["", "| coverage | pages | figure | target | met |", "| --- | --- | --- | --- | --- |"] + rows
    print("\n".join(lines))
    if json_out is not None:
        json_out.write_text(json.dumps(per_page, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print("\nevery target met" if all_met else "\nsome target not met")
    return 0 if all_met else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help=f"gold folder (default: {DEFAULT_GOLD})")
    ap.add_argument("--inputs", type=Path, default=None, help="raw pages (default: the gold folder)")
    ap.add_argument("--score", type=Path, default=DEFAULT_SCORE, help="path to score.py")
    ap.add_argument("--worst", type=int, default=5, metavar="N", help="per-page rows for reader's N worst pages")
    ap.add_argument("--only", default="", help="comma-separated extractor names to run (substring match)")
    ap.add_argument("--targets", action="store_true", help="reader on every labelled set, against issue 12's targets")
    ap.add_argument("--coverage", action="store_true", help="with --targets: coverage of html-dev and corpus/unlabeled too")
    ap.add_argument("--json", type=Path, default=None, metavar="FILE", help="with --targets: per-page scores to FILE")
    args = ap.parse_args(argv)

    if not args.score.is_file():
        print(f"benchmark: scorer not found at {args.score} (is ../shared beside the repo?)", file=sys.stderr)
        return 2
    score = load_score(args.score)
    if args.targets:
        return run_targets(score, args.coverage, args.json)
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
