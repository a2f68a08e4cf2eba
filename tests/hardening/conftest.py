"""The editor tests here run ``async def`` tests as tests/tui does (no asyncio plugin needed)."""

from __future__ import annotations

from ..tui.conftest import pytest_pyfunc_call  # noqa: F401 - a hook, registered by its name
