#!/usr/bin/env python3
"""html-dev, cut and wrapped the way saved pages arrive, scored as the originals are.

    python benchmarks/mutations.py [--only fragment,table ...]

Each variant rewrites every html-dev page (decoded as reader decodes it), encodes it
as GB18030 with no charset declared, and scores `reader clean` on it against the
page's own gold, so a drop from html-dev's F1 is what the change of form costs:

* fragment: the <body>'s inside alone, no <html>, <head> or charset;
* script-first: 300 lines of script (and blank lines) before the document;
* one-line: every newline of the markup gone;
* crlf: CRLF line ends;
* table: the body's inside in one layout-table cell, no document tags;
* br-layout: the same, with paragraphs parted by <br><br> instead of <p>;
* upper-tags: HTML 4 capitals (<P>, <TABLE>);
* no-close-p: no </p>.

With --whole, each variant is also flattened into a whole-page text dump by
../shared/eval/whole_dumps.py (menus and all, labelled line by line) and scored with
its leak, as a scraper that reads saved pages of that form would hand them over.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from support.mutations import MUTATIONS, write_variant  # noqa: E402


def score_folder(folder: Path) -> dict[str, dict[str, float]]:
    from support import shared

    score = shared.score_module()
    return {case.stem: score.score_one(shared.cleaned(str(case.input)), score.load_gold(case.gold))
            for case in shared.gold_cases(folder, folder) if case.input is not None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default=",".join(MUTATIONS), help="comma-separated variants")
    ap.add_argument("--whole", action="store_true", help="also score each variant's whole-page dumps")
    args = ap.parse_args()
    print("| variant | P | R | F1 | leak | worst pages |")
    print("| --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only.split(","):
            variant = write_variant(name, Path(tmp) / name)
            _row(name, score_folder(variant))
            if args.whole:
                _row(f"{name}, whole dump", score_folder(_whole_dumps(variant, Path(tmp) / f"{name}-whole")))


def _whole_dumps(variant: Path, out: Path) -> Path:
    from accuracy import _whole_dumps as whole_dumps  # (benchmarks/ is on the path: this script's folder)

    return whole_dumps(variant, None, out)


def _row(name: str, rows: dict[str, dict[str, float]]) -> None:
    mean = {k: sum(r[k] for r in rows.values()) / len(rows) for k in ("precision", "recall", "f1", "leak")}
    worst = ", ".join(f"{k[:24]} {r['f1']:.2f}" for k, r in sorted(rows.items(), key=lambda kv: kv[1]["f1"])[:3])
    print(f"| {name} | {mean['precision']:.3f} | {mean['recall']:.3f} | {mean['f1']:.3f} | {mean['leak']:.3f} | {worst} |",
          flush=True)


if __name__ == "__main__":
    main()
