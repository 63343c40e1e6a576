"""Classes 4 and 5: real pages with a few bad bytes load (with a warning); only real
binaries are refused; the decoding holes (BOM-less UTF-16 Chinese, GBK under a
Latin-1 label, undeclared Shift-JIS, UTF-8 and GBK mixed) decode right."""
from __future__ import annotations

import random

import pytest

import reader
from reader.errors import LoadError, PageError
from reader.load import load_bytes, mojibake_warning
from hostile.pages import BODY, TITLE, has_body, html_page

PAGE = html_page().encode("utf-8")
JAPANESE = (
    "東京都は今日、新しい交通計画を発表しました。この計画では、電車とバスの運行本数を増やすことが予定されています。"
    "市民の皆さんからは期待の声が上がっています。"
)


def _with_nuls(data: bytes) -> bytes:
    cut = data.index(b"<h1>")
    return data[:cut] + b"\x00" + data[cut:-20] + b"\x00\x00" + data[-20:]


def _damaged(data: bytes, share: float = 0.01, seed: int = 7) -> bytes:
    """About `share` of the bytes after the <head> overwritten with invalid UTF-8."""
    rng = random.Random(seed)
    out = bytearray(data)
    start = data.index(b"<body>")
    for i in rng.sample(range(start, len(out)), int(len(out) * share)):
        out[i] = 0xFF
    return bytes(out)


@pytest.mark.parametrize(
    "data, warning",
    [
        (_with_nuls(PAGE), "NUL"),
        (PAGE + b"\x00" * 8192, "NUL"),
        (PAGE + b"\n" + b"\x00" * 8192 + b"\n", "NUL"),
        (_damaged(PAGE), "invalid UTF-8"),
    ],
    ids=["few-nuls", "nul-padding", "nul-padding-newline", "1pct-invalid-utf8"],
)
def test_real_pages_with_bad_bytes_load_with_a_warning(data, warning):
    page = load_bytes(data, "p.html")
    assert page.kind == "html" and "\x00" not in page.text
    assert any(warning in w for w in page.warnings), page.warnings
    if warning == "NUL":
        assert has_body(reader.clean(data).body_text)


def test_damaged_page_keeps_most_of_its_text():
    article = reader.clean(_damaged(PAGE, 0.005))
    assert len(article.body_text) > 0.8 * sum(len(p) for p in BODY)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes((i * 37) % 256 for i in range(3000))
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64 + bytes(range(256)) * 4
NOISE = random.Random(3).randbytes(6000)


@pytest.mark.parametrize("data", [PNG, ZIP, ELF, NOISE], ids=["png", "zip", "elf", "noise"])
def test_real_binaries_are_refused(run_cli, write, data):
    with pytest.raises(PageError, match="not a text or HTML page"):
        reader.clean(data)
    code, out, err = run_cli("clean", write("x.html", data))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "not a text or HTML page" in err


def test_utf16_without_bom_chinese():
    text = TITLE + "\n\n" + "\n\n".join(BODY) + "\n"
    for codec in ("utf-16-le", "utf-16-be"):
        page = load_bytes(text.encode(codec), "p.txt")
        assert page.encoding == codec and page.text == text
        assert has_body(reader.clean(text.encode(codec)).body_text)


@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1252", "latin1"])
def test_gbk_page_labelled_latin1(label):
    data = html_page(head=f"<meta http-equiv='Content-Type' content='text/html; charset={label}'>").encode("gbk")
    page = load_bytes(data, "p.html")
    assert page.encoding == "gb18030" and TITLE in page.text
    article = reader.clean(data)
    assert article.title == TITLE and has_body(article.body_text)


def test_gbk_bytes_with_a_latin1_container_hint():
    page = load_bytes(html_page().encode("gbk"), "p.html", encoding_hint="iso-8859-1")
    assert page.encoding == "gb18030" and TITLE in page.text


def test_latin1_pages_stay_latin1():
    text = "<html><body><p>" + "Le café était très agréable, où êtes-vous allé ? " * 20 + "</p></body></html>"
    page = load_bytes(text.encode("latin-1"), "p.html", encoding_hint="iso-8859-1")
    assert "café était très agréable" in page.text and not page.warnings


@pytest.mark.parametrize("codec", ["shift_jis", "euc_jp"])
def test_undeclared_japanese(codec):
    data = (JAPANESE * 4).encode(codec)
    page = load_bytes(data, "p.txt")
    assert page.text == JAPANESE * 4


def test_mixed_utf8_and_gbk_lines():
    head = "<html><head><meta charset='utf-8'><title>" + TITLE + "</title></head><body><h1>" + TITLE + "</h1>\n"
    data = (head + f"<p>{BODY[0]}</p>\n").encode("utf-8") + f"<p>{BODY[1]}</p>\n".encode("gbk") + f"<p>{BODY[2]}</p>\n</body></html>".encode()
    page = load_bytes(data, "p.html")
    assert all(p in page.text for p in BODY) and "\ufffd" not in page.text
    assert any("mixed encodings" in w for w in page.warnings)
    assert has_body(reader.clean(data).body_text)


def test_gbk_title_in_a_utf8_page():
    data = html_page().encode("utf-8").replace(f"<title>{TITLE}</title>".encode(), f"<title>{TITLE}</title>".encode("gbk"))
    page = load_bytes(data, "p.html")
    assert page.text.count(TITLE) == 2 and page.warnings


def test_double_encoded_utf8_is_repaired():
    data = html_page().encode("utf-8").decode("latin-1").encode("utf-8")
    page = load_bytes(data, "p.html")
    assert TITLE in page.text and any("double-encoded" in w for w in page.warnings)


@pytest.mark.parametrize(
    "text, codec",
    [
        ("æ\x96°é\x97»æ\x8a¥é\x81\x93ï¼\x8cä»\x8aå¤©å¤©æ°\x94å¾\x88å¥½ã\x80\x82" * 3, "cp1252"),
        ("\ufffd" * 40 + "正文" * 100, "utf-8"),
        ("\ue000\ue001\ue002\ue003\ue004" * 4 + "鐢靛瓙鍟嗗姟" * 10, "gb18030"),
    ],
    ids=["latin1-runs", "replacements", "private-use"],
)
def test_mojibake_is_warned(text, codec):
    assert mojibake_warning(text, codec)


def test_clean_chinese_is_not_warned():
    assert mojibake_warning("".join(BODY) * 5, "gb18030") is None
    assert mojibake_warning("".join(BODY) * 5, "utf-8") is None
    # a wiki's navbox: a no-break space and a middle dot between links, hundreds of times
    assert mojibake_warning("".join(BODY) + "雄安新区\xa0· 保定市\xa0· 容城县\xa0·" * 200, "utf-8") is None


def test_warnings_reach_the_page_not_the_text():
    page = load_bytes(_with_nuls(PAGE), "p.html")
    assert all("\n" not in w for w in page.warnings)
    with pytest.raises(LoadError):
        load_bytes(b"\x00" * 100, "nul.html")


def test_cli_says_what_loading_repaired(run_cli, write):
    path = write("padded.html", PAGE + b"\x00" * 4096)
    code, out, err = run_cli("clean", path)
    assert code == 0 and has_body(out)
    assert "padded.html" in err and "NUL" in err and err.count("\n") == 1


def test_library_article_carries_the_warnings():
    article = reader.clean(_damaged(PAGE, 0.005))
    assert any("invalid UTF-8" in w for w in article.warnings)
