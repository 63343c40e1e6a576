"""Settings/state files and the pure layout functions."""
from __future__ import annotations

from pathlib import Path

import pytest

from rich.cells import cell_len

from reader.app.layout import Para, Styles, article_paras, lay_out, lay_paragraph, wrap_offsets
from reader.app.state import Settings, State, config_dir, initial_width, state_dir


def test_xdg_dirs_follow_the_environment(xdg_dirs: Path):
    assert config_dir() == xdg_dirs / "config" / "reader"
    assert state_dir() == xdg_dirs / "state" / "reader"


def test_settings_file(xdg_dirs: Path):
    assert Settings.load() == Settings()
    path = config_dir() / "settings.toml"
    path.parent.mkdir(parents=True)
    path.write_text('theme = "textual-light"\nvariant = "s2hk"\nwidth = "full"\n', encoding="utf-8")
    assert Settings.load() == Settings(theme="textual-light", variant="s2hk", width=None)
    path.write_text('variant = "klingon"\nwidth = 33\n', encoding="utf-8")
    bad = Settings.load()
    assert bad == Settings()  # bad values fall back to defaults …
    assert len(bad.problems) == 2 and all(str(path) in p for p in bad.problems)  # … and are reported
    path.write_text("not [toml", encoding="utf-8")
    broken = Settings.load()
    assert broken == Settings() and "not valid TOML" in broken.problems[0]


@pytest.mark.parametrize("text", ["width = inf", "width = nan", "width = 40.5", "width = true", "width = [40]", "theme = 3", "copy_command = {a = 1}"])
def test_bad_setting_values_are_reported_not_raised(xdg_dirs: Path, text: str):
    path = config_dir() / "settings.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n", encoding="utf-8")
    settings = Settings.load()
    assert settings == Settings()
    assert len(settings.problems) == 1 and str(path) in settings.problems[0]


@pytest.mark.parametrize("text", ['{"width": Infinity}', '{"width": NaN}', "[" * 100_000 + "]" * 100_000, '{"pages": {"a": {"block": -3}}}',
                                  '{"pages": {"a": {"block": 1e999}}}', '{"pages": []}', '"just a string"', '{"width": 1e400}', "\udcff"])
def test_bad_state_files_mean_defaults_and_a_problem(xdg_dirs: Path, text: str):
    path = state_dir() / "state.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", errors="surrogateescape")
    state = State.load()
    assert state.width == "unset" and state.position("a") == 0
    assert state.problems and all(str(path) in p for p in state.problems)


def test_state_round_trip_and_width_precedence(xdg_dirs: Path):
    state = State.load()
    assert initial_width(Settings(width=50), state) == 50  # nothing remembered: settings
    state.set("width", None)
    state.set("last_page", "a.html")
    state.remember("a.html", block=12, other_script=True)
    assert not state.remember("<stdin>", block=5)  # never remembered
    assert state.save() is None
    again = State.load()
    assert again.width is None and again.last_page == "a.html"
    assert again.position("a.html") == 12 and again.page("a.html").other_script and again.position("<stdin>") == 0
    assert initial_width(Settings(width=50), again) is None
    assert [p.name for p in state_dir().iterdir() if p.name.endswith(".tmp")] == []  # no temp files left
    (state_dir() / "state.json").write_text("{broken", encoding="utf-8")
    assert State.load().pages == {}


def test_two_instances_merge_per_page(xdg_dirs: Path):
    one, two = State.load(), State.load()
    one.remember("a.html", block=5)
    two.remember("b.html", block=7)
    two.set("width", 30)
    assert one.save() is None and two.save() is None  # two saves last, but keeps a.html
    merged = State.load()
    assert merged.position("a.html") == 5 and merged.position("b.html") == 7 and merged.width == 30
    one.remember("b.html", block=9)  # newer than two's write: wins for that page only
    one.save()
    final = State.load()
    assert final.position("b.html") == 9 and final.position("a.html") == 5 and final.width == 30


def test_concurrent_writers_never_leave_invalid_json(xdg_dirs: Path):
    import json
    import threading

    from reader.app.state import write_atomic

    path = state_dir() / "state.json"
    path.parent.mkdir(parents=True)
    write_atomic(path, json.dumps({"pages": {}}))
    bad: list[str] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                json.loads(path.read_text(encoding="utf-8"))
            except ValueError as exc:
                bad.append(str(exc))

    reader = threading.Thread(target=read)
    reader.start()
    for i in range(100):
        s = State.load()
        s.remember(f"p{i % 7}.html", block=i)
        s.save()
    stop.set()
    reader.join()
    assert bad == []


def test_wrap_offsets_map_lines_back_to_the_paragraph():
    text = "阿里云在杭州举办云栖大会, and some English words here,发布了新一代通义千问大模型。"
    lines = wrap_offsets(text, 16)
    assert len(lines) > 2
    for start, end, shown in lines:
        assert cell_len(shown) <= 16
        assert text[start:end] == shown


def test_highlight_split_across_lines_is_marked_on_both():
    styles = Styles()
    text = "一二三四五六七八九十云栖大会"
    laid = lay_paragraph(Para(text), 20, styles, keywords=["十云"])  # 十 ends line 1, 云 starts line 2
    marked = [line.plain[s.start:s.end] for line in laid.lines for s in line.spans if s.style == styles.keyword]
    assert "".join(marked) == "十云"


def test_removed_blocks_stand_at_their_index(article):
    paras = article_paras(article, show_removed=True)
    roles = [p.role for p in paras]
    assert roles[:3] == ["title", "meta", "removed"]
    assert roles[-1] == "removed" and paras[-1].label == "list of links to other articles (猜你喜欢)"
    doc = lay_out(paras, 40, Styles())
    assert doc.lines[doc.para_lines[2]].plain.startswith("⊘ breadcrumb navigation (当前位置)")


async def test_picked_theme_is_remembered_between_runs(make_app):
    from reader.app.state import State

    app = make_app(theme="textual-dark")
    async with app.run_test() as pilot:
        app.action_toggle_dark()
        await pilot.pause()
        assert app.theme == "textual-light"
    assert State.load().theme == "textual-light"
    again = make_app(theme="textual-dark")  # the settings' default loses to what was picked
    async with again.run_test() as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"
