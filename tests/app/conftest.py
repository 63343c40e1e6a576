"""Fixtures for the app tests: hand-made articles, an app factory, isolated XDG dirs."""
from __future__ import annotations

import asyncio
import inspect
from pathlib import Path
from typing import Callable

import pytest

from reader.model import Article, Block, BlockKind, Removed, Script, ScriptInfo

SIMPLIFIED_BLOCKS = (
    (BlockKind.PARAGRAPH, "阿里云在杭州举办云栖大会,发布了新一代通义千问大模型,吸引了众多开发者参加。"),
    (BlockKind.PARAGRAPH, "会上,阿里巴巴集团表示将继续加大在云计算和人工智能基础设施上的投入,云计算仍是增长最快的业务。"),
    (BlockKind.HEADING, "开发者的反应"),
    (BlockKind.PARAGRAPH, "不少开发者认为,这些工具降低了使用门槛。有人在页面里写了[bold]标记[/bold]和[link=http://x]链接[/link],它们应当原样显示。"),
    (BlockKind.LIST_ITEM, "云服务降价"),
    (BlockKind.QUOTE, "“我们希望让每个开发者都用得起云。”"),
    (BlockKind.PARAGRAPH, "会议最后,主办方宣布明年的大会仍将在杭州举行,届时会有更多关于云的发布。"),
)

TRADITIONAL_BLOCKS = (
    (BlockKind.PARAGRAPH, "臺灣的科技業者在雲端服務上持續投資,多家業者宣佈擴建資料中心。"),
    (BlockKind.PARAGRAPH, "業者表示,人工智慧帶動了對雲端運算的需求,今年的營收可望創下新高。"),
)


def make_article(
    title: str = "阿里云发布新一代大模型",
    blocks=SIMPLIFIED_BLOCKS,
    *,
    name: str = "pages/cloud.txt",
    script: Script = Script.SIMPLIFIED,
    removed: tuple[Removed, ...] | None = None,
    raw_text: str | None = None,
    site: str | None = "科技日报",
) -> Article:
    if removed is None:
        removed = (
            Removed("当前位置:首页 > 科技 > 正文", "breadcrumb: 当前位置", 0),
            Removed("猜你喜欢:云计算的下一个十年", "related-links: 猜你喜欢", len(blocks)),
        )
    body = "\n\n".join(text for _, text in blocks)
    return Article(
        title=title,
        blocks=tuple(Block(kind, text) for kind, text in blocks),
        removed=removed,
        author="记者 王明",
        date="2025-09-24",
        site=site,
        script=ScriptInfo(script, 0.95),
        name=name,
        page_kind="text",
        raw_text=raw_text if raw_text is not None else f"当前位置:首页 > 科技 > 正文\n{title}\n\n{body}\n\n猜你喜欢:云计算的下一个十年\n",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests on a fresh event loop (no async plugin needed)."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        args = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
        asyncio.run(pyfuncitem.obj(**args))
        return True
    return None


@pytest.fixture(autouse=True)
def xdg_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings and state live in a temp dir: tests never touch (or read) the user's."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def article() -> Article:
    return make_article()


@pytest.fixture
def traditional_article() -> Article:
    return make_article("臺灣業者擴建雲端資料中心", TRADITIONAL_BLOCKS, name="pages/tw.txt", script=Script.TRADITIONAL, removed=(), site="中央社")


@pytest.fixture
def make_app() -> Callable:
    """Build a ReaderApp over ready-made articles (no extraction, no files)."""

    def build(*articles: Article, open_index: int | None = 0, theme: str = "textual-dark", **kwargs):
        from reader.app.app import ReaderApp
        from reader.app.library import Entry
        from reader.app.state import Settings, State

        settings = kwargs.pop("settings", None) or Settings(theme=theme)
        state = kwargs.pop("state", None) or State.load()
        entries = [Entry.from_article(a) for a in (articles or (make_article(),))]
        kwargs.setdefault("executor", "thread")  # keywords in a thread: no process start per test
        return ReaderApp(entries, open_index=open_index, settings=settings, state=state, **kwargs)

    return build


@pytest.fixture
def article_factory() -> Callable[..., Article]:
    return make_article


async def settle(pilot) -> None:
    """Wait for workers (conversion, keywords, extraction) and the redraws they cause.
    The app starts its loader a moment after the first frame; wait for that too."""
    import time

    await pilot.pause()
    app = pilot.app
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (
        not getattr(app, "_background_started", True) or (app._loader is not None and app._loader.pending)
    ):
        await pilot.pause(0.01)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def wait() -> Callable:
    return settle
