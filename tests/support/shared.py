"""Paths to the shared evaluation data and the scorer, for tests and benchmarks.

The repository expects the read-only `shared` folder beside it (``../shared``);
``READER_SHARED`` overrides that.  Tests that need it skip with a clear reason
when it is absent.  The scorer is imported from ``shared/eval/score.py`` by path,
so the figures the tests assert are the ones ``score.py`` prints.

Load this module with `load_support()` (below, copied into each test file) or by
path; it is not a package on sys.path.
"""
from __future__ import annotations

import csv
import functools
import importlib.util
import json
import os
import sys
import types
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("READER_SHARED") or REPO.parent / "shared").resolve()
SAMPLES = REPO / "sample_articles"
SEEDS_GOLD = SHARED / "eval" / "seeds-gold"
HTML_DEV = SHARED / "eval" / "html-dev"
UNLABELED = SHARED / "corpus" / "unlabeled"
SCORE_PY = SHARED / "eval" / "score.py"

MISSING_REASON = f"shared evaluation data not found at {SHARED} (clone beside ../shared or set READER_SHARED)"


def have_shared() -> bool:
    return SCORE_PY.is_file() and HTML_DEV.is_dir()


def skip_without_shared() -> None:
    """pytest.skip (module-level safe) when ../shared is absent."""
    import pytest

    if not have_shared():
        pytest.skip(MISSING_REASON, allow_module_level=True)


@functools.cache
def score_module() -> types.ModuleType:
    """shared/eval/score.py, imported by path (its `score_one`, `load_gold`, `find_input`)."""
    spec = importlib.util.spec_from_file_location("reader_shared_eval_score", SCORE_PY)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {SCORE_PY}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def sources(folder: Path) -> dict[str, dict[str, str]]:
    """SOURCES.tsv of a shared folder, by stem."""
    path = folder / "SOURCES.tsv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["stem"]: row for row in csv.DictReader(fh, delimiter="\t")}


def pages(folder: Path) -> list[Path]:
    """The raw pages of a shared folder (HTML), sorted."""
    return sorted(p for p in folder.glob("*.htm*") if p.is_file())


@dataclass(frozen=True)
class GoldCase:
    stem: str
    gold: Path
    input: Path | None  # None when the raw page is missing


def gold_cases(gold_dir: Path, inputs: Path) -> list[GoldCase]:
    """Gold files paired with their raw pages, as score.py pairs them."""
    score = score_module()
    golds = sorted(list(gold_dir.glob("*.gold.tsv")) + list(gold_dir.glob("*.gold.txt")))
    out = []
    for g in golds:
        stem = g.name.rsplit(".gold.", 1)[0]
        out.append(GoldCase(stem, g, score.find_input(inputs, stem)))
    return out


def must(page: Path) -> dict[str, list[str]] | None:
    """The `with` / `without` snippets for an unlabeled page, when it has them."""
    path = page.with_name(page.stem + ".must.json")
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return {"with": list(data.get("with", [])), "without": list(data.get("without", []))}


def squash(text: str) -> str:
    """Text without white space, for snippet checks that should not care about wrapping."""
    return "".join(text.split())


@functools.cache
def article(path: str):
    """reader's Article for one page file, computed in-process and cached.

    Raises whatever loading or extraction raises, so callers can assert on it.
    """
    from reader.extract import extract
    from reader.load import Source, read_source

    return extract(read_source(Source(path, Path(path))))


def cleaned(path: str) -> str:
    """What `reader clean PATH` prints (text format: the body, no headline)."""
    from reader import render

    return render.to_text(article(path), title=False)
