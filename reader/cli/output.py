"""Where `reader clean` puts what it renders: standard output (one article after
another, a JSON array streamed element by element) or one file per article under
`--output-dir`, written atomically so an interrupted run never leaves half a file and
a rerun resumes where it stopped.

Write failures (a full disk, a closed stdout) become `OutputError`, one line for the
user; a reader that went away (`| head`) is `BrokenPipeError`, a quiet stop.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from reader.errors import os_reason
from reader.files import write_atomic
from reader.sources import RawPage

EXTENSIONS = {"text": ".txt", "markdown": ".md", "json": ".json", "jsonl": ".json"}


class OutputError(Exception):
    """Output could not be written; the message is one line for the user."""


def describe(exc: OSError, what: str) -> OutputError:
    return OutputError(f"cannot write {what}: {os_reason(exc)}")


class StdoutSink:
    """Articles to standard output; JSON as one streamed array when several."""

    def __init__(self, stream: TextIO | None, fmt: str, several: bool) -> None:
        if stream is None:
            raise OutputError("cannot write standard output: it is closed")
        self.stream = stream
        self.json_array = fmt == "json" and several
        self.count = 0

    def write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise describe(exc, "standard output") from None
        except ValueError:  # write to a closed file
            raise OutputError("cannot write standard output: it is closed") from None

    def article_json(self, data: dict[str, Any]) -> str:
        text = json.dumps(data, ensure_ascii=False, indent=2)
        if not self.json_array:
            return text + "\n"
        # The same bytes json.dumps(list, indent=2) gives, one element at a time.
        element = "\n".join("  " + line for line in text.splitlines())
        return ("[\n" if self.count == 0 else ",\n") + element

    def close(self, any_output: bool) -> None:
        if self.json_array:
            self.write("\n]\n" if self.count else "[]\n")


class DirSink:
    """One file per article under `root`, mirroring the input tree."""

    def __init__(self, root: Path, fmt: str, overwrite: bool) -> None:
        self.root = root
        self.ext = EXTENSIONS[fmt]
        self.overwrite = overwrite
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise describe(exc, f"{root}") from None
        if not root.is_dir():
            raise OutputError(f"cannot write to {root}: not a folder")

    def path_for(self, raw_relpath: str) -> Path:
        rel = Path(raw_relpath or "page")
        parts = [p for p in rel.parts if p not in ("", ".", "..", "/")] or ["page"]
        return self.root.joinpath(*parts[:-1], parts[-1] + self.ext)

    def exists(self, raw: RawPage) -> bool:
        """Skip test for a resumed run: the output is there already."""
        return not self.overwrite and self.path_for(raw.relpath).exists()

    def write(self, relpath: str, text: str, input_name: str) -> Path:
        path = self.path_for(relpath)
        if _same_file(path, input_name):
            raise OutputError(f"{path}: refusing to overwrite an input file")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text)
        except OSError as exc:
            raise describe(exc, str(path)) from None
        return path


def _same_file(path: Path, input_name: str) -> bool:
    try:
        return os.path.samefile(path, input_name)
    except (OSError, ValueError):
        return False


def stdout_stream() -> TextIO | None:
    from reader.terminal import utf8_stream

    return utf8_stream(sys.stdout) if sys.stdout is not None else None


__all__ = ["OutputError", "StdoutSink", "DirSink", "EXTENSIONS", "stdout_stream"]
