"""Writing files the reader makes (output articles, exports, state, the clipboard
fallback) atomically: a temporary file beside the target, flushed to disk, then renamed
over it, so an interrupted write, a full disk or two processes at once never leave a
half-written file or destroy the old one."""
from __future__ import annotations

import os
from pathlib import Path


def write_atomic(path: Path, text: str) -> None:
    """`text` (UTF-8, "\\n" line ends) to `path`; raises OSError, and then `path` is as it was."""
    folder = path.parent if str(path.parent) else Path(".")
    import tempfile  # only runs that write files pay for it (3 ms at start)

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)  # unique per process and call
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


__all__ = ["write_atomic"]
