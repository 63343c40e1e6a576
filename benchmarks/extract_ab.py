#!/usr/bin/env python3
"""Extraction time per page, this tree against a git revision, interleaved A B A B.

    python benchmarks/extract_ab.py REV [--rounds N]

Checks REV out into a temporary worktree and times `reader.extract.extract` on every
html-dev page and on the whole-page dumps `../shared/eval/whole_dumps.py` makes of them,
each side in a fresh process that imports its own tree (the editable install's import
hook is taken out first: with it, `PYTHONPATH` alone would run this tree twice).  Prints
each round, then the medians and their ratio: a change must not make pages slower.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# Run in the child: import the tree at argv[1], extract every page of argv[2:] twice.
_CHILD = r"""
import sys, time
root = sys.argv[1]
sys.meta_path = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
sys.path.insert(0, root)
import reader
assert reader.__file__.startswith(root), reader.__file__
from reader.errors import ExtractError
from reader.extract import extract
from reader.load import decode
from reader.model import Page
pages = []
for name in sys.argv[2:]:
    data = open(name, "rb").read()
    kind = "html" if name.endswith(".html") else "text"
    pages.append(Page(name, decode(data)[0], kind, "utf-8"))
def once():
    for page in pages:
        try:
            extract(page)
        except ExtractError:
            pass
once()  # warm: lazy patterns, caches
start = time.perf_counter()
once()
print((time.perf_counter() - start) / len(pages))
"""


def _pages(tmp: Path) -> list[str]:
    from accuracy import _whole_dumps  # (benchmarks/ is on the path: this script's folder)

    html_dev = SHARED / "eval" / "html-dev"
    whole = _whole_dumps(html_dev, None, tmp / "whole")
    return [str(p) for p in sorted(html_dev.glob("*.html"))] + [str(p) for p in sorted(whole.glob("*.txt"))]


def _time(root: Path, pages: list[str]) -> float:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(root), *pages], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rev", help="the git revision to compare against (a commit, a tag, HEAD~3)")
    ap.add_argument("--rounds", type=int, default=3, help="A B rounds (default 3)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        base = tmp / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.rev], check=True)
        try:
            pages = _pages(tmp)
            ours, theirs = [], []
            for k in range(args.rounds):
                theirs.append(_time(base, pages))
                ours.append(_time(ROOT, pages))
                print(f"round {k + 1}: {args.rev} {theirs[-1] * 1000:.1f} ms/page   this tree {ours[-1] * 1000:.1f} ms/page",
                      flush=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
    a, b = statistics.median(ours), statistics.median(theirs)
    print(f"{len(pages)} pages: this tree {a * 1000:.1f} ms/page, {args.rev} {b * 1000:.1f} ms/page, ratio {a / b:.2f}x")


if __name__ == "__main__":
    main()
