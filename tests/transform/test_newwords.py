"""The page's new words (newwords.merge) and the common-word cache it decides rarity by."""
from __future__ import annotations

import marshal
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.transform import newwords
from reader.transform.newwords import MAX_LEN, MAX_ROUNDS, _content, merge

# Tags of the words used below (jieba's: j abbreviation, a adjective, n noun, v verb,
# uj 的, x punctuation).
TAGS = {
    "英": "j", "伟达": "a", "芯片": "n", "的": "uj", "，": "x", "发布": "v", "新质": "n",
    "生产力": "n", "发展": "vn", "公司": "n", "表示": "v", "平头": "n", "哥": "n", "电子": "n",
    "钱包": "n", "B": "eng", "站": "n", "AI": "eng", "GPU": "eng", "。": "x", "阿里": "nrt",
}
COMMON = frozenset({"芯片", "发布", "生产力", "发展", "公司", "表示", "电子", "阿里"})


def tags(words):
    return {w: TAGS.get(w, "x") for w in words}


def test_a_fragment_always_beside_the_same_word_is_joined() -> None:
    words = ["英", "伟达", "的", "芯片", "，", "英", "伟达", "发布", "芯片", "。"]
    assert merge(words, COMMON, tags) == ["英伟达", "的", "芯片", "，", "英伟达", "发布", "芯片", "。"]


def test_not_joined_when_seen_once_split_differently_or_common() -> None:
    once = ["英", "伟达", "的", "芯片"]
    assert merge(once, COMMON, tags) == once
    apart = ["英", "伟达", "，", "伟达", "，", "英", "伟达", "，", "英", "芯片"]
    assert merge(apart, COMMON, tags) == apart  # 伟达 also alone, 英 also before 芯片
    common_pair = ["电子", "芯片", "。", "电子", "芯片"]  # neither is a fragment
    assert merge(common_pair, COMMON, tags) == common_pair


def test_verbs_function_words_and_stop_words_are_never_joined() -> None:
    clause = ["公司", "表示", "。", "公司", "表示"]
    assert merge(clause, frozenset(), tags) == clause  # 表示 is a verb, even when rare
    assert merge(["的", "哥", "的", "哥"], COMMON, tags) == ["的", "哥", "的", "哥"]
    words = ["平头", "哥", "。", "平头", "哥"]
    assert merge(words, COMMON, tags) == ["平头哥", "。", "平头哥"]
    assert merge(words, COMMON, tags, stop=frozenset({"平头"})) == words


def test_new_words_grow_over_rounds_and_stay_short() -> None:
    words = ["新质", "生产力", "发展", "。"] * 3
    assert merge(words, COMMON, tags) == ["新质生产力发展", "。"] * 3
    long = ["平头", "哥", "电子", "钱包"] * 2  # 平头哥 + 电子钱包 = 7 characters, within MAX_LEN
    assert all(len(w) <= MAX_LEN for w in merge(long, COMMON, tags))


def test_latin_and_han_join_but_two_latin_words_do_not() -> None:
    assert merge(["B", "站", "，", "B", "站"], COMMON, tags) == ["B站", "，", "B站"]
    assert merge(["AI", "GPU", "，", "AI", "GPU"], frozenset(), tags) == ["AI", "GPU", "，", "AI", "GPU"]


# -- the rule, written plainly ----------------------------------------------------------


def reference(tokens: list[str], common: frozenset[str], stop: frozenset[str]) -> list[str]:
    """The rule of the module docstring token by token, the slow form `merge` must
    equal: every adjacent pair counted in the first round, then only the places next
    to the words just made; non-content words are None."""
    words = [w if _content(w, TAGS.get(w, "x")) and w.lower() not in stop else None for w in tokens]
    out = list(tokens)
    counts = Counter(words)
    starts = range(len(words) - 1)
    for _ in range(MAX_ROUNDS):
        together = Counter((words[i], words[i + 1]) for i in starts)
        pairs = {
            (a, b)
            for (a, b), n in together.items()
            if a is not None and b is not None and (n == counts[b] >= 2 or n == counts[a] >= 2)
            and len(a) + len(b) <= MAX_LEN and not (a.isascii() and b.isascii())
            and (len(a) == 1 or a not in common or len(b) == 1 or b not in common)
        }
        firsts = {a for a, _ in pairs}
        pairs = {(a, b) for a, b in pairs if b not in firsts and a != b}
        if not pairs:
            break
        places = sorted(i for i in starts if (words[i], words[i + 1]) in pairs)
        places = [i for k, i in enumerate(places) if not k or i > places[k - 1] + 1]
        for i in reversed(places):
            joined = out[i] + out[i + 1]
            counts[words[i]] -= 1
            counts[words[i + 1]] -= 1
            counts[joined] += 1
            out[i : i + 2] = [joined]
            words[i : i + 2] = [joined]  # two content words make a content word
        made = [i - k for k, i in enumerate(places)]
        starts = sorted({j for m in made for j in (m - 1, m) if 0 <= j < len(words) - 1})
    return out


VOCAB = sorted(TAGS)


@st.composite
def pages(draw) -> list[str]:
    """Words of a page made of a few phrases repeated (new words are repeated neighbours)."""
    phrases = draw(st.lists(st.lists(st.sampled_from(VOCAB), min_size=1, max_size=3), min_size=1, max_size=5))
    order = draw(st.lists(st.integers(0, len(phrases) - 1), max_size=25))
    noise = draw(st.lists(st.sampled_from(VOCAB), max_size=3))
    return [w for i in order for w in phrases[i]] + noise


@settings(max_examples=400, deadline=None)
@given(pages(), st.sets(st.sampled_from(VOCAB)), st.sets(st.sampled_from(["英", "阿里", "哥", "ai"])))
def test_merge_is_the_plain_rule(tokens: list[str], common: set[str], stop: set[str]) -> None:
    got = merge(tokens, frozenset(common), tags, frozenset(stop))
    assert got == reference(tokens, frozenset(common), frozenset(stop))
    assert "".join(got) == "".join(tokens)  # only joins, never a character lost or moved


# -- the common-word cache --------------------------------------------------------------


@pytest.fixture()
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "reader"


@pytest.fixture(scope="module")
def expected_common() -> frozenset[str]:
    from reader.transform.idf import idf_path

    parts = idf_path().read_text(encoding="utf-8").split()
    return frozenset(w for w, v in zip(parts[::2], parts[1::2]) if float(v) < newwords.RARE_IDF)


def test_common_words_are_built_once_and_read_back(fresh_cache: Path, expected_common, monkeypatch) -> None:
    built = newwords.common_words.__wrapped__()
    assert built == expected_common and "中国" in built and "伟达" not in built
    (cache,) = fresh_cache.glob("jieba-common-*.marshal")
    assert marshal.loads(cache.read_bytes()) == expected_common

    def no_parse(source):
        raise AssertionError("idf.txt parsed again")

    monkeypatch.setattr(newwords, "_read_common", no_parse)
    assert newwords.common_words.__wrapped__() == expected_common


def test_a_broken_or_unwritable_cache_still_gives_the_words(fresh_cache: Path, expected_common) -> None:
    newwords.common_words.__wrapped__()
    (cache,) = fresh_cache.glob("jieba-common-*.marshal")
    cache.write_bytes(b"\x00garbage")
    assert newwords.common_words.__wrapped__() == expected_common
    assert marshal.loads(cache.read_bytes()) == expected_common  # rewritten

def test_an_unusable_cache_folder_still_gives_the_words(tmp_path: Path, monkeypatch, expected_common) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # the cache folder cannot exist
    assert newwords.common_words.__wrapped__() == expected_common
