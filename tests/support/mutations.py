"""html-dev pages cut and wrapped the way saved pages arrive (a fragment with no
document tags or charset, code before the markup, one long line, CRLF, a layout
table, <br><br> paragraphs, HTML 4 capitals, unclosed <p>), GB18030-encoded: `benchmarks/mutations.py` scores them all, the accuracy
tests hold the fragment and table forms to html-dev's bar.  And whole-page dumps as a
text browser writes them (`wrap`: lines cut at 76 display columns) and as
BeautifulSoup's get_text("\\n") writes them (`string_lines`: a line per string), which
`benchmarks/accuracy.py` scores."""
from __future__ import annotations

import re
from pathlib import Path

from support import shared

_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S | re.I)


def body_of(text: str) -> str:
    m = _BODY.search(text)
    return m.group(1) if m else text


def br_layout(text: str) -> str:
    """The body in one layout-table cell, its paragraphs parted by <br><br> (old portals)."""
    body = re.sub(r"</p\s*>\s*<p(?:\s[^>]*)?>", "<br><br>", body_of(text), flags=re.I)
    return "<table><tr><td>" + re.sub(r"</?p(?:\s[^>]*)?>", "", body, flags=re.I) + "</td></tr></table>"


MUTATIONS = {
    "fragment": body_of,
    "script-first": lambda t: "<script>\n" + "var x = 1;\n\n" * 300 + "</script>\n" + t,
    "one-line": lambda t: t.replace("\r", "").replace("\n", " "),
    "crlf": lambda t: t.replace("\r\n", "\n").replace("\n", "\r\n"),
    "table": lambda t: "<table><tr><td>" + body_of(t) + "</td></tr></table>",
    "br-layout": br_layout,
    "upper-tags": lambda t: re.sub(r"</?[a-z][a-z0-9]*", lambda m: m.group(0).upper(), t),
    "no-close-p": lambda t: re.sub(r"</p\s*>", "", t, flags=re.I),
}


def write_variant(name: str, out: Path) -> Path:
    """The variant `name` of every html-dev page with gold, and its gold, in `out`."""
    from reader.load import decode

    out.mkdir(parents=True, exist_ok=True)
    for gold in sorted(shared.HTML_DEV.glob("*.gold.txt")):
        page = shared.HTML_DEV / (gold.name[: -len(".gold.txt")] + ".html")
        if page.exists():
            text = decode(page.read_bytes())[0]
            (out / page.name).write_bytes(MUTATIONS[name](text).encode("gb18030", "replace"))
            (out / gold.name).write_bytes(gold.read_bytes())
    return out


# -- text dumps as a text browser writes them -------------------------------------

WRAP_COLUMNS = 76  # a text browser's dump (w3m, lynx -dump) wraps lines at about this many columns


def columns(ch: str) -> int:
    import unicodedata

    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def wrap(line: str, width: int = WRAP_COLUMNS) -> list[str]:
    """One line as a text browser's dump shows it: cut at `width` display columns (a
    Han character takes two), a Latin word kept whole where a space allows."""
    out = []
    while line:
        used, cut = 0, len(line)
        for i, ch in enumerate(line):
            used += columns(ch)
            if used > width:
                cut = i
                break
        inside_word = 0 < cut < len(line) and not line[cut].isspace() and line[cut].isascii() and line[cut - 1].isascii()
        if inside_word and line.rfind(" ", 0, cut) > 0:
            cut = line.rfind(" ", 0, cut) + 1
        out.append(line[:cut].strip())
        line = line[cut:].lstrip()
    return [piece for piece in out if piece]


def wrapped_dumps(whole: Path, out: Path) -> Path:
    """Whole-page dumps as a text browser writes them: every line wrapped at
    WRAP_COLUMNS, each piece labelled as the line it was cut from."""
    out.mkdir(parents=True)
    for gold in sorted(whole.glob("*.gold.tsv")):
        stem = gold.name.removesuffix(".gold.tsv")
        text_lines, labelled = [], []
        for row in gold.read_text(encoding="utf-8").splitlines():
            label, _, line = row.partition("\t")
            for piece in wrap(line):
                text_lines.append(piece)
                labelled.append(f"{label}\t{piece}")
        (out / f"{stem}.txt").write_text("\n".join(text_lines) + "\n", encoding="utf-8")
        (out / gold.name).write_text("\n".join(labelled) + "\n", encoding="utf-8")
    return out


def traditional_dumps(whole: Path, out: Path, config: str = "s2tw.json") -> Path:
    """Whole-page dumps of the same pages written in Traditional characters (OpenCC
    `config`: Taiwan's character forms), page and labels converted alike: a Hong Kong
    or Taiwan portal's furniture around the same articles."""
    import opencc

    converter = opencc.OpenCC(config)
    out.mkdir(parents=True)
    for path in sorted(whole.iterdir()):
        (out / path.name).write_text(converter.convert(path.read_text(encoding="utf-8")), encoding="utf-8")
    return out


# -- text dumps as BeautifulSoup's get_text("\n") writes them -----------------------

_BLOCKS = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
           "section", "article", "header", "footer", "nav", "aside", "dd", "dt", "blockquote", "pre", "form",
           "center"}  # (as ../shared/eval/whole_dumps.py counts them)


def _strings(el, block):
    """(text, the block element it stands in) for every string under `el`, in order."""
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    here = el if tag in _BLOCKS else block
    if el.text and isinstance(el.tag, str):
        yield el.text, here
    for child in el:
        yield from _strings(child, here)
        if child.tail:  # (the text after a <br> is a line of its own, as whole_dumps.py cuts it)
            yield child.tail, child if isinstance(child.tag, str) and child.tag.lower() == "br" else here


def string_lines(html: str) -> list[tuple[str, int]]:
    """A whole page as `soup.get_text("\\n")` writes it: every string on a line of its
    own, so a sentence with a link or a bold word inside is cut at each (the form the
    issue's scrapers write).  Each line comes with the number of its block."""
    import lxml.html

    doc = lxml.html.document_fromstring(html)
    for bad in doc.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    blocks: dict = {}  # (the element itself as the key: an id() of an lxml proxy can be reused)
    out = []
    for text, block in _strings(doc, doc):
        number = blocks.setdefault(block, len(blocks))
        for line in text.split("\n"):
            line = re.sub(r"[ \t\u3000\xa0]+", " ", line).strip()
            if line:
                out.append((line, number))
    return out


def string_dumps(src: Path, out: Path) -> Path:
    """get_text("\\n") dumps of the pages in `src` (NAME.html beside NAME.gold.txt), each
    line labelled by the block it was cut from, with ../shared/eval/whole_dumps.py's
    rule for a line (K: 80% of its shingles in the gold, D: 20% at most, else O): a
    piece of a sentence is labelled as its sentence.  Pages whose dump lost the article
    are skipped, as whole_dumps.py skips them."""
    score = shared.score_module()
    import importlib.util

    spec = importlib.util.spec_from_file_location("shared_eval_whole_dumps", shared.SHARED / "eval" / "whole_dumps.py")
    whole = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(whole)  # (its decoding: the page's charset, else GB18030)
    out.mkdir(parents=True)
    for gold_path in sorted(src.glob("*.gold.txt")):
        stem = gold_path.name.removesuffix(".gold.txt")
        page = src / f"{stem}.html"
        if not page.exists():
            continue
        gold_text = gold_path.read_text(encoding="utf-8")
        gold = score.shingles(gold_text)
        gold_lines = {re.sub(r"\s+", "", x) for x in gold_text.splitlines() if x.strip()}
        lines = string_lines(whole.decode(page.read_bytes()))
        if sum((gold & score.shingles("\n".join(t for t, _ in lines))).values()) < 0.6 * sum(gold.values()):
            continue
        def label(text: str) -> str:
            sh = score.shingles(text)
            n = sum(sh.values())
            share = sum((sh & gold).values()) / n if n else 0.0
            return "K" if share >= 0.8 else "D" if share <= 0.2 and re.sub(r"\s+", "", text) not in gold_lines else "O"

        block_text: dict[int, list[str]] = {}
        for text, number in lines:
            block_text.setdefault(number, []).append(text)
        by_block = {number: label(" ".join(texts)) for number, texts in block_text.items()}
        squashed_gold = re.sub(r"\s+", "", gold_text)

        def piece_label(text: str, number: int) -> str:
            # A line long enough to judge (a few shingles) by its own words; a shorter
            # piece ("【", a linked name) as the block it was cut from when the gold has
            # it, else as furniture (a menu item inside the article's container).
            if len(score.TOKEN.findall(text)) >= SHORT_PIECE_TOKENS:
                return label(text)
            if re.sub(r"\s+", "", text) not in squashed_gold:
                return "D"
            return by_block[number] if by_block[number] != "D" else "O"

        rows = [f"{piece_label(t, n)}\t{t}" for t, n in lines]
        (out / f"{stem}.txt").write_text("\n".join(t for t, _ in lines) + "\n", encoding="utf-8")
        (out / f"{stem}.gold.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return out


SHORT_PIECE_TOKENS = 8  # a piece with fewer tokens has too few shingles to label on its own
