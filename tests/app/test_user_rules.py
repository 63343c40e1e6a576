"""reader.user_rules: the reader's own keep / remove rules, read, applied, written."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model import Article, Block, BlockKind, Removed
from reader.user_rules import (
    Rule,
    add_rule,
    apply_user_rules,
    load_user_rules,
    parse_rules,
    reading_order,
    rule_toml,
    site_key,
    toml_string,
)


def page(site: str | None = "新浪新闻", url: str | None = "https://news.sina.com.cn/c/1.html") -> Article:
    return Article(
        title="标题",
        blocks=(Block(BlockKind.PARAGRAPH, "第一段正文。"), Block(BlockKind.PARAGRAPH, "本文来源:网络"), Block(BlockKind.PARAGRAPH, "第三段正文。")),
        removed=(
            Removed("当前位置:首页 > 新闻", "breadcrumb: 当前位置", 0),
            Removed("图片说明:会场", "caption", 1),
            Removed("猜你喜欢", "related-links: 猜你喜欢", 3),
        ),
        site=site,
        url=url,
        name="pages/a.html",
    )


def test_keep_rule_restores_block_where_it_stood():
    rules = parse_rules({"keep": [{"site": "sina.com.cn", "text": "图片说明"}]})
    out = apply_user_rules(page(), rules)
    assert [b.text for b in out.blocks] == ["第一段正文。", "图片说明:会场", "本文来源:网络", "第三段正文。"]
    assert [(r.text, r.index) for r in out.removed] == [("当前位置:首页 > 新闻", 0), ("猜你喜欢", 4)]


def test_remove_rule_lists_block_with_its_reason():
    rules = parse_rules({"remove": [{"site": "*", "text": "本文来源", "match": "starts"}]})
    out = apply_user_rules(page(), rules)
    assert [b.text for b in out.blocks] == ["第一段正文。", "第三段正文。"]
    mine = [r for r in out.removed if r.reason.startswith("your rule")]
    assert [(r.text, r.index) for r in mine] == [("本文来源:网络", 1)]
    # reading order is the page's order
    assert [getattr(x, "text") for x in reading_order(out)] == [
        "当前位置:首页 > 新闻", "第一段正文。", "图片说明:会场", "本文来源:网络", "第三段正文。", "猜你喜欢"]


def test_rules_for_other_sites_do_not_apply():
    rules = parse_rules({"keep": [{"site": "example.com", "text": "图片说明"}], "remove": [{"site": "人民网", "text": "第一段"}]})
    assert apply_user_rules(page(), rules) == page()


def test_site_matches_name_host_and_parent_domain():
    for site in ("新浪新闻", "news.sina.com.cn", "sina.com.cn", "*"):
        assert Rule("keep", site, "x").site_matches(page()), site
    assert not Rule("keep", "ina.com.cn", "x").site_matches(page())
    assert site_key(page()) == "news.sina.com.cn"
    assert site_key(page(url=None)) == "新浪新闻"
    assert site_key(page(site=None, url=None)) == "*"


def test_keep_by_reason_and_regex():
    rules = parse_rules({"keep": [{"site": "*", "reason": "breadcrumb"}, {"site": "*", "text": "^猜.喜欢$", "match": "regex"}]})
    out = apply_user_rules(page(), rules)
    assert "当前位置:首页 > 新闻" in [b.text for b in out.blocks]
    assert "猜你喜欢" in [b.text for b in out.blocks]


def test_a_remove_rule_never_empties_an_article():
    rules = parse_rules({"remove": [{"site": "*", "text": "", "match": "regex"}]})
    assert rules.problems  # empty text: refused
    everything = parse_rules({"remove": [{"site": "*", "text": ".", "match": "regex"}]})
    out = apply_user_rules(page(), everything)
    assert [b.text for b in out.blocks] == [b.text for b in page().blocks]


def test_problems_name_the_file_and_defaults_apply(tmp_path: Path):
    path = tmp_path / "rules.toml"
    assert load_user_rules(path).rules == () and not load_user_rules(path).problems  # missing: fine
    path.write_text("[[keep]\nsite = ", encoding="utf-8")
    bad = load_user_rules(path)
    assert bad.rules == () and len(bad.problems) == 1 and str(path) in bad.problems[0] and "TOML" in bad.problems[0]
    path.write_text('[[keep]]\nsite = "*"\ntext = 3\n[[remove]]\ntext = "x"\n[[remove]]\nsite = "*"\ntext = "(" \nmatch = "regex"\n'
                    '[[keep]]\nsite = "*"\ntext = "ok"\n[other]\n', encoding="utf-8")
    mixed = load_user_rules(path)
    assert [r.text for r in mixed.rules] == ["ok"]
    assert len(mixed.problems) == 4 and all(str(path) in p for p in mixed.problems)
    path.write_bytes(b"\xff\xfe")
    assert "UTF-8" in load_user_rules(path).problems[0]


def test_add_rule_appends_readable_toml_and_keeps_user_comments(tmp_path: Path):
    path = tmp_path / "sub" / "rules.toml"
    first = add_rule(Rule("keep", "news.sina.com.cn", "图片说明:会场", note="kept in the app"), path)
    assert first == path
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# reader: your own rules")
    assert '[[keep]]\nsite = "news.sina.com.cn"\ntext = "图片说明:会场"\nnote = "kept in the app"\n' in text
    path.write_text(text + "# my own comment\n", encoding="utf-8")
    add_rule(Rule("remove", "*", 'say "hi"\\\n\x7f', match="equals"), path)
    again = path.read_text(encoding="utf-8")
    assert "# my own comment" in again
    loaded = load_user_rules(path)
    assert not loaded.problems
    assert [(r.action, r.text, r.match) for r in loaded.rules] == [("keep", "图片说明:会场", "contains"), ("remove", 'say "hi"\\\n\x7f', "equals")]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_toml_string_round_trips(text: str):
    import tomllib

    assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.booleans(), min_size=1, max_size=8), st.lists(st.integers(0, 8), max_size=6), st.text("本文来源图片x", max_size=4))
def test_apply_keeps_every_text_once_and_order(kept: list[bool], removed_at: list[int], needle: str):
    blocks = tuple(Block(BlockKind.PARAGRAPH, f"段{i}" + ("本文" if k else "")) for i, k in enumerate(kept))
    removed = tuple(Removed(f"去{j}图片", "teaser", min(at, len(blocks))) for j, at in enumerate(sorted(removed_at)))
    art = Article(title="t", blocks=blocks, removed=removed)
    rules = parse_rules({"keep": [{"site": "*", "text": needle or "图片"}], "remove": [{"site": "*", "text": needle or "本文"}]})
    out = apply_user_rules(art, rules)
    before = [x.text for x in reading_order(art)]
    after = [x.text for x in reading_order(out)]
    assert after == before  # nothing lost, nothing moved
    assert out.blocks  # never emptied
    for r in out.removed:
        assert 0 <= r.index <= len(out.blocks)


def test_rule_toml_skips_defaults():
    assert rule_toml(Rule("remove", "*", "x")) == '[[remove]]\nsite = "*"\ntext = "x"\n'


@pytest.mark.parametrize("entry", [{"site": "*", "text": "x", "reason": "y"}, {"site": "*", "text": "x", "match": "fuzzy"}, {"text": "x"}])
def test_bad_remove_rules_are_refused(entry):
    rules = parse_rules({"remove": [entry]})
    assert not rules.rules and len(rules.problems) == 1
