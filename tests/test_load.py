"""Loading: bytes -> decoded text + page kind, and expanding inputs into pages."""
from __future__ import annotations

import codecs
import io
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.load import (
    LoadError,
    Source,
    decode,
    declared_encoding,
    expand_inputs,
    load_bytes,
    read_source,
    sniff_kind,
    walk_folder,
)


from support import shared


ZH = (
    "据新华社报道，今年前三季度全国居民人均可支配收入继续增长，消费市场稳步恢复。"
    "专家表示，随着各项政策持续发力，经济运行总体回升向好的态势将进一步巩固。"
)
ZH_HANT = (
    "據中央社報導，今年前三季全國居民人均可支配所得持續成長，消費市場穩步恢復。"
    "專家表示，隨著各項政策持續發力，經濟運行整體回升向好的態勢將進一步鞏固。"
)
# Characters GBK cannot encode: CJK Extension A and B, only GB18030 (4-byte) has them.
GB18030_ONLY = "㐀䶵𠀀𪚥"


def html_page(body: str, charset: str | None, title: str = "标题") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body><p>{body}</p></body></html>"


def _is_gb(codec: str) -> bool:
    return codecs.lookup(codec).name == "gb18030"


# --- decoding ---------------------------------------------------------------------


def test_utf8():
    text, codec = decode(ZH.encode("utf-8"))
    assert (text, codec) == (ZH, "utf-8")


def test_utf8_with_bom_is_stripped():
    text, codec = decode(codecs.BOM_UTF8 + ZH.encode("utf-8"))
    assert text == ZH
    assert codec == "utf-8-sig"
    page = load_bytes(codecs.BOM_UTF8 + ZH.encode("utf-8"), "bom.txt")
    assert page.text == ZH and not page.text.startswith("\ufeff")


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_utf16_with_bom(bom, codec):
    data = bom + html_page(ZH, None).encode(codec)
    page = load_bytes(data, "u16.html")
    assert page.text == html_page(ZH, None)
    assert page.kind == "html"
    assert codecs.lookup(page.encoding).name.startswith("utf-16")


def test_utf16_without_bom_mostly_ascii_markup():
    markup = "<html><head><title>t</title></head><body>" + "<p>hello world</p>" * 20 + f"<p>{ZH}</p></body></html>"
    text, codec = decode(markup.encode("utf-16-le"))
    assert text == markup and codec == "utf-16-le"


def test_gbk_bytes_declaring_gb2312():
    text, codec = decode(html_page(ZH, "gb2312").encode("gbk"))
    assert ZH in text and _is_gb(codec)


def test_gbk_only_characters_under_a_gb2312_label():
    # 镕 and 喆 are in GBK but not in GB2312: pages that say gb2312 often use them.
    body = ZH + "朱镕基、陶喆"
    text, codec = decode(html_page(body, "gb2312").encode("gbk"))
    assert body in text and _is_gb(codec)


def test_gb18030_only_characters():
    body = ZH + GB18030_ONLY
    text, codec = decode(html_page(body, "gb2312").encode("gb18030"))
    assert body in text and _is_gb(codec)
    text, codec = decode(html_page(body, "gbk").encode("gb18030"))
    assert body in text and _is_gb(codec)


def test_hint_is_not_truth_gbk_bytes_declaring_utf8():
    text, codec = decode(html_page(ZH, "utf-8").encode("gbk"))
    assert ZH in text and _is_gb(codec)
    assert "\ufffd" not in text


def test_hint_is_not_truth_utf8_bytes_declaring_gb2312():
    text, codec = decode(html_page(ZH, "gb2312").encode("utf-8"))
    assert ZH in text and codec == "utf-8"


@pytest.mark.parametrize("charset", ["big5", None, "utf-8"])
def test_big5_bytes(charset):
    data = html_page(ZH_HANT, charset, "標題").encode("big5")
    text, codec = decode(data)
    assert ZH_HANT in text
    assert codecs.lookup(codec).name in ("big5hkscs", "cp950", "big5")


def test_hint_is_not_truth_big5_bytes_declaring_gb2312():
    # Big5 bytes also decode cleanly as GB18030 (mojibake): the label must not decide.
    text, _ = decode(html_page(ZH_HANT, "gb2312", "標題").encode("big5"))
    assert ZH_HANT in text


# Short unlabelled GBK text once came out as EUC-KR / Big5 / EUC-JP (charset-normalizer's guess).
@pytest.mark.parametrize(
    "text", ["今天天气很好", "马云回归阿里瞬间天翻地覆", "电和电动机的关系:全球的各类电机消耗了46%的电,而大模型就"], ids=["6", "12", "30"]
)
def test_short_unlabelled_gbk_text(text):
    assert decode(text.encode("gbk"))[0] == text


@pytest.mark.parametrize("charset", [None, "utf-8"])
@pytest.mark.parametrize("stray", [b"\xff", b"\xe8\xae"], ids=["ff", "truncated"])
def test_utf8_with_a_stray_invalid_byte_stays_utf8(charset, stray):
    body = (ZH * 10).encode("utf-8")
    data = html_page("@@", charset).encode("utf-8").replace(b"@@", body + stray + body)
    text, codec = decode(data)
    assert ZH in text and codec.startswith("utf")


def test_declared_encoding_folds_aliases():
    assert declared_encoding(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">') == "gb18030"
    assert declared_encoding(b"<meta charset='GBK'>") == "gb18030"
    assert declared_encoding(b'<?xml version="1.0" encoding="big5"?>') == "big5hkscs"
    assert declared_encoding(b"<meta charset=utf-8>") == "utf-8"
    assert declared_encoding(b"<meta charset=no-such-codec>") is None
    assert declared_encoding(b"<p>plain</p>") is None


# --- what is not a page -------------------------------------------------------------

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00\x90\x91h6"
    + bytes(range(256)) * 8
)


@pytest.mark.parametrize(
    "data",
    [
        PNG,
        b"\x1f\x8b\x08\x00" + bytes((i * 37) % 256 for i in range(4000)),  # gzip-like
        b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64 + bytes(range(256)) * 4,
        bytes((i * 131 + 7) % 256 for i in range(5000)),  # noise with NULs
        bytes((i * 131 + 7) % 255 + 1 for i in range(5000)),  # noise without NULs
    ],
    ids=["png", "gzip", "elf", "noise", "noise-no-nul"],
)
def test_binary_input_is_rejected(data):
    with pytest.raises(LoadError, match="not a text or HTML page"):
        load_bytes(data, "x.bin")


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", codecs.BOM_UTF8, "\u3000\n".encode()])
def test_empty_input_is_rejected(data):
    with pytest.raises(LoadError, match="empty"):
        load_bytes(data, "empty.txt")


def test_load_error_names_the_input(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b"")
    with pytest.raises(LoadError) as info:
        read_source(Source(str(path), path))
    assert str(info.value).startswith(str(path) + ":")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        read_source(Source("nope.txt", tmp_path / "nope.txt"))
    with pytest.raises(LoadError, match="is a directory"):
        read_source(Source(str(tmp_path), tmp_path))


# --- kind sniffing ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        html_page(ZH, "utf-8"),
        "<?xml version='1.0' encoding='utf-8'?>\n<html><body><p>x</p></body></html>",
        "<!-- saved from url=(0014)about:internet -->\n<html><head></head><body>x</body></html>",
        "<meta charset='utf-8'><title>标题</title><div>正文</div>",
        # A fragment without <html>: structural tags on most lines.
        "\n".join(f"<div class='row'><p>第{i}段：{ZH}</p></div>" for i in range(15)),
    ],
    ids=["doctype", "xml-prolog", "comment-first", "meta-first", "fragment"],
)
def test_sniff_html(text):
    assert sniff_kind(text) == "html"


def test_sniff_text_dump_with_stray_marks():
    dump = "\n\n".join(
        [
            "某地推进老旧小区改造",
            "<strong>本报讯</strong> " + ZH,
            "![](https://img.example.com/a.jpg)",
            ZH + "<br>",
            "![图片](https://img.example.com/b.png)",
        ]
        + [f"第{i}段。{ZH}" for i in range(20)]
    )
    assert sniff_kind(dump) == "text"
    assert sniff_kind("# 标题\n\n- 一项\n- 两项\n\n" + ZH) == "text"


def test_markdown_dump_is_text(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("# 标题\n\n" + ZH + "\n\n> 引用 <em>一句</em>\n", encoding="utf-8")
    page = read_source(Source(str(path), path))
    assert page.kind == "text" and page.encoding == "utf-8"


# --- inputs: folders and stdin ------------------------------------------------------


TREE = {
    "z.html": html_page(ZH, "utf-8"),
    "a/one.htm": html_page(ZH, None),
    "a/deep/two.shtml": html_page(ZH, None),
    "a/deep/notes.md": "# 标题\n\n" + ZH,
    "b/dump.txt": ZH,
    "b/NOEXT": "标题\n\n" + ZH,
    "b/page.gold.txt": ZH,
    "b/page.gold.tsv": "K\t" + ZH,
    "b/page.must.json": "{}",
    "b/style.css": "p { color: red }",
    ".hidden/secret.html": html_page(ZH, None),
    ".dotfile.txt": ZH,
    "b/photo.png": PNG,
    "b/BINARY": PNG,  # extension-less, but binary
}
PAGES_IN_TREE = {"z.html", "a/one.htm", "a/deep/two.shtml", "a/deep/notes.md", "b/dump.txt", "b/NOEXT"}


def _tree(root: Path, reverse: bool = False) -> None:
    for rel in sorted(TREE, reverse=reverse):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        content = TREE[rel]
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def _walk(root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in walk_folder(root)]


def test_walk_folder_recursive_by_content(tmp_path):
    _tree(tmp_path)
    assert set(_walk(tmp_path)) == PAGES_IN_TREE
    assert len(_walk(tmp_path)) == len(PAGES_IN_TREE)


def test_walk_folder_order_is_stable(tmp_path):
    _tree(tmp_path / "one")
    _tree(tmp_path / "two", reverse=True)  # created in the opposite order
    first = _walk(tmp_path / "one")
    assert first == _walk(tmp_path / "two") == _walk(tmp_path / "one")
    # Within one folder, files come in name order.
    for folder in ("a/deep/", "b/"):
        inside = [p for p in first if p.startswith(folder) and "/" not in p[len(folder):]]
        assert inside == sorted(inside)


def test_walk_folder_skips_gold_binaries_and_hidden(tmp_path):
    _tree(tmp_path)
    names = {p.name for p in walk_folder(tmp_path)}
    assert not {n for n in names if ".gold." in n or n.endswith(".must.json")}
    assert "photo.png" not in names and "BINARY" not in names and "style.css" not in names
    assert "secret.html" not in names and ".dotfile.txt" not in names
    assert {"NOEXT", "dump.txt", "notes.md", "two.shtml", "one.htm", "z.html"} <= names


def test_expand_inputs_keeps_order_and_reports_in_place(tmp_path):
    _tree(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    single = tmp_path / "b" / "dump.txt"
    items = expand_inputs([str(single), str(tmp_path / "missing.txt"), "-", str(empty), str(tmp_path / "a")])
    assert isinstance(items[0], Source) and items[0].path == single
    assert isinstance(items[1], LoadError) and "no such file" in str(items[1])
    assert isinstance(items[2], Source) and items[2].path is None and items[2].name == "<stdin>"
    assert isinstance(items[3], LoadError) and "no pages" in str(items[3])
    assert [s.path for s in items[4:]] == list(walk_folder(tmp_path / "a"))
    assert {s.path.name for s in items[4:]} == {"notes.md", "two.shtml", "one.htm"}


def test_stdin_source():
    data = html_page(ZH, "gb2312").encode("gbk")
    page = read_source(Source("<stdin>", None), stdin=io.BytesIO(data))
    assert page.name == "<stdin>" and page.kind == "html" and ZH in page.text
    with pytest.raises(LoadError, match="<stdin>: empty"):
        read_source(Source("<stdin>", None), stdin=io.BytesIO(b""))


# --- properties ---------------------------------------------------------------------

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(st.binary(max_size=3000))
def test_decode_never_raises(data):
    text, codec = decode(data)
    assert isinstance(text, str)
    codecs.lookup(codec)


@PROPERTY
@given(st.binary(max_size=3000))
def test_load_bytes_raises_only_load_error(data):
    try:
        page = load_bytes(data, "fuzz")
    except LoadError as exc:
        assert str(exc).startswith("fuzz: ")
    else:
        assert page.text.strip() and page.kind in ("html", "text")


# No NULs (a text page has none; NUL-heavy bytes are how BOM-less UTF-16 is spotted)
# and no leading BOM (it is the encoding mark, not content).
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=400).filter(
    lambda s: not s.startswith("\ufeff")
)


@PROPERTY
@given(texts)
def test_utf8_round_trips(s):
    assert decode(s.encode("utf-8"))[0] == s


@PROPERTY
@given(texts, st.sampled_from(["le", "be"]))
def test_utf16_with_bom_round_trips(s, order):
    data = (codecs.BOM_UTF16_LE + s.encode("utf-16-le")) if order == "le" else (codecs.BOM_UTF16_BE + s.encode("utf-16-be"))
    assert decode(data)[0] == s


def _chinese_lines() -> str:
    lines = []
    for path in sorted(shared.SAMPLES.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and len(re.findall(r"[\u4e00-\u9fff]", line)) >= 0.6 * len(line):
                lines.append(line)
    return "\n".join(lines)


CHINESE = _chinese_lines()
# Unlabelled GB18030 needs some text to go on: a short run of *Traditional* characters
# in GB18030 can also be valid Big5 (the byte ranges overlap) and is sometimes taken
# for it (about 0.3% of 30-character windows of the seeds; none seen at 60).
MIN_GB_CHARS = 100


@st.composite
def chinese_text(draw):
    length = draw(st.integers(MIN_GB_CHARS, 800))
    start = draw(st.integers(0, len(CHINESE) - length))
    extra = draw(st.text(st.sampled_from(GB18030_ONLY + "，。、；：？！“”《》【】…—"), max_size=10))
    return CHINESE[start : start + length] + extra


@PROPERTY
@given(chinese_text())
def test_gb18030_chinese_text_round_trips(s):
    assume(s.strip())
    text, codec = decode(s.encode("gb18030"))
    assert text == s
    assert _is_gb(codec)


@PROPERTY
@given(chinese_text())
def test_chinese_text_round_trips_in_every_unicode_form(s):
    assert decode(s.encode("utf-8"))[0] == s
    assert decode(codecs.BOM_UTF8 + s.encode("utf-8"))[0] == s
    assert decode(s.encode("utf-16"))[0] == s


# --- the real pages -----------------------------------------------------------------

REAL_FOLDERS = [shared.UNLABELED, shared.HTML_DEV]
REAL_PAGES = [p for folder in REAL_FOLDERS for p in shared.pages(folder)] if shared.have_shared() else []
EXPECTED_CODEC = {"utf-8": ("utf-8", "utf-8-sig"), "gbk": ("gb18030",), "gb2312": ("gb18030",), "gb18030": ("gb18030",),
                  "big5": ("big5hkscs", "cp950")}


@pytest.mark.skipif(not shared.have_shared(), reason=shared.MISSING_REASON)
def test_real_pages_are_all_there():
    assert len(shared.pages(shared.HTML_DEV)) == 40
    assert len(shared.pages(shared.UNLABELED)) >= 40


@pytest.mark.skipif(not shared.have_shared(), reason=shared.MISSING_REASON)
@pytest.mark.parametrize("path", REAL_PAGES, ids=lambda p: p.stem)
def test_real_page_decodes(path):
    page = read_source(Source(str(path), path))
    assert page.kind == "html"
    # Sources occasionally carry a stray U+FFFD; a wrong codec makes hundreds.
    assert page.text.count("\ufffd") <= 5
    han = len(re.findall(r"[\u4e00-\u9fff]", page.text))
    assert han >= 100
    assert any(ch in page.text for ch in "的是在了")
    row = shared.sources(path.parent).get(path.stem)
    if row and row.get("encoding"):
        assert codecs.lookup(page.encoding).name in EXPECTED_CODEC[row["encoding"].lower()], row["encoding"]


@pytest.mark.skipif(not shared.have_shared(), reason=shared.MISSING_REASON)
def test_gbk_netease_pages_are_readable_chinese():
    netease = sorted(shared.UNLABELED.glob("cx_163money_*.html"))
    assert len(netease) == 8
    for path in netease:
        page = read_source(Source(str(path), path))
        assert _is_gb(page.encoding), path.name
        common = sum(page.text.count(ch) for ch in "的是在了和有")
        assert common >= 50, path.name
        assert "网易" in page.text, path.name
        assert "\ufffd" not in page.text, path.name


def test_sniff_html_after_a_long_script_and_blank_lines():
    """A saved fragment that opens with hundreds of lines of code before its first tag
    (issue 12, class 1) is HTML: scripts and styles are left out before counting."""
    script = "<script>\n" + "var x = 1;\n\n" * 300 + "</script>\n\n"
    body = "\n".join(f"<div class='row'><p>第{i}段：{ZH}</p></div>" for i in range(15))
    assert sniff_kind(script + body) == "html"
    assert sniff_kind(script + "<style>\n" + "p { margin: 0 }\n" * 200 + "</style>\n" + body) == "html"
    # a fragment of a few tags opening with a block element
    assert sniff_kind(f"<table><tr><td><h1>标题</h1><p>{ZH}</p></td></tr></table>") == "html"


def test_sniff_past_a_script_longer_than_the_sample():
    """A megabyte of JSON in one <script> before the markup: the sample is taken after it."""
    page = "<script>" + "{\"a\": 1}\n" * 150_000 + "</script>\n" + "\n".join(f"<p>{ZH}</p>" for i in range(20))
    assert sniff_kind(page) == "html"


def test_sniff_stays_linear_on_unclosed_scripts():
    """Hostile: a page of unclosed <script> tags must not make sniffing quadratic."""
    assert sniff_kind("<script>x\n" * 100_000) == "text"
    assert sniff_kind(ZH + "\n" + "<script " * 100_000) == "text"


def test_a_markdown_dump_carrying_a_template_s_markup_is_text() -> None:
    # a to-markdown scrape of a page whose hidden gallery template came through as tags
    links = "\n".join(f"  * [栏目{k}](https://www.example.cn/{k}/ \"栏目{k}\")" for k in range(40))
    template = "".join(f'<div class="pic_{k}"><div class="img"><ul><li></li></ul></div></div>' for k in range(15))
    dump = f"![logo](https://www.example.cn/logo.png)\n{links}\n{template}\n# 小镇十年\n这是正文。"
    assert sniff_kind(dump) == "text"
    assert sniff_kind(template * 2) == "html"  # the markup alone is still a page
