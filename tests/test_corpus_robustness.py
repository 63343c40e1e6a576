"""Every real page in ../shared/corpus/unlabeled extracts, and the `.must.json` snippets hold.

`with` snippets must appear in what `reader clean` prints, `without` snippets must not
(white space ignored).  The pages have no full gold; they catch crashes, empty
results and gross leaks on GBK NetEase pages, old news sites and Traditional pages.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest


from support import shared

shared.skip_without_shared()

from reader.model import Article  # noqa: E402

PAGES = shared.pages(shared.UNLABELED)
MUST = {p.stem: m for p in PAGES if (m := shared.must(p))}

# An article, not a stray line: at least this many CJK characters or Latin words.
MIN_ARTICLE_UNITS = 50
_UNITS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[A-Za-z0-9]+")

# Pages reader fails on today (reported to the lead; extraction is being improved).
KNOWN_EMPTY: dict[str, str] = {}  # stem -> why; empty since d5b6b9b (the lyrics page)
# `with` snippets missing today, as (stem, snippet).
KNOWN_MISSING_WITH = {
    # The lemma summary (div.lemma-summary inside div.poster) is not in trafilatura's main content.
    ("traf_baike.baidu.com.tanya", "1975年1月28日出生"),
}
# How many `with` snippets must be present overall: what holds now (13 of 14).
MIN_WITH_PRESENT = 13


def _page(stem: str) -> Path:
    return shared.UNLABELED / f"{stem}.html"


def _printed(stem: str) -> str | None:
    """What reader clean prints for the page, white space removed; None when it fails."""
    try:
        return shared.squash(shared.cleaned(str(_page(stem))))
    except Exception:  # noqa: BLE001 - failures are asserted in test_page_extracts
        return None


def test_corpus_is_there():
    assert len(PAGES) >= 40
    assert len(MUST) >= 5


def _xfail_known(stem: str, known: dict | set, reason: str):
    return pytest.param(stem, marks=pytest.mark.xfail(reason=reason, strict=False)) if stem in known else stem


@pytest.mark.parametrize(
    "stem",
    [_xfail_known(p.stem, KNOWN_EMPTY, f"known bug: {KNOWN_EMPTY.get(p.stem, '')}") for p in PAGES],
)
def test_page_extracts(stem):
    article = shared.article(str(_page(stem)))  # raises on failure
    assert isinstance(article, Article)
    assert article.blocks
    assert all(b.text.strip() for b in article.blocks)
    units = len(_UNITS.findall(article.body_text))
    assert units >= MIN_ARTICLE_UNITS, f"only {units} characters/words of article text"
    assert isinstance(article.title, str)
    assert "\ufffd" not in article.body_text


@pytest.mark.parametrize("stem", sorted(MUST))
def test_without_snippets_are_absent(stem):
    printed = _printed(stem)
    if printed is None:
        pytest.skip("page does not extract (see test_page_extracts)")
    leaked = [s for s in MUST[stem]["without"] if shared.squash(s) in printed]
    assert not leaked, f"boilerplate left in: {leaked}"


WITH_CASES = [
    pytest.param(stem, snippet, id=f"{stem}:{snippet}",
                 marks=[pytest.mark.xfail(reason="known miss (see KNOWN_MISSING_WITH)", strict=False)] if (stem, snippet) in KNOWN_MISSING_WITH else [])
    for stem in sorted(MUST)
    for snippet in MUST[stem]["with"]
]


@pytest.mark.parametrize("stem, snippet", WITH_CASES)
def test_with_snippet_is_present(stem, snippet):
    printed = _printed(stem)
    assert printed is not None, "page does not extract"
    assert shared.squash(snippet) in printed


def test_most_with_snippets_are_present():
    present, missing = 0, []
    for stem in sorted(MUST):
        printed = _printed(stem) or ""
        for snippet in MUST[stem]["with"]:
            if shared.squash(snippet) in printed:
                present += 1
            else:
                missing.append(f"{stem}: {snippet}")
    total = present + len(missing)
    assert present >= MIN_WITH_PRESENT, f"{present}/{total} `with` snippets present; missing: {missing}"
    assert present > total / 2
