"""Shared fixtures: where the pufu-editor samples are, and isolated user folders."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INTEROP = ROOT.parent / "shared" / "interop"


def pytest_configure(config: pytest.Config) -> None:
    """One font cache per test process, outside the user's folders (fontconfig reads its
    configuration once per process, so it must not move between tests)."""
    if "PUFU_CACHE_DIR" not in os.environ:
        os.environ["PUFU_CACHE_DIR"] = tempfile.mkdtemp(prefix="pufu-test-cache-")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's state, config or recent-projects folders."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("PUFU_STATE_DIR", str(base / "state"))
    monkeypatch.setenv("PUFU_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("PUFU_LANG", "ja")


@pytest.fixture
def interop() -> Path:
    if not INTEROP.is_dir():
        pytest.skip("shared/interop is not beside this checkout")
    return INTEROP


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """pufu's messages in English (``PUFU_LANG=en``, and English settings in use): for tests that
    read its English wording."""
    from pufu.settings import Settings, use

    monkeypatch.setenv("PUFU_LANG", "en")
    with use(Settings(lang="en")):
        yield
