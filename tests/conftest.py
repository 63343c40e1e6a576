"""Every test runs with its own empty config and state folders, so a developer's
rules.toml or saved reading state never changes what a test sees."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True, scope="session")
def _isolated_xdg(tmp_path_factory: pytest.TempPathFactory):
    mp = pytest.MonkeyPatch()
    base = tmp_path_factory.mktemp("xdg")
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        (base / name).mkdir()
        mp.setenv(name, str(base / name))
    yield base
    mp.undo()
