"""End to end: the real `reader` command in a real terminal (tmux).

Starts on a sample page, waits for the article text, presses `t` (one press: the
page is Simplified, so it shows in 繁體), sees the converted text, presses `q` and
sees the command exit with status 0.  Also reads a page from a pipe
(`cat page | reader -`) and still takes keys from the terminal; opens a page picked
with the filter in a big library while the rest load; and finds its place again
after the terminal was closed without `q` (SIGHUP).
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

    def kill_window(self) -> None:
        """Close the terminal under the app (tmux sends SIGHUP), as closing a window does."""
        self.run("kill-session", "-t", "e2e")

    def close(self) -> None:
        self.run("kill-server")

    def app_processes(self) -> list[int]:
        """The reader processes this session started (they carry its state folder)."""
        marker = f"XDG_STATE_HOME={self.tmp / 'state'}".encode()
        found = []
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                env, cmd = (proc / "environ").read_bytes(), (proc / "cmdline").read_bytes()
            except OSError:
                continue  # gone meanwhile
            if marker in env.split(b"\0") and b"reader" in cmd and not cmd.startswith(b"sleep"):
                found.append(int(proc.name))
        return found


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
    screen = tmux.wait_for("繁體 (s2tw)")
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


def test_opening_a_page_in_a_big_library(tmux: Tmux, tmp_path: Path):
    import shutil

    library = tmp_path / "library"
    library.mkdir()
    samples = sorted((ROOT / "sample_articles").iterdir())
    for i in range(120):
        src = samples[i % len(samples)]
        shutil.copy(src, library / f"{i:03d}_{src.name}")
    shutil.copy(SAMPLE, library / "zz_the_one.txt")  # last in the queue
    tmux.start(f"{reader_command()} {shlex.quote(str(library))}")
    tmux.wait_for("reader · library")
    time.sleep(0.5)  # the table takes focus after the first paint
    tmux.press("/")
    tmux.wait_for("filter: title")
    tmux.press("-l", "zz_the")
    tmux.wait_for("1 match")
    tmux.press("Escape")
    started = time.monotonic()
    tmux.press("Enter")
    tmux.wait_for("马云回归阿里", timeout=30)
    took = time.monotonic() - started
    assert took < 10, f"the picked page took {took:.1f} s behind the queue"
    tmux.press("q")
    tmux.wait_for("READER-EXIT:0")


def test_resume_after_the_terminal_closes_without_q(tmux: Tmux):
    tmux.start(f"{reader_command()} {shlex.quote(str(SAMPLE))}")
    tmux.wait_for("马云回归阿里")
    tmux.press("t")
    tmux.wait_for("繁體")
    for _ in range(3):
        tmux.press("Space")
    screen = tmux.wait_for("¶")
    import re

    place = re.search(r"¶(\d+)/(\d+)", screen)
    time.sleep(0.3)
    place = re.search(r"¶(\d+)/(\d+)", tmux.screen()) or place
    assert place and int(place.group(1)) > 1
    tmux.kill_window()  # no q: the terminal goes away
    deadline = time.monotonic() + 10
    state = tmux.tmp / "state" / "reader" / "state.json"
    while time.monotonic() < deadline and not state.exists():
        time.sleep(0.1)
    assert state.exists(), "nothing was saved when the terminal closed"
    while time.monotonic() < deadline and tmux.app_processes():
        time.sleep(0.1)
    assert not tmux.app_processes(), "the app outlived its terminal"
    tmux.start(f"{reader_command()} {shlex.quote(str(SAMPLE))}")
    tmux.wait_for("繁體")  # the script it was read in, and the place:
    tmux.wait_for(f"¶{place.group(1)}/")
    tmux.press("q")
    tmux.wait_for("READER-EXIT:0")
