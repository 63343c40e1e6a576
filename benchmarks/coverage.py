#!/usr/bin/env python3
"""Nothing vanishes, measured in one process: the share of each page's visible text that
reader's Article accounts for (kept blocks, removed blocks, metadata fields).

    python benchmarks/coverage.py                      # ../shared/eval/html-dev and ../shared/corpus/unlabeled
    python benchmarks/coverage.py FOLDER... [--worst N]

The same measure as ../shared/eval/coverage.py (its flattening and 4-token shingles are
imported from ../shared/eval/whole_dumps.py by path), without a `reader clean`
subprocess per page, so the figures match and the run takes seconds.  Target (issue 12):
mean ≥ 0.98 and no page below 0.95 on each folder.
"""
from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
FIELDS = ("title", "author", "date", "site", "source", "editor", "url")
sys.path.insert(0, str(REPO))


def _flattener():
    spec = importlib.util.spec_from_file_location("shared_whole_dumps", EVAL / "whole_dumps.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {EVAL / 'whole_dumps.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def coverage(page: Path, wd) -> float:
    from reader.pipeline import process
    from reader.sources import RawPage

    visible = wd.score.shingles("\n".join(wd.flatten(wd.decode(page.read_bytes()))))
    n = sum(visible.values())
    if not n:
        return 1.0
    try:
        data = process(RawPage(name=str(page), data=page.read_bytes())).to_dict()
    except Exception:  # noqa: BLE001 - a page that fails accounts for nothing
        return 0.0
    parts = [str(data.get(k) or "") for k in FIELDS]
    parts += [b["text"] for b in data["blocks"]] + [r["text"] for r in data["removed"]]
    return sum((visible & wd.score.shingles("\n".join(parts))).values()) / n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="*", type=Path,
                    default=[EVAL / "html-dev", REPO.parent / "shared" / "corpus" / "unlabeled"])
    ap.add_argument("--worst", type=int, default=3)
    args = ap.parse_args()
    wd = _flattener()
    ok = True
    for folder in args.folders:
        covs = sorted((coverage(p, wd), p.name) for p in sorted(folder.glob("*.htm*")))
        if not covs:
            print(f"{folder}: no pages")
            continue
        mean = statistics.mean(c for c, _ in covs)
        below = sum(c < 0.95 for c, _ in covs)
        ok = ok and mean >= 0.98 and not below
        print(f"{folder.name}: mean {mean:.3f}, min {covs[0][0]:.3f}, {below} of {len(covs)} below 0.95")
        for c, name in covs[: args.worst]:
            print(f"    {c:.3f}  {name}")
    print("coverage ok" if ok else "coverage short")


if __name__ == "__main__":
    main()
