"""trafilatura runs in fast mode (no readability/justext second opinion); the prose it
leaves out of the article's own containers is found in the page's inventory and put
back (`inventory.unreported_prose`, `html._rescued`), or, when it outweighs what was
kept, the full comparison runs after all."""
from __future__ import annotations

from reader.extract.candidate import Candidate
from reader.extract.html import _outweighs, _rescued
from reader.extract.inventory import Unreported, html_lines, unreported_prose
from reader.model import BlockKind
from reader.extract.parse import parse

P = [
    "会议指出，拥军优属、拥政爱民是本地军民的优良传统，近年来各方坚持政府主导，充分发动社会力量，取得明显成效。",
    "会议强调，要大力开展评选表彰活动，积极推行企地互动的新模式，以此激励更多社会各界人士加入到这个队伍中来。",
    "会议要求，要充分认识这项工作对推动经济社会发展的重要意义，地方要积极支持部队建设，严格落实各项制度。",
    "最后，县文化馆的演员用精湛的表演艺术，带来极具地方特色的文艺节目，向全体官兵表达了节日的问候和祝福。",
]
SIDE = "侧栏里的另一篇文章摘要，虽然也是完整的句子，有逗号，有句号，但它不在正文的容器里，不应被放回正文。"
NAV = "导航栏里的一句话，虽然很长，也有逗号，也有句号，但它在页面的导航区域里，不是文章的一部分，不应放回。"


def _page(*body: str) -> tuple[str, object, list, list]:
    raw = (f"<html><body><nav><p>{NAV}</p></nav><div id='content'>{''.join(body)}</div>"
           f"<div class='side'><p>{SIDE}</p></div></body></html>")
    tree = parse(raw)
    owners: list = []
    lines = html_lines(tree, raw, owners)
    return raw, tree, lines, owners


def test_prose_left_out_inside_and_after_the_body_comes_back_in_place() -> None:
    _, tree, lines, owners = _page(*(f"<p>{p}</p>" for p in P))
    found = unreported_prose(lines, owners, [P[0], P[2]], tree)
    assert found == [Unreported(0, P[1], False), Unreported(1, P[3], False)]
    out = _rescued([Candidate(P[0]), Candidate(P[2])], found)
    assert [c.text for c in out] == P


def test_prose_in_another_container_or_a_page_region_stays_out() -> None:
    _, tree, lines, owners = _page(*(f"<p>{p}</p>" for p in P))
    texts = [f.text for f in unreported_prose(lines, owners, P[:3], tree)]
    assert texts == [P[3]]  # the sidebar's and the menu's sentences are not the article's


def test_a_pruned_paragraph_is_not_rescued() -> None:
    _, tree, lines, owners = _page(*(f"<p>{p}</p>" for p in P))
    gone = next(el for el in tree.iter("p") if el.text == P[1])
    gone.getparent().remove(gone)
    assert [f.text for f in unreported_prose(lines, owners, [P[0], P[2], P[3]], tree)] == []


def test_a_repeat_of_kept_words_is_marked_carried_and_stays_out() -> None:
    _, tree, lines, owners = _page(f"<p>{P[0]}</p>", f"<p>{P[0]}</p>", f"<p>{P[1]}</p>")
    found = unreported_prose(lines, owners, [P[0], P[1]], tree)
    assert found == [Unreported(0, P[0], True)]
    assert [c.text for c in _rescued([Candidate(P[0]), Candidate(P[1])], found)] == [P[0], P[1]]


def test_when_most_of_the_article_was_left_out_the_full_comparison_decides() -> None:
    _, tree, lines, owners = _page(*(f"<p>{p}</p>" for p in P))
    kept = [Candidate(P[0])]
    assert _outweighs(unreported_prose(lines, owners, [P[0]], tree), kept)
    assert not _outweighs(unreported_prose(lines, owners, P[:3], tree), [Candidate(p) for p in P[:3]])


def test_a_caption_between_two_kept_paragraphs_comes_back_but_a_label_or_button_does_not() -> None:
    caption = "县文化馆的演员在台上表演。摄影：王五"
    _, tree, lines, owners = _page(f"<p>{P[0]}</p>", f"<p align='center'><img src='1.jpg'><br>{caption}</p>",
                                   "<p>分享到</p>", "<p>相关专题：</p>", f"<p>{P[1]}</p>")
    found = unreported_prose(lines, owners, [P[0], P[1]], tree)
    assert found == [Unreported(0, caption, False)]


def test_a_short_sentence_after_the_body_is_not_rescued() -> None:
    # outside the run of kept paragraphs only prose counts (a short line there is a
    # teaser or a button as often as the article's)
    _, tree, lines, owners = _page(f"<p>{P[0]}</p>", f"<p>{P[1]}</p>", "<p>觉得不错，就点个赞吧！</p>")
    assert unreported_prose(lines, owners, [P[0], P[1]], tree) == []


def test_prose_nested_under_an_unclosed_paragraph_comes_back() -> None:
    # no </p>: each <p> that holds a <section> nests the next paragraphs inside it
    raw = (f"<html><body><div id='content'><p>{P[0]}<p><section>{P[1]}</section><p><section>{P[2]}</section>"
           f"</div><div class='side'><p>{SIDE}</div></body></html>")
    tree = parse(raw)
    owners: list = []
    lines = html_lines(tree, raw, owners)
    found = unreported_prose(lines, owners, [P[0]], tree)
    assert [f.text for f in found] == [P[1], P[2]]


def test_a_subhead_trafilatura_dropped_comes_back_as_a_heading() -> None:
    # a travel note's day headings in <div class="title"><h2>…</h2></div>, one above the
    # first paragraph and one between two: both are the article's
    _, tree, lines, owners = _page("<div class='title'><h2>写在前面</h2></div>", f"<p>{P[0]}</p>",
                                   "<div class='title'><h2>Day1 兰州—临夏—夏河</h2></div>", f"<p>{P[1]}</p>")
    found = unreported_prose(lines, owners, [P[0], P[1]], tree)
    assert found == [Unreported(-1, "写在前面", False, 2), Unreported(0, "Day1 兰州—临夏—夏河", False, 2)]
    out = _rescued([Candidate(P[0]), Candidate(P[1])], found)
    assert [c.text for c in out] == ["写在前面", P[0], "Day1 兰州—临夏—夏河", P[1]]
    assert out[2].kind is BlockKind.HEADING and out[2].heading_level == 2


def test_a_linked_heading_or_one_after_the_body_is_no_subhead() -> None:
    # an embedded video box's title is a link (back as a linked line, which the
    # classifier takes for one); a heading under the last paragraph opens whatever comes
    # next (a related box), not a section of the article
    video = "全民微信时代，用语音发60秒是种怎样的体验？"
    raw, tree, lines, owners = _page(f"<p>{P[0]}</p>", f"<h2><a href='/v/1'>{video}</a></h2>",
                                     f"<p>{P[1]}</p>", "<h3>猜你还想看的内容</h3>")
    links: list[int] = []
    html_lines(parse(raw), raw, None, links)
    found = unreported_prose(lines, owners, [P[0], P[1]], tree, links)
    assert [(f.text, f.level, f.link_density) for f in found] == [(video, 0, 1.0)]
    out = _rescued([Candidate(P[0]), Candidate(P[1])], found)
    assert out[1].link_density == 1.0


def test_an_h1_between_the_paragraphs_and_a_list_s_items_come_back() -> None:
    # a 专栏 sets its sections as <h1> between the article's paragraphs (the page's own
    # headline stands above them all), and its list one level further down (<ul><li>)
    item1, item2 = "滤波电容鼓包漏液，必须更换；", "音量电位器接触不良，一转就沙沙响；"
    _, tree, lines, owners = _page(f"<p>{P[0]}</p>", "<h1>一、先别急着通电</h1>", f"<p>{P[1]}</p>",
                                   f"<ul><li>{item1}</li><li>{item2}</li></ul>", f"<p>{P[2]}</p>")
    found = unreported_prose(lines, owners, [P[0], P[1], P[2]], tree)
    assert [(f.text, f.level) for f in found] == [("一、先别急着通电", 2), (item1, 0), (item2, 0)]


def test_an_h1_above_the_article_stays_its_headline() -> None:
    _, tree, lines, owners = _page("<h1>某某县召开拥军优属工作会议</h1>", f"<p>{P[0]}</p>", f"<p>{P[1]}</p>")
    assert unreported_prose(lines, owners, [P[0], P[1]], tree) == []


def test_paragraphs_opening_alike_are_not_taken_for_one_another() -> None:
    # an encyclopedia's paragraphs may all open alike ("截至2019年末，岚溪镇…"): one left out
    # is carried elsewhere only when the kept text holds its words whole or by both ends
    a = "截至2019年末，岚溪镇辖3个社区、16个行政村，镇人民政府驻岚溪社区，全镇总面积128.6平方千米。"
    b = "截至2019年末，岚溪镇户籍人口为3.82万人，其中城镇人口0.91万人，境内居民以汉族为主。"
    _, tree, lines, owners = _page(f"<p>{P[0]}</p>", f"<p>{a}</p>", f"<p>{b}</p>", f"<p>{P[1]}</p>")
    found = unreported_prose(lines, owners, [P[0], a, P[1]], tree)
    assert [(f.text, f.carried) for f in found] == [(b, False)]
