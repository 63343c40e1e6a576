"""Pages the hostile-input tests build: a news page around the given markup, and a
check that its three paragraphs survived."""
from __future__ import annotations

from support.pages import BODY, P1, P2, P3, TITLE  # noqa: F401 - re-exported to the hostile tests


def html_page(body: str = "", *, title: str = TITLE, head: str = "", h1: str | None = None) -> str:
    """A news page: <title>, <h1>, the given body markup, then the three paragraphs."""
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}<title>{title}</title></head>"
        f"<body><div class='article'><h1>{h1 if h1 is not None else title}</h1>{body}{paras}</div></body></html>"
    )


def has_body(text: str) -> bool:
    """All three paragraphs are there (the classifier may split or join them)."""
    flat = "".join(text.split())
    return all("".join(p.split())[:40] in flat for p in BODY)
