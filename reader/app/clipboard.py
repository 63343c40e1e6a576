"""Copying the article: a configured command, the terminal (OSC 52), or a file.

OSC 52 asks the terminal to set the clipboard; many terminals (and tmux without
``set-clipboard on``) drop it silently, and nothing tells the app.  So the message
says what was done and what to do if nothing arrives: a ``copy_command`` in the
settings (wl-copy, xclip, pbcopy…) is used when set, and `C` writes a file.
"""
from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path
from typing import Any

COMMAND_TIMEOUT = 5.0


def copy_text(app: Any, text: str) -> tuple[str, bool]:
    """Copy `text`; returns (what happened, in one sentence; whether it surely worked)."""
    command = app.settings.copy_command
    if command:
        return run_copy_command(command, text)
    app.copy_to_clipboard(text)
    hint = "if nothing pastes, your terminal ignores OSC 52: press C to save to a file, or set copy_command in settings.toml"
    if os.environ.get("TMUX"):
        hint = "inside tmux this needs 'set -g set-clipboard on'; else press C to save to a file, or set copy_command"
    return f"Sent {len(text)} characters to the terminal's clipboard (OSC 52); {hint}", False


def run_copy_command(command: str, text: str) -> tuple[str, bool]:
    try:
        argv = shlex.split(command)
    except ValueError as exc:
        return f"copy_command {command!r} cannot be parsed: {exc}", False
    if not argv:
        return "copy_command is empty", False
    try:
        done = subprocess.run(argv, input=text.encode("utf-8"), capture_output=True, timeout=COMMAND_TIMEOUT, check=False)
    except FileNotFoundError:
        return f"copy_command {argv[0]!r} was not found; press C to save to a file", False
    except subprocess.TimeoutExpired:
        return f"copy_command {argv[0]!r} did not finish in {COMMAND_TIMEOUT:.0f} s; press C to save to a file", False
    except OSError as exc:
        return f"copy_command {argv[0]!r} failed: {exc.strerror or exc}", False
    if done.returncode != 0:
        err = done.stderr.decode("utf-8", "replace").strip().splitlines()
        return f"copy_command {argv[0]!r} failed (exit {done.returncode}{': ' + err[-1][:80] if err else ''})", False
    return f"Copied {len(text)} characters with {argv[0]}", True


def clipboard_file() -> Path:
    from reader.app.state import state_dir

    return state_dir() / "clipboard.txt"


def copy_to_file(text: str, path: Path | None = None) -> tuple[str, bool]:
    from reader.files import write_atomic

    path = path or clipboard_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text)
    except OSError as exc:
        return f"Could not write {path}: {exc.strerror or exc}", False
    return f"Saved {len(text)} characters to {path}", True
