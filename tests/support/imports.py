"""What a piece of code imports, run in a fresh interpreter (the walls between stages
and the start-up path are checked on what is really loaded, not on the source alone)."""
from __future__ import annotations

import json
import subprocess
import sys


def modules_after(code: str, *args: str) -> set[str]:
    """The names in `sys.modules` after running `code` (with `args` as sys.argv[1:])."""
    probe = code + "\nimport sys as _s, json as _j\nprint(_j.dumps(sorted(_s.modules)))\n"
    out = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


def packages(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}
