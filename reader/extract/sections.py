"""An article written in sibling sections: a recipe's 用料 / 做法 / 小贴士, a poem's
译文 / 注释 / 赏析, a guide's chapters each in its own headed box.

trafilatura scores each box apart and keeps the densest one; the others, and the lead
above them, are the article's too.  The signal is structural: the part trafilatura kept
is itself a section (a heading opens it or stands just above it), and the container
around it holds more sections opened by headings of the same level.  The lines of the
page from the first prose above or in those sections to the end of the last section
that holds prose are handed back as candidates, in page order; the classifier judges
each one as it judges any other (a counter, a tag strip, a "完善" button among them
still goes).  Sections after the last one that says something (a related-posts box
titled like a section) are not taken.
"""
from __future__ import annotations

from typing import Any

from reader.extract.candidate import Candidate, count_chars, is_body_like, says_a_sentence
from reader.extract.inventory import Line, in_tree, place
from reader.extract.settings import SETTINGS as S
from reader.model import BlockKind

_HEADINGS = ("h2", "h3", "h4", "h5", "h6")  # an <h1> is the page's headline, not a section's


def sibling_sections(lines: list[Line], owners: list[Any], links: list[int], kept: list[str],
                     root: Any) -> list[tuple[int, Candidate]]:
    """Lines of the article's sibling sections that no candidate carries, each as
    (index of the candidate it follows, or -1; the candidate), in page order."""
    if not lines or len(owners) != len(lines) or len(links) != len(lines):
        return []
    if not _headed_boxes(root):
        return []  # no level with enough headings on the page (most pages: no inventory pass)
    placed = place(lines, kept)
    free, body = placed.free, placed.body
    if not body:
        return []
    boxes = _boxes(_holding_most(body, lines, owners), [owners[i] for i in body])
    if not boxes or not in_tree(boxes[0], root):
        return []
    inside = [i for i, owner in enumerate(owners) if owner is not None and any(in_tree(owner, box) for box in boxes)]
    prose = [i for i in inside if _prose(lines[i].text)]
    if not prose:
        return []
    first, last = prose[0], max(prose[-1], body[-1])
    taken = [i for i in inside if first <= i <= last and i in free and not lines[i].region
             and in_tree(owners[i], root)]
    if not taken:
        return []
    out = []
    for group in _rows(taken, owners):
        i = group[0]
        text = " ".join(lines[j].text for j in group)
        out.append((placed.follows(i), _candidate(text, owners[i], sum(links[k] for k in group))))
    return out


def _headed_boxes(root: Any) -> bool:
    """Does some heading level occur often enough on the page to head sibling boxes?"""
    seen: dict[str, int] = {}
    for h in root.iter(*_HEADINGS):
        seen[h.tag] = seen.get(h.tag, 0) + 1
        if seen[h.tag] > S.section_min_others:
            return True
    return False


def _prose(text: str) -> bool:
    return is_body_like(text) or says_a_sentence(text)


def _holding_most(body: list[int], lines: list[Line], owners: list[Any]) -> Any:
    """The deepest element that holds most of the kept prose (`section_core_share` of
    its characters): a stray paragraph trafilatura kept from another box does not
    lift the kept section to the page's column."""
    held: dict[Any, int] = {}
    total = 0
    for i in body:
        n = count_chars(lines[i].text)
        total += n
        for el in _ancestors(owners[i]):
            held[el] = held.get(el, 0) + n
    el = next((a for a in _ancestors(owners[body[0]]) if held.get(a) == total), None)
    while el is not None:
        inner = next((c for c in el if held.get(c, 0) >= S.section_core_share * total), None)
        if inner is None:
            return el
        el = inner
    return el


def _ancestors(el: Any):
    while el is not None:
        yield el
        el = el.getparent()


def _kept_section(el: Any) -> tuple[Any, Any]:
    """The section the kept prose stands in (climbing a few levels from where it is
    held), and the heading that opens it: its first text, or the element just before it."""
    for _ in range(S.section_climb):
        if el is None or el.getparent() is None:
            break
        heading = _opening_heading(el)
        if heading is not None:
            return el, heading
        el = el.getparent()
    return None, None


def _opening_heading(el: Any) -> Any:
    first = next((node for node in el.iter() if isinstance(node.tag, str) and node.text and node.text.strip()), None)
    if first is not None:
        for node in _ancestors(first):
            if node.tag in _HEADINGS:
                return node
            if node is el:
                break
    before = _previous(el)
    return before if before is not None and before.tag in _HEADINGS else None


def _previous(el: Any) -> Any:
    """The element before `el` that shows text (an empty ad slot or a script between
    two boxes is passed over)."""
    before = el.getprevious()
    while before is not None and not _shows_text(before):
        before = before.getprevious()
    return before


def _shows_text(el: Any) -> bool:
    return isinstance(el.tag, str) and el.tag not in ("script", "style") and bool("".join(el.itertext()).strip())


def _boxes(held: Any, body_owners: list[Any]) -> list[Any]:
    """The boxes of the sectioned article around the kept prose, lead included; empty
    when the article is not one."""
    section, heading = _kept_section(held)
    if section is not None:
        return _sections_around(section, heading)
    # The kept prose spread over several boxes of one container, each opened by a
    # heading of one level (trafilatura kept 译文 and 赏析 but not the poem above them).
    holding = {el for owner in body_owners for el in _ancestors(owner)}
    inner = [c for c in held if c in holding]
    heads = [_opening_heading(c) for c in inner]
    if len(inner) < 2 or any(h is None for h in heads) or len({h.tag for h in heads}) > 1:
        return []
    if any(_headings_in(c, heads[0]) > 1 for c in inner):
        return []
    run, count = _run(held, inner[0], inner[-1], heads[0])
    return run if count > S.section_min_others else []


def _sections_around(section: Any, heading: Any) -> list[Any]:
    """Climbing from the kept section, the first container in which it stands in an
    unbroken run of sibling sections holding at least `section_min_others` more
    headings of its heading's level: the run, plus the lead just above it when that
    holds prose.  Empty when there is none."""
    box = section
    for _ in range(S.section_climb):
        container = box.getparent()
        if container is None or _headings_in(box, heading) > 1:
            # (a box with headings of the level inside is the whole sectioned article
            # already, an encyclopedia entry's column: what stands beside it is no part)
            return []
        run, count = _run(container, box, box, heading)
        if count > S.section_min_others:
            return run
        box = container
    return []


def _headings_in(el: Any, heading: Any) -> int:
    return sum(1 for h in el.iter(heading.tag) if count_chars("".join(h.itertext())))


def _run(container: Any, first: Any, last: Any, heading: Any) -> tuple[list[Any], int]:
    """The unbroken run of sections among `container`'s children from `first` to
    `last` and on either side of them (each holds, or is, a heading of the level, or is
    the text under such a heading; an element that shows no text is passed over), with
    the lead above it when that holds prose; and how many headings of the level the run
    holds, the kept one included."""
    children = [c for c in container if isinstance(c.tag, str)]
    start, end = children.index(first), children.index(last)

    def section(c: Any) -> bool:
        return c.tag == heading.tag or any(True for _ in c.iter(heading.tag))

    def under_heading(c: Any) -> bool:
        before = _previous(c)
        return before is not None and before.tag == heading.tag

    run = children[start:end + 1]
    for c in children[end + 1:]:
        if not _shows_text(c):
            continue
        if not (section(c) or under_heading(c)):
            break
        run.append(c)
    lead = None
    for c in reversed(children[:start]):
        if not _shows_text(c):
            continue
        if not (section(c) or under_heading(c)):
            lead = c
            break
        run.insert(0, c)
    count = sum(_headings_in(c, heading) for c in run)
    if _previous(first) is heading and heading not in run:
        count += 1  # (the kept box's heading stands above it, outside the container)
    if lead is not None and any(_prose(t) for t in lead.itertext()):
        run.insert(0, lead)
    return run, count


def _rows(taken: list[int], owners: list[Any]) -> list[list[int]]:
    """Consecutive lines from the cells of one table row read as one line, as
    trafilatura writes a row (鸡翅中 | 10个)."""
    groups: list[list[int]] = []
    row_of = [_row(owners[i]) for i in taken]
    for i, row in zip(taken, row_of):
        if groups and row is not None and groups[-1][-1] == i - 1 and _row(owners[groups[-1][-1]]) is row:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _row(el: Any) -> Any:
    for node in _ancestors(el):
        if node.tag == "tr":
            return node
        if node.tag in ("table", "body"):
            return None
    return None


def _candidate(text: str, owner: Any, links: int) -> Candidate:
    n = count_chars(text)
    if owner.tag in _HEADINGS:
        return Candidate(text=text, kind=BlockKind.HEADING, tag="head", heading_level=int(owner.tag[1]),
                         link_density=links / n if n else 0.0)
    kind = BlockKind.LIST_ITEM if owner.tag == "li" else BlockKind.PARAGRAPH
    return Candidate(text=text, kind=kind, link_density=links / n if n else 0.0, tag="p")
