"""An article written in headed sibling boxes (a recipe's 用料/做法/小贴士, a poem's
译文/注释/赏析): when trafilatura keeps one box, the others and the lead above them are
put back (`sections.sibling_sections`); a column of the article's own subheads, a
comment thread or a sidebar with headings of the same level never are."""
from __future__ import annotations

from reader.extract import extract
from reader.extract.inventory import html_lines
from reader.extract.parse import parse
from reader.extract.sections import sibling_sections
from reader.model import BlockKind, Page

LEAD = "家里的烤箱买了大半年，用得最多的就是烤鸡翅，这个版本是我试了五六次之后定下来的配方，外皮焦香、里面嫩得流汁。"
STEPS = [
    "鸡翅中洗净，用厨房纸吸干表面的水分，在正反两面各划两刀，方便入味，再放进大碗里备用。",
    "把鸡翅放进大碗里，加入蒜蓉、生抽、蚝油和少许盐，戴上手套抓匀，抓揉两三分钟让调料充分吸收。",
    "烤箱提前预热到两百度，放入中层，上下火烤十五分钟，取出翻面刷酱，再烤八分钟即可出炉。",
]
TIPS = "每家烤箱的温度都有差异，最后几分钟要守在烤箱边上看着，蒜蓉很容易烤糊，蜂蜜也可以不放。"
SIDE = "侧栏里的另一段介绍，虽然也是完整的句子，有逗号，有句号，但它在页面的侧栏里，不是这篇文章的一部分。"


def recipe(after: str = "") -> str:
    return (
        "<html><head><title>蒜香烤鸡翅</title></head><body><div class='page'><h1>蒜香烤鸡翅</h1>"
        f"<div class='block'><div class='desc'>{LEAD}</div>"
        "<h2>用料</h2><div class='ings'><table><tr><td>鸡翅中</td><td>10个</td></tr>"
        "<tr><td>大蒜</td><td>1整头</td></tr></table></div>"
        "<h2>做法</h2><div class='steps'><ol>" + "".join(f"<li><p>{s}</p></li>" for s in STEPS) + "</ol></div>"
        f"<div class='tip-container'><h2>小贴士</h2><div class='tip'>{TIPS}</div></div>"
        f"{after}</div></div></body></html>"
    )


def found(raw: str, kept: list[str]) -> list[str]:
    tree = parse(raw)
    owners: list = []
    links: list[int] = []
    lines = html_lines(tree, raw, owners, links)
    return [cand.text for _, cand in sibling_sections(lines, owners, links, kept, tree)]


def test_the_boxes_beside_the_kept_one_come_back_with_the_lead_above_them() -> None:
    got = found(recipe(), STEPS)
    assert got == [LEAD, "用料", "鸡翅中 10个", "大蒜 1整头", "做法", "小贴士", TIPS]


def test_they_stand_in_page_order_and_headings_stay_headings() -> None:
    raw = recipe()
    tree = parse(raw)
    owners: list = []
    links: list[int] = []
    lines = html_lines(tree, raw, owners, links)
    out = sibling_sections(lines, owners, links, STEPS, tree)
    follows = {cand.text: at for at, cand in out}
    assert follows[LEAD] == -1 and follows["用料"] == -1 and follows[TIPS] == 2
    heads = [cand for _, cand in out if cand.kind is BlockKind.HEADING]
    assert [h.text for h in heads] == ["用料", "做法", "小贴士"] and all(h.heading_level == 2 for h in heads)


def test_what_follows_the_last_section_is_not_taken() -> None:
    # the creation stamp and a "collected in" strip after the tips are no section
    after = "<div class='time'>创建时间：2015-03-21 20:14:07</div><div class='menus'>这道菜被收录在：周末下酒菜</div>"
    got = found(recipe(after), STEPS)
    assert got[-1] == TIPS and not any("收录" in t or "创建时间" in t for t in got)


def test_one_box_with_a_heading_is_no_sectioned_article() -> None:
    # a single headed box beside a lead: nothing to put back (two more headings are needed)
    raw = (f"<html><body><div class='block'><div class='desc'>{LEAD}</div><h2>做法</h2><div class='steps'>"
           + "".join(f"<p>{s}</p>" for s in STEPS) + "</div></div></body></html>")
    assert found(raw, STEPS) == []


def test_a_column_of_the_article_s_own_subheads_takes_nothing_from_beside_it() -> None:
    # an encyclopedia entry: its column holds all its <h2>s; the sidebar next to it
    # has <h2> boxes too, and stays out
    entry = "".join(f"<h2>第{n}节</h2><p>{s}</p>" for n, s in enumerate(STEPS, 1))
    side = "".join(f"<div class='box'><h2>栏目{n}</h2><p>{SIDE}</p></div>" for n in range(3))
    raw = f"<html><body><div class='wrap'><div class='main'>{entry}</div><div class='box-list'>{side}</div></div></body></html>"
    assert found(raw, STEPS) == []


def test_a_comment_thread_after_a_post_is_not_a_section() -> None:
    post = "".join(f"<p>{s}</p>" for s in STEPS)
    comments = ("<div id='comments'><h2>3 条评论</h2><ol><li><p>写得真好，收藏了，周末就试试这个做法。</p></li></ol>"
                "<h3>发表评论</h3><form><textarea></textarea></form></div>")
    raw = (f"<html><body><div id='primary'><article><h2 class='entry-title'>蒜香烤鸡翅</h2>"
           f"<div class='entry-content'>{post}</div></article>{comments}</div></body></html>")
    assert found(raw, STEPS) == []


def test_a_poem_page_reads_whole_through_the_pipeline() -> None:
    poem = "空山新雨后，天气晚来秋。<br>明月松间照，清泉石上流。"
    gloss = "<br>".join(("暝：日落，天色将晚。", "空山：空旷、幽静的山野。", "新：刚刚。", "随意：任凭。") * 3)

    def box(head: str, inner: str) -> str:
        return (f"<div class='sons'><div class='cont'><div class='head'><h2>{head}</h2>"
                f"<a href='/edit'>完善</a></div>{inner}</div></div>")

    raw = ("<html><head><title>山居秋暝</title></head><body><div class='left'>"
           f"<div class='sons'><h1>山居秋暝</h1><div class='contson'>{poem}</div></div>"
           + box("译文", f"<p>{TIPS}</p>") + box("注释", f"<p>{gloss}</p>")
           + box("赏析", "".join(f"<p>{s}</p>" for s in STEPS))
           + "</div></body></html>")
    article = extract(Page("poem.html", raw, "html", "utf-8"))
    text = "\n".join(b.text for b in article.blocks)
    for piece in ("明月松间照，清泉石上流。", "译文", TIPS, "注释", "空山：空旷、幽静的山野。", "赏析", *STEPS):
        assert piece in text, piece
    assert "完善" not in [b.text for b in article.blocks]
