"""`reader` itself: --help, printing when stdout is not a terminal, the bundled samples."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader.cli.open_app import sample_dir

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_articles" / "000_31fe68bfaaceb0bd.txt"


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], input=stdin, capture_output=True, timeout=60, cwd=cwd
    )


def test_help():
    out = run("--help")
    assert out.returncode == 0
    assert b"usage: reader" in out.stdout
    assert b"PATH" in out.stdout


def test_path_with_stdout_not_a_terminal_prints_clean_text():
    out = run(str(SAMPLE))
    assert out.returncode == 0
    text = out.stdout.decode("utf-8")
    assert text.startswith("2024年12月,蚂蚁集团")  # what `reader clean` prints: the body
    clean = subprocess.run([sys.executable, "-m", "reader", "clean", str(SAMPLE)], capture_output=True, timeout=60)
    assert out.stdout == clean.stdout


def test_stdin_with_stdout_not_a_terminal(tmp_path: Path):
    out = run("-", stdin=SAMPLE.read_bytes(), cwd=tmp_path)
    assert out.returncode == 0
    assert out.stdout.decode("utf-8").startswith("2024年12月,蚂蚁集团")


def test_no_arguments_uses_the_bundled_samples_from_anywhere(tmp_path: Path):
    assert sample_dir().is_dir()
    assert len(list(sample_dir().glob("*.txt"))) >= 5
    out = run(cwd=tmp_path)
    assert out.returncode == 0
    assert out.stdout.decode("utf-8").count("==> ") >= 5


def test_missing_file_is_reported(tmp_path: Path):
    out = run(str(tmp_path / "nope.html"))
    assert out.returncode == 1
    assert b"no such file" in out.stderr
