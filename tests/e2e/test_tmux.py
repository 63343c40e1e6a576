"""End to end: the real `reader` command in a real terminal (tmux).

Starts on a sample page, waits for the article text, presses `t` (twice: the page is
Simplified, so original → 简体 (unchanged) → 繁體), sees the converted text, presses
`q` and sees the command exit with status 0.  Also reads a page from a pipe
(`cat page | reader -`) and still takes keys from the terminal.
"""
from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

TMUX = shutil.which("tmux") or ("/usr/bin/tmux" if Path("/usr/bin/tmux").exists() else None)
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed: the end-to-end test needs a real terminal")

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_articles" / "000_31fe68bfaaceb0bd.txt"


def reader_command() -> str:
    exe = Path(sys.executable).parent / "reader"
    if exe.exists():
        return shlex.quote(str(exe))
    return f"{shlex.quote(sys.executable)} -m reader"


class Tmux:
    def __init__(self, tmp: Path) -> None:
        self.socket = f"reader-e2e-{uuid.uuid4().hex[:8]}"
        self.tmp = tmp

    def run(self, *args: str) -> str:
        out = subprocess.run([TMUX, "-L", self.socket, *args], capture_output=True, text=True, timeout=20)
        return out.stdout

    def start(self, shell_command: str) -> None:
        env = {
            "XDG_STATE_HOME": str(self.tmp / "state"),
            "XDG_CONFIG_HOME": str(self.tmp / "config"),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
        }
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        script = f"export {exports}; {shell_command}; echo READER-EXIT:$?; sleep 60"
        self.run("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", "sh", "-c", script)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "e2e")

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} did not appear on the screen:\n{screen}")

    def press(self, *keys: str) -> None:
        self.run("send-keys", "-t", "e2e", *keys)

    def close(self) -> None:
        self.run("kill-server")


@pytest.fixture
def tmux(tmp_path: Path):
    session = Tmux(tmp_path)
    yield session
    session.close()


def test_reader_in_a_real_terminal(tmux: Tmux):
    tmux.start(f"cd {shlex.quote(str(ROOT))} && {reader_command()} {shlex.quote(str(SAMPLE))}")
    tmux.wait_for("马云回归阿里")
    tmux.wait_for("原文 简")
    tmux.press("t")
    tmux.wait_for("简体")
    tmux.press("t")
    screen = tmux.wait_for("繁體 (s2t)")
    assert "馬雲" in tmux.wait_for("馬雲"), screen
    tmux.press("q")
    tmux.wait_for("READER-EXIT:0")


def test_page_from_a_pipe_still_takes_keys(tmux: Tmux):
    tmux.start(f"cat {shlex.quote(str(SAMPLE))} | {reader_command()} -")
    tmux.wait_for("马云回归阿里")
    tmux.press("r")
    tmux.wait_for("removed shown")
    tmux.press("q")
    tmux.wait_for("READER-EXIT:0")
