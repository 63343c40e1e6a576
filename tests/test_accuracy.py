"""The score figures as tests: reader's extraction scored with ../shared/eval/score.py.

Computed in-process (reader's `extract` + the text renderer, i.e. what `reader clean`
prints), with score.py's own `load_gold` / `score_one` imported by path, so these
numbers match `score.py --cmd 'reader clean {input}'`.
"""
from __future__ import annotations

from pathlib import Path

import pytest


from support import shared

shared.skip_without_shared()

SEEDS_MIN_F1 = 0.98
SEEDS_MAX_LEAK = 0.0
# html-dev over the 40 pages, `reader clean` text output (the body): measured mean
# F1 0.989, P 0.992, lowest page 0.86; each floor is that minus slack, and at least
# issue 4's bar (F1 0.97, P 0.96, no page below 0.80).  Raise these as extraction
# improves; never lower them to make a change pass.
HTML_DEV_MIN_F1 = 0.985
HTML_DEV_MIN_PRECISION = 0.985
HTML_DEV_MIN_PAGE_F1 = 0.85
# Issue 4's bar for held-out dumps in the seeds' style, checked on our own labelled
# fixtures (tests/data/dumps): mean leak at most 0.05, mean recall at least 0.98.
DUMPS_MAX_LEAK = 0.05
DUMPS_MIN_RECALL = 0.98
DUMPS = Path(__file__).resolve().parent / "data" / "dumps"
# Our own gold for 12 corpus/unlabeled HTML pages, written from the pages without
# reading the rules (tests/data/corpus_gold/README.md): measured F1 0.993, P 0.990.
CORPUS_GOLD = Path(__file__).resolve().parent / "data" / "corpus_gold"
CORPUS_MIN_F1 = 0.97
CORPUS_MIN_PRECISION = 0.96
# The second and third held-out batches (tests/data/corpus_gold2, corpus_gold3; first
# contact and after in their RESULTS.md): gold2 measured F1 0.979 (P 0.987), gold3 F1
# 0.986 (P 0.977); both at issue 12's bar (F1 0.975, P 0.96).
HELD_OUT = {
    "corpus_gold2": (0.975, 0.96),
    "corpus_gold3": (0.975, 0.96),
}
# Whole-page dumps of html-dev (../shared/eval/whole_dumps.py, made once per session):
# measured leak 0.030, R 0.973 (issue 12's bar: leak 0.05, R 0.98; the recall lost is
# mostly headlines and editor lines the whole-dump labels count as article).
WHOLE_MAX_LEAK = 0.05
WHOLE_MIN_RECALL = 0.97
WRAPPED_MIN_F1 = 0.97
# Whole-page dumps of each held-out HTML batch, made the same way from its gold texts
# (tests/data/README.md): measured leak 0.019 / 0.048 / 0.024, R 0.996 / 0.991 / 0.995.
WHOLE_HELD_OUT = ("corpus_gold", "corpus_gold2", "corpus_gold3")
WHOLE_HELD_OUT_RECALL = 0.98


def _score_cases(gold_dir: Path, inputs: Path) -> tuple[dict[str, dict[str, float]], dict[str, str]]:
    score = shared.score_module()
    scores: dict[str, dict[str, float]] = {}
    failures: dict[str, str] = {}
    for case in shared.gold_cases(gold_dir, inputs):
        if case.input is None:
            failures[case.stem] = "no input file"
            continue
        try:
            text = shared.cleaned(str(case.input))
        except Exception as exc:  # noqa: BLE001 - any failure is reported by name
            failures[case.stem] = f"{type(exc).__name__}: {exc}"
            continue
        scores[case.stem] = score.score_one(text, score.load_gold(case.gold))
    return scores, failures


def _mean(scores: dict[str, dict[str, float]], key: str, failed: int = 0) -> float:
    n = len(scores) + failed
    return sum(s[key] for s in scores.values()) / n if n else 0.0


def _table(scores: dict[str, dict[str, float]]) -> str:
    rows = sorted(scores.items(), key=lambda kv: kv[1]["f1"])
    return "\n".join(f"{k[:40]:40} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} leak={s['leak']:.3f}"
                     for k, s in rows)


@pytest.fixture(scope="module")
def seeds():
    return _score_cases(shared.SEEDS_GOLD, shared.SAMPLES)


@pytest.fixture(scope="module")
def html_dev():
    return _score_cases(shared.HTML_DEV, shared.HTML_DEV)


def test_seed_gold_pairs_with_sample_articles(seeds):
    scores, failures = seeds
    assert not failures
    assert len(scores) == 5


def test_seeds_leak_nothing(seeds):
    scores, failures = seeds
    assert _mean(scores, "leak", len(failures)) <= SEEDS_MAX_LEAK, _table(scores)
    assert all(s["leak"] == 0.0 for s in scores.values()), _table(scores)


def test_seeds_f1(seeds):
    scores, failures = seeds
    mean = _mean(scores, "f1", len(failures))
    assert mean >= SEEDS_MIN_F1, f"mean F1 {mean:.4f} < {SEEDS_MIN_F1}\n{_table(scores)}"


def test_html_dev_every_page_extracts(html_dev):
    scores, failures = html_dev
    assert not failures, failures
    assert len(scores) == 40


@pytest.mark.parametrize("key, floor", [("f1", HTML_DEV_MIN_F1), ("precision", HTML_DEV_MIN_PRECISION)])
def test_html_dev_mean(html_dev, key, floor):
    scores, failures = html_dev
    mean = _mean(scores, key, len(failures))  # a page that fails counts as 0
    assert mean >= floor, f"mean {key} {mean:.4f} < {floor}\n{_table(scores)}"


def test_html_dev_no_page_is_far_off(html_dev):
    scores, _ = html_dev
    worst = min(scores.items(), key=lambda kv: kv[1]["f1"])
    assert worst[1]["f1"] >= HTML_DEV_MIN_PAGE_F1, _table(scores)


@pytest.fixture(scope="module")
def dumps() -> dict[str, dict[str, float]]:
    score = shared.score_module()
    scores = {}
    for gold in sorted(DUMPS.glob("*.gold.tsv")):
        stem = gold.name.removesuffix(".gold.tsv")
        (page,) = [p for p in DUMPS.glob(f"{stem}.*") if not p.name.endswith(".gold.tsv")]
        scores[stem] = score.score_one(shared.cleaned(str(page)), score.load_gold(gold))
    return scores


def test_dump_fixtures_meet_the_held_out_bar(dumps):
    assert len(dumps) >= 20
    assert _mean(dumps, "leak") <= DUMPS_MAX_LEAK, _table(dumps)
    assert _mean(dumps, "recall") >= DUMPS_MIN_RECALL, _table(dumps)


@pytest.fixture(scope="module")
def corpus_gold():
    return _score_cases(CORPUS_GOLD, shared.UNLABELED)


def test_corpus_gold_pages_meet_the_html_bar(corpus_gold):
    scores, failures = corpus_gold
    assert not failures, failures
    assert len(scores) >= 12
    assert _mean(scores, "f1") >= CORPUS_MIN_F1, _table(scores)
    assert _mean(scores, "precision") >= CORPUS_MIN_PRECISION, _table(scores)
    assert min(s["f1"] for s in scores.values()) >= 0.80, _table(scores)


@pytest.mark.parametrize("name", sorted(HELD_OUT))
def test_held_out_batches_meet_their_bar(name):
    scores, failures = _score_cases(Path(__file__).resolve().parent / "data" / name, shared.UNLABELED)
    assert not failures, failures
    min_f1, min_precision = HELD_OUT[name]
    assert _mean(scores, "f1") >= min_f1, _table(scores)
    assert _mean(scores, "precision") >= min_precision, _table(scores)
    assert min(s["f1"] for s in scores.values()) >= 0.80, _table(scores)


# The genre pages (tests/data/genre_gold: forums, blogs, old portals, notices, e-papers,
# fragments; written and labelled without reading the rules), held to the same bars:
# measured F1 0.986 on all 153 (the batches' first contact: 0.845 to 0.992), whole dumps
# leak 0.038, R 0.990.
GENRES = Path(__file__).resolve().parent / "data" / "genre_gold"


# Genre pages we know we miss, and why (each must still miss: take it off when fixed).
# (f06, a poem page, and f07, a recipe, were here until the article's sibling sections
# were read: `reader/extract/sections.py`; g07, a 水木 BBS post in its text form, until a
# <pre> of prose was read a line at a time; h01, a 新浪财经 page whose sidebar ticker
# trafilatura kept, until an editor line under the article closed it; n07, a press
# conference's transcript, until a reporter's question was no dateline; o08, 搜房网, until
# a box of form fields went as furniture; p09, a 领导留言板 page, until its one long official
# reply stayed.)
GENRE_MISSES: dict[str, str] = {
    # a guide whose list of tools, a box of its own between the lead and the steps, trafilatura
    # leaves out (hidden 百度经验:jingyan.baidu.com spans break the run of headed boxes)
    "p05": "百度经验: its 工具/原料 list is left out (0.898)",
}


def test_genre_pages_meet_the_held_out_bar():
    scores, failures = _score_cases(GENRES, GENRES)
    assert not failures, failures
    assert len(scores) >= 45
    assert _mean(scores, "f1") >= 0.975, _table(scores)
    assert _mean(scores, "precision") >= 0.96, _table(scores)
    low = {name for name, s in scores.items() if s["f1"] < 0.90}
    assert low == set(GENRE_MISSES), _table(scores)


def _whole_dump_scores(pages: Path, out: Path):
    """../shared/eval/whole_dumps.py on a folder of pages with their golds, scored."""
    import subprocess
    import sys

    subprocess.run([sys.executable, str(shared.SHARED / "eval" / "whole_dumps.py"), str(pages), str(out)],
                   check=True, capture_output=True)
    return _score_cases(out, out)


def test_whole_page_dumps_of_the_genre_pages_meet_the_bar(tmp_path):
    scores, failures = _whole_dump_scores(GENRES, tmp_path / "whole")
    assert not failures, failures
    assert len(scores) >= 45
    assert _mean(scores, "leak") <= WHOLE_MAX_LEAK, _table(scores)
    assert _mean(scores, "recall") >= WHOLE_HELD_OUT_RECALL, _table(scores)


@pytest.fixture(scope="session")
def whole_dump_folder(tmp_path_factory) -> Path:
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("whole-dev")
    subprocess.run([sys.executable, str(shared.SHARED / "eval" / "whole_dumps.py"), str(shared.HTML_DEV), str(out)],
                   check=True, capture_output=True)
    return out


@pytest.fixture(scope="session")
def whole_dumps(whole_dump_folder):
    return _score_cases(whole_dump_folder, whole_dump_folder)


def test_whole_page_dumps_wrapped_at_a_fixed_width_score_as_the_unwrapped_ones(whole_dump_folder, tmp_path):
    """A text browser's dump (w3m, lynx -dump) cuts every line at 76 columns; the cut
    paragraphs are joined again (measured F1 0.981, as the unwrapped dumps; 0.940 at
    first contact)."""
    from support.mutations import wrapped_dumps

    scores, failures = _score_cases(*(2 * [wrapped_dumps(whole_dump_folder, tmp_path / "wrapped")]))
    assert not failures, failures
    assert len(scores) >= 30
    assert _mean(scores, "leak") <= WHOLE_MAX_LEAK, _table(scores)
    assert _mean(scores, "recall") >= WHOLE_MIN_RECALL, _table(scores)
    assert _mean(scores, "f1") >= WRAPPED_MIN_F1, _table(scores)


def test_a_line_per_string_cuts_at_links_and_line_breaks() -> None:
    from support.mutations import string_lines

    lines = string_lines("<html><body><p>据<a href='#'>美国广播公司</a>报道，<b>事故</b>发生后<br>第二行</p>"
                         "<script>var x = 1;</script><div>菜单</div></body></html>")
    assert [t for t, _ in lines] == ["据", "美国广播公司", "报道，", "事故", "发生后", "第二行", "菜单"]
    blocks = [n for _, n in lines]
    assert blocks[0] == blocks[4] != blocks[5] != blocks[6]  # (a <br> starts a line of its own)


def test_whole_page_dumps_of_html_dev_leak_little(whole_dumps):
    scores, failures = whole_dumps
    assert not failures, failures
    assert len(scores) >= 30
    assert _mean(scores, "leak") <= WHOLE_MAX_LEAK, _table(scores)
    assert _mean(scores, "recall") >= WHOLE_MIN_RECALL, _table(scores)


@pytest.mark.parametrize("name", WHOLE_HELD_OUT)
def test_whole_page_dumps_of_the_held_out_batches_meet_the_bar(name, tmp_path):
    pages = tmp_path / "pages"  # each held-out gold text beside its page, as whole_dumps.py reads them
    pages.mkdir()
    for gold in sorted((Path(__file__).resolve().parent / "data" / name).glob("*.gold.txt")):
        stem = gold.name.removesuffix(".gold.txt")
        (pages / gold.name).symlink_to(gold)
        (pages / f"{stem}.html").symlink_to(shared.UNLABELED / f"{stem}.html")
    scores, failures = _whole_dump_scores(pages, tmp_path / "whole")
    assert not failures, failures
    assert len(scores) >= 10
    assert _mean(scores, "leak") <= WHOLE_MAX_LEAK, _table(scores)
    assert _mean(scores, "recall") >= WHOLE_HELD_OUT_RECALL, _table(scores)


def test_scorer_agrees_with_itself_on_gold():
    """Sanity check of the harness: the gold text scored against itself is perfect."""
    score = shared.score_module()
    case = shared.gold_cases(shared.HTML_DEV, shared.HTML_DEV)[0]
    gold = score.load_gold(case.gold)
    perfect = score.score_one(gold["K"], gold)
    # not exactly 1: short gold lines are single shingles on their own, merged in a whole text
    assert perfect["precision"] == pytest.approx(1.0) and perfect["recall"] > 0.98
    assert score.score_one("", gold)["f1"] == 0.0


@pytest.mark.parametrize("variant", ["fragment", "table", "br-layout"])
def test_html_dev_cut_out_of_its_document_scores_as_the_pages_do(variant, tmp_path):
    """Issue 12, classes 1 and 2: a saved fragment (no <html>, no charset, GB18030), a
    body in one layout-table cell, or one with <br><br> paragraphs is read as HTML and
    extracted as the whole page is (measured F1 0.991, 0.990, 0.983; 0.665, 0.968, 0.957
    before sniffing skipped scripts, extra copies of a table's paragraphs were dropped
    and an article trafilatura missed beside a tag cloud was looked for)."""
    from support.mutations import write_variant

    scores, failures = _score_cases(write_variant(variant, tmp_path), tmp_path)
    assert not failures, failures
    assert len(scores) >= 30
    assert _mean(scores, "f1") >= HTML_DEV_MIN_F1 - 0.005, _table(scores)
