"""html-dev pages cut and wrapped the way saved pages arrive (a fragment with no
document tags or charset, code before the markup, one long line, CRLF, a layout
table, <br><br> paragraphs, HTML 4 capitals, unclosed <p>), GB18030-encoded: `benchmarks/mutations.py` scores them all, the accuracy
tests hold the fragment and table forms to html-dev's bar."""
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
