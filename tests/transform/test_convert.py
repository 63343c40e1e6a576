"""OpenCC conversion: configs, chains, targets, whole articles."""
from __future__ import annotations

import pytest

from reader.model import Article, Block, BlockKind, Removed, Script, ScriptInfo
from reader.transform.convert import (
    CONFIGS,
    TARGETS,
    config_for_target,
    convert_article,
    convert_text,
    converter,
    is_valid_config,
    output_script,
)


def test_all_configs_load_and_are_cached() -> None:
    for name in CONFIGS:
        fn = converter(name)
        assert callable(fn)
        assert converter(name) is fn
    for name in ("s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s", "s2twp", "tw2sp", "t2tw", "t2hk", "hk2t", "tw2t", "t2jp", "jp2t"):
        assert name in CONFIGS
    assert TARGETS == ("simplified", "traditional", "taiwan", "hongkong")


def test_basic_conversions() -> None:
    assert convert_text("阿里云发布了内存", "s2t") == "阿里雲發佈了內存"
    assert convert_text("阿里雲發佈了內存", "t2s") == "阿里云发布了内存"
    assert convert_text("内存", "s2twp") == "記憶體"  # Taiwan phrases change length
    assert convert_text("記憶體", "tw2sp") == "内存"
    assert convert_text("", "s2t") == ""


def test_chain_normalizes_mixed_text() -> None:
    # A half-converted page: 远征 with a Traditional 遠 defeats s2t's phrase table
    # (it gives the wrong 遠徵); folding to Simplified first gets the phrase right.
    mixed = "阿里云的全面遠征，集團發布了新品"
    assert convert_text(mixed, "s2t") == "阿里雲的全面遠徵，集團發布了新品"
    assert convert_text(mixed, "t2s+s2t") == "阿里雲的全面遠征，集團發佈了新品"
    assert convert_text(mixed, "t2s+s2twp") == "阿里雲的全面遠征，集團釋出了新品"
    assert converter("t2s+s2t") is converter("t2s+s2t")


@pytest.mark.parametrize("bad", ["bogus", "s2t+nope", "", "+"])
def test_unknown_config_is_a_clear_value_error(bad: str) -> None:
    with pytest.raises(ValueError, match="config"):
        converter(bad)
    assert not is_valid_config(bad)


def test_json_suffix_is_accepted() -> None:
    assert convert_text("云", "s2t.json") == "雲"


def test_config_for_target_converts_only_what_is_not_in_the_target() -> None:
    S, T, M, U = Script.SIMPLIFIED, Script.TRADITIONAL, Script.MIXED, Script.UNKNOWN
    assert config_for_target("simplified", S) is None
    assert config_for_target("simplified", T) == "t2s"
    assert config_for_target("simplified", M) == "mixed2s"
    assert config_for_target("traditional", S) == "s2t"
    assert config_for_target("traditional", S, variant="s2tw") == "s2tw"
    assert config_for_target("traditional", T) is None  # never a t2s+s2t round trip
    assert config_for_target("traditional", T, variant="s2tw") == "t2tw"
    assert config_for_target("traditional", T, variant="s2hk") == "t2hk"
    assert config_for_target("traditional", M) == "mixed2t"
    assert config_for_target("taiwan", S) == "s2twp"
    assert config_for_target("taiwan", T) == "t2tw"
    assert config_for_target("taiwan", M) == "mixed2twp"
    assert config_for_target("hongkong", S) == "s2hk"
    assert config_for_target("hongkong", T) == "t2hk"
    assert config_for_target("hongkong", U) == "mixed2hk"
    for target in TARGETS:
        for source in Script:
            config = config_for_target(target, source)
            assert config is None or is_valid_config(config)
    with pytest.raises(ValueError):
        config_for_target("martian", S)
    with pytest.raises(ValueError):
        config_for_target("traditional", S, variant="t2s")


def test_output_script() -> None:
    assert output_script("s2twp") is Script.TRADITIONAL
    assert output_script("t2s") is Script.SIMPLIFIED
    assert output_script("s2t+t2s") is Script.SIMPLIFIED
    assert output_script("t2jp") is None
    assert output_script("mixed2twp") is Script.TRADITIONAL
    assert output_script("mixed2s") is Script.SIMPLIFIED


def make_article() -> Article:
    return Article(
        title="阿里云发布新的内存产品",
        blocks=(
            Block(BlockKind.HEADING, "后来的发展"),
            Block(BlockKind.PARAGRAPH, "阿里巴巴集团表示，内存价格上涨，这个问题会影响云计算。"),
            Block(BlockKind.LIST_ITEM, "第一条：发展"),
            Block(BlockKind.QUOTE, "马云说：“让阿里巴巴再次伟大”"),
        ),
        removed=(Removed("相关阅读：阿里云的故事", "related-links: 相关阅读", 2),),
        author="燕梳楼",
        date="2025-03-17",
        site="新浪财经",
        source="环球时报",
        script=ScriptInfo(Script.SIMPLIFIED, 1.0),
        name="x.txt",
    )


def test_convert_article_keeps_structure_and_converts_every_text() -> None:
    article = make_article()
    out = convert_article(article, "s2twp")
    assert [b.kind for b in out.blocks] == [b.kind for b in article.blocks]
    assert len(out.blocks) == len(article.blocks)
    assert out.title == "阿里雲釋出新的記憶體產品"
    assert out.blocks[1].text.startswith("阿里巴巴集團表示，記憶體價格上漲")
    assert out.author == "燕梳樓"
    assert out.site == "新浪財經"
    assert out.source == "環球時報"
    # Removed texts are converted; the reason (rule name and cue) is the rule table's own.
    assert out.removed == (Removed("相關閱讀：阿里雲的故事", "related-links: 相关阅读", 2),)
    assert out.date == article.date and out.name == article.name
    assert out.script is not None and out.script.script is Script.TRADITIONAL
    assert out.script.confidence > 0.9
    # Round trip back to Simplified.
    back = convert_article(out, "tw2sp")
    assert back.title == article.title
    assert back.script is not None and back.script.script is Script.SIMPLIFIED


def test_convert_article_each_block_converted_on_its_own() -> None:
    article = make_article()
    out = convert_article(article, "s2t")
    for before, after in zip(article.blocks, out.blocks):
        assert after.text == convert_text(before.text, "s2t")


def test_convert_article_converts_the_editor_too():
    from reader.model import Article, Block, BlockKind
    from reader.transform.convert import convert_article

    article = Article(title="云", blocks=(Block(BlockKind.PARAGRAPH, "云计算"),), editor="张云")
    assert convert_article(article, "s2t").editor == "張雲"
