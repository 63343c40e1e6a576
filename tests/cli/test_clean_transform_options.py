"""`reader clean` conversion, highlighting, wrapping and punctuation options,
through the real entry point (`python -m reader`)."""
from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from reader.transform.wrap import cell_width

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_articles"
ESC = "\x1b["

ARTICLE = (
    "今年春晚传递三大信号\n\n"
    "阿里云发布了新的内存产品，内存价格上涨。后来阿里云又发布了新的大模型。\n\n"
    "这是第二段，说明内存和云计算的关系，也说明了阿里巴巴的战略为什么重要。\n\n"
    "2025年,阿里巴巴充满了硝烟味!时间17:30,共1,000台(约合人民币3800亿元)。\n"
)


def sample(prefix: str) -> str:
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return str(path)


@pytest.fixture()
def page(tmp_path: Path) -> str:
    path = tmp_path / "page.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return str(path)


def env(**extra: str) -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    e["PYTHONPATH"] = str(ROOT)
    e.update(extra)
    return e


def clean(*args: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "clean", *args],
        capture_output=True, text=True, encoding="utf-8", env=env(**extra_env), timeout=60,
    )


def test_convert_s2twp(page: str) -> None:
    proc = clean("--convert", "s2twp", page)
    assert proc.returncode == 0, proc.stderr
    assert "阿里雲釋出了新的記憶體產品" in proc.stdout
    assert "内存" not in proc.stdout


def test_to_traditional_normalizes_mixed_seed() -> None:
    plain = clean(sample("001")).stdout
    assert "阿里云" in plain and "集團" in plain  # mixed as extracted
    proc = clean("--to", "traditional", "-f", "json", sample("001"))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["script"] == "traditional"
    text = "\n".join(b["text"] for b in data["blocks"])
    assert "阿里雲" in text and "阿里云" not in text
    assert "兩年後" in text


def test_to_simplified(page: str) -> None:
    proc = clean("--to", "simplified", "-f", "json", sample("001"))
    data = json.loads(proc.stdout)
    assert data["script"] == "simplified"
    assert "集团" in data["blocks"][0]["text"] + data["blocks"][1]["text"]
    # Nothing to do for a Simplified page: output unchanged.
    assert clean("--to", "simplified", page).stdout == clean(page).stdout


def test_unknown_config_is_a_usage_error(page: str) -> None:
    proc = clean("--convert", "klingon", page)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith("reader: ") and "klingon" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_convert_and_to_are_exclusive(page: str) -> None:
    proc = clean("--convert", "s2t", "--to", "taiwan", page)
    assert proc.returncode == 2
    assert "not allowed with" in proc.stderr


def test_highlight_is_script_insensitive_on_displayed_text(page: str) -> None:
    proc = clean("--to", "taiwan", "--highlight", "云", "--highlight", "内存", "--color", "always", page)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert f"{ESC}1;33m雲{ESC}0m" in out
    assert f"{ESC}1;33m記憶體{ESC}0m" in out
    assert f"{ESC}1;33m云" not in out


def test_no_colour_to_a_pipe_by_default(page: str) -> None:
    proc = clean("--highlight", "阿里", page)
    assert proc.returncode == 0
    assert ESC not in proc.stdout
    assert proc.stdout == clean(page).stdout
    assert ESC not in clean("--highlight", "阿里", "--color", "never", page).stdout


def run_on_tty(*args: str, **extra_env: str) -> str:
    master, slave = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "reader", "clean", *args],
            stdout=slave, stderr=subprocess.PIPE, env=env(TERM="xterm", **extra_env), timeout=60,
        )
        assert proc.returncode == 0, proc.stderr
        os.close(slave)
        slave = -1
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        return b"".join(chunks).decode("utf-8", "replace")
    finally:
        if slave >= 0:
            os.close(slave)
        os.close(master)


def test_colour_on_a_tty_unless_no_color(page: str) -> None:
    assert ESC in run_on_tty("--highlight", "阿里", page)
    assert ESC not in run_on_tty("--highlight", "阿里", page, NO_COLOR="1")


def test_width_wraps_every_line(page: str) -> None:
    proc = clean("--width", "20", sample("003"))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert max(cell_width(line) for line in lines) <= 20
    assert max(cell_width(line) for line in clean(sample("003")).stdout.splitlines()) > 20
    for line in lines:
        assert not line or line[0] not in "，。、；：？！）」』”’》"
    # The text is all there, only the line breaks differ.
    squash = lambda s: "".join(s.split())  # noqa: E731
    assert squash(proc.stdout) == squash(clean(sample("003")).stdout)


def test_width_with_highlight_marks_inside_lines(page: str) -> None:
    proc = clean("--width", "12", "--highlight", "阿里云", "--color", "always", page)
    assert proc.returncode == 0, proc.stderr
    for line in proc.stdout.splitlines():
        plain = line.replace(f"{ESC}1;33m", "").replace(f"{ESC}0m", "")
        assert cell_width(plain) <= 12
    assert proc.stdout.count(f"{ESC}1;33m") >= 2


def test_width_must_be_sensible(page: str) -> None:
    for bad in ("0", "x", "-3"):
        proc = clean("--width", bad, page)
        assert proc.returncode == 2, bad
        assert proc.stderr.startswith("reader: ")


def test_punctuation_fullwidth(page: str) -> None:
    kept = clean(page).stdout
    assert "2025年,阿里巴巴充满了硝烟味!时间17:30,共1,000台(约合" in kept
    proc = clean("--punctuation", "fullwidth", page)
    assert proc.returncode == 0, proc.stderr
    assert "2025年，阿里巴巴充满了硝烟味！时间17:30，共1,000台（约合人民币3800亿元）。" in proc.stdout


def test_color_markup_cannot_be_injected(tmp_path: Path) -> None:
    path = tmp_path / "evil.txt"
    path.write_text("标题\n\n阿里\x1b]0;pwned\x07云在\x1b[2J这里发布了产品，阿里云很重要。\n", encoding="utf-8")
    proc = clean("--highlight", "阿里", "--color", "always", str(path))
    assert proc.returncode == 0, proc.stderr
    assert "\x1b]" not in proc.stdout and "\x1b[2J" not in proc.stdout
    assert f"{ESC}1;33m阿里{ESC}0m" in proc.stdout


SEGMENTERS = ("jieba", "rjieba")


def _modules_after(*args: str) -> tuple[set[str], str]:
    """Run reader.cli.main in a fresh interpreter: which of the segmenters (jieba,
    rjieba) and textual it imported, and what it printed."""
    code = (
        "import sys\n"
        "from reader.cli import main\n"
        f"rc = main({list(args)!r})\n"
        f"print('\\n'.join(m for m in {(*SEGMENTERS, 'textual')!r} if m in sys.modules), file=sys.stderr)\n"
        "sys.exit(rc)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", env=env(), timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    return {line for line in proc.stderr.splitlines() if line in (*SEGMENTERS, "textual")}, proc.stdout


def test_clean_does_not_import_jieba_or_textual(page: str) -> None:
    modules, out = _modules_after(
        "clean", "--to", "taiwan", "--highlight", "云", "--color", "always",
        "--width", "30", "--punctuation", "fullwidth", page,
    )
    assert modules == set()
    assert f"{ESC}1;33m雲{ESC}0m" in out


def test_keywords_option_highlights_and_is_the_only_way_to_import_jieba() -> None:
    modules, out = _modules_after("clean", "--keywords", "3", "--color", "always", sample("002"))
    assert modules and modules <= set(SEGMENTERS)  # a segmenter, and nothing else heavy
    assert f"{ESC}1;33m阿里{ESC}0m" in out


def test_code_blocks_are_highlighted_line_by_line_and_not_wrapped() -> None:
    import argparse

    from reader.cli.clean import _render
    from reader.model import Article, Block, BlockKind

    article = Article(
        title="阿里云",
        blocks=(
            Block(BlockKind.PARAGRAPH, "阿里云的代码示例如下，阿里云很长的一段说明文字"),
            Block(BlockKind.CODE, "client = aliyun.Client()  # 阿里云客户端，不换行也不折行的一行很长的注释"),
        ),
    )
    args = argparse.Namespace(format="text", width=16, title=True)
    out = _render(article, args, ["阿里云"], several=False, first=True)
    lines = out.splitlines()
    code_line = next(line for line in lines if line.startswith("client"))
    assert f"{ESC}1;33m阿里云{ESC}0m客户端" in code_line  # marked, not wrapped
    assert out.count(f"{ESC}1;33m") == 4  # title, twice in the paragraph, once in code
    assert f"{ESC}1;33m{ESC}1;33m" not in out


def test_text_is_the_body_and_title_adds_the_headline():
    page = SAMPLES / "003_a227c688aed9e3ef.txt"
    with_title = subprocess.run([sys.executable, "-m", "reader", "clean", "--title", str(page)],
                                capture_output=True, check=True)
    body_only = subprocess.run([sys.executable, "-m", "reader", "clean", str(page)], capture_output=True, check=True)
    lines = with_title.stdout.decode("utf-8").splitlines()
    assert lines[0] == "今年春晚传递三大信号" and lines[1] == ""
    assert body_only.stdout.decode("utf-8").splitlines() == lines[2:]
