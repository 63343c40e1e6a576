"""Each cue written once, in Simplified, and matched on a Traditional -> Simplified fold."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.extract import rules
from reader.extract.fold import fold, lower_literals
from reader.extract.meta import clean_author, parse_meta_line
from reader.extract.rules import CUES, match_cue, reason


def test_the_fold_table_is_opencc_s_current_character_fold() -> None:
    from reader.extract._fold_data import SIMPLIFIED, TRADITIONAL
    from reader.transform.chartables import tables

    assert dict(zip(TRADITIONAL, SIMPLIFIED)) == tables().fold


@given(st.text())
def test_the_fold_keeps_every_offset(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    assert fold(folded) == folded


def _word_patterns() -> list[str]:
    """Every word and pattern rules.py holds."""
    out = [w for c in CUES for w in c.words] + [c.pattern for c in CUES if c.pattern]
    for name in ("REFERENCE_HEAD", "DISCLAIMER_VOCAB", "PLATFORM_NOTICE", "EDITOR_TAG", "SIGNOFF", "PERSON_TITLE",
                 "BYLINE", "PHOTO_CREDIT", "EDIT_MARK", "END_MARK", "COPYRIGHT_WORDS", "AUTHOR_LABEL", "AUTHOR_TRAILER"):
        out.append(getattr(rules, name))
    out += list(rules.META_FIELDS.values()) + list(rules.STRONG_META) + list(rules.ORIGINAL_LABEL) + list(rules.NOT_A_NAME)
    return out


def test_every_cue_word_is_written_in_simplified() -> None:
    traditional = {w for w in _word_patterns() if fold(w) != w}
    assert not traditional


def test_every_cue_word_is_written_once() -> None:
    for cue in CUES:
        assert len(set(cue.words)) == len(cue.words), cue.family
    for pattern in _word_patterns():
        # cues match case-insensitively (lower_literals on a fold_key), so APP and app are one word
        for group in re.findall(r"\(\?:([^()]*)\)", lower_literals(pattern)):
            alternatives = group.split("|")
            assert len(set(alternatives)) == len(alternatives), group


@pytest.mark.parametrize("text, expected", [
    ("熱門排行", "related-links: 热门排行"),
    ("我要評論", "comments: 我要评论"),
    ("相關視頻", "related-links: 相关视频"),
    ("廣告位", "advertisement: 广告位"),
    ("广告位", "advertisement: 广告位"),
    ("更多編輯台推薦新聞：", "related-links: 更多编辑台推荐新闻"),
])
def test_traditional_lines_meet_the_simplified_cue(text: str, expected: str) -> None:
    found = match_cue(text)
    assert found is not None and reason(*found) == expected


def test_a_cue_word_inside_traditional_prose_still_does_not_fire() -> None:
    assert match_cue("這家公司今年的廣告投入大幅增加，熱門排行也隨之改變。") is None


def test_metadata_values_are_read_as_written() -> None:
    meta = parse_meta_line("責任編輯：蘇龍麒 來源：中央社")
    assert (meta.editor, meta.source) == ("蘇龍麒", "中央社")
    assert clean_author("記者：陳大文 關注") == "陳大文"
    assert clean_author("佚名") is None


def _cue_regexes() -> list[tuple[str, re.Pattern[str]]]:
    """Each compiled cue with the pattern it was written as (prefix cues as compiled)."""
    out = []
    for cue in CUES:
        if cue.shape in (rules.Shape.PATTERN, rules.Shape.PREFIX):
            compiled = rules.compiled_pattern(cue) if cue.shape is rules.Shape.PATTERN else \
                next(c.regex for c in rules._compiled() if c.cue is cue)
            source = cue.pattern or compiled.pattern  # a prefix cue's source is lower-cased already
            out.append((source, compiled))
    return out


_CASED_LINES = st.lists(st.sampled_from(
    list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 :：>»|/©.-")
    + ["Copyright", "COPYRIGHT", "All Rights Reserved", "THE END", "Home", "HOME", "Tags", "TAGS", "APP", "App",
       "Powered by WordPress", "Disclaimer", "Cookie", "Next Post", "IP属地", "ICP备", "Re:", "版权所有", "下载",
       "首页", "新闻", "本文", "声明", "分享到", "关注", "廣告", "標籤", "\n"]), max_size=12).map("".join)


@given(_CASED_LINES)
def test_cues_match_the_fold_key_as_they_would_case_insensitively(line: str) -> None:
    """Cues compile without re.IGNORECASE (which doubles their compile time at every
    start) and match `fold_key`: the same lines as the written pattern, case-insensitive."""
    from reader.extract.fold import fold_key

    for source, compiled in _cue_regexes():
        assert bool(re.search(source, fold(line), re.I)) == bool(compiled.search(fold_key(line))), source[:60]


def test_a_cue_quotes_the_line_as_written_in_simplified() -> None:
    assert match_cue("Copyright © 2024 新華網")[1].startswith("Copyright")
    assert reason(*match_cue("標籤：AI")) == "tags"
