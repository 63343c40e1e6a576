"""Issue 12's failure classes, on small synthetic pages (no corpus page is copied):
`<br>` and layout-table paragraphs, a metadata label that must take only itself,
pager lines."""
from __future__ import annotations

from reader.extract import extract
from reader.model import Page

P1 = "这是一段很长的正文，讲述了一个小镇在过去十年里的变化，道路修好了，学校也扩建了。" * 3
P2 = "第二段正文继续讲述小镇的故事，居民们说生活变好了，年轻人也愿意回来创业。" * 3
P3 = "第三段写到了未来的规划，镇里准备建设一个新的文化广场，预计明年年底完工。" * 3


def _article(html: str, encoding: str = "utf-8"):
    return extract(Page("t.html", html, "html", encoding))


def _texts(article) -> list[str]:
    return [b.text for b in article.blocks]


def test_br_br_in_a_header_less_table_cell_are_paragraph_boundaries() -> None:
    # a saved fragment: no <html>, no <head>, the article in one layout cell
    html = f"<table><tr><td><b>小镇十年</b><br><br>{P1}<br><br>{P2}<br><br>{P3}</td></tr></table>"
    assert _texts(_article(html, "gbk")) == [P1, P2, P3]


def test_a_br_separated_article_comes_out_as_its_pieces() -> None:
    caption = "图为新建成的文化广场。记者 王晓 摄"
    html = (f"<html><head><title>小镇十年_新闻</title></head><body><h1>小镇十年</h1><div class='text'><p>"
            f"{P1}<br>一、道路与学校<br>{P2}<br>{caption}<br>{P3}</p></div></body></html>")
    texts = _texts(_article(html))
    assert P1 in texts and P2 in texts and P3 in texts
    assert all(len(t) < len(P1) + len(P2) for t in texts)  # never one block holding the rest
    assert "一、道路与学校" in texts


def test_a_layout_table_row_is_read_cell_by_cell() -> None:
    html = (f"<html><head><title>小镇十年</title></head><body><table><tr><td>"
            f"<p>{P1}</p><p>{P2}</p></td><td></td></tr></table></body></html>")
    assert _texts(_article(html)) == [P1, P2]


def test_a_metadata_label_takes_only_itself() -> None:
    html = (f"<html><head><title>小镇十年</title></head><body><h1>小镇十年</h1>"
            f"<div><p>作者：佚名 {P1}</p><p>{P2}</p></div></body></html>")
    article = _article(html)
    assert _texts(article) == [P1, P2]
    labels = [r for r in article.removed if r.reason.startswith("meta")]
    assert [r.text for r in labels] == ["作者：佚名"]
    assert article.author is None  # 佚名 ("anonymous") is no name


def test_a_real_byline_label_still_feeds_the_author() -> None:
    html = (f"<html><head><title>小镇十年</title></head><body><h1>小镇十年</h1>"
            f"<div><p>作者：陳大文</p><p>{P1}</p><p>{P2}</p></div></body></html>")
    article = _article(html)
    assert article.author == "陳大文" and _texts(article) == [P1, P2]


def test_a_pager_line_goes() -> None:
    html = (f"<html><head><title>小镇十年</title></head><body><h1>小镇十年</h1>"
            f"<div><p>{P1}</p><p>{P2}</p><p>上一页 1 2 3 下一页</p></div></body></html>")
    article = _article(html)
    assert _texts(article) == [P1, P2]
    assert any("上一页" in r.text for r in article.removed)
