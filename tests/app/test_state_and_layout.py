"""Settings/state files and the pure layout functions."""
from __future__ import annotations

from pathlib import Path

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
    assert Settings.load() == Settings()  # bad values fall back to defaults
    path.write_text("not [toml", encoding="utf-8")
    assert Settings.load() == Settings()


def test_state_round_trip_and_width_precedence(xdg_dirs: Path):
    state = State.load()
    assert initial_width(Settings(width=50), state) == 50  # nothing remembered: settings
    state.width = None
    state.script = "traditional"
    state.last_page = "a.html"
    state.remember_position("a.html", 12)
    state.remember_position("<stdin>", 5)  # never remembered
    state.save()
    again = State.load()
    assert again.width is None and again.script == "traditional" and again.last_page == "a.html"
    assert again.position("a.html") == 12 and again.position("<stdin>") == 0
    assert initial_width(Settings(width=50), again) is None
    (state_dir() / "state.json").write_text("{broken", encoding="utf-8")
    assert State.load().positions == {}


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
    assert roles[-1] == "removed" and paras[-1].label == "related-links: 猜你喜欢"
    doc = lay_out(paras, 40, Styles())
    assert doc.lines[doc.para_lines[2]].plain.startswith("⊘ breadcrumb: 当前位置")


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
