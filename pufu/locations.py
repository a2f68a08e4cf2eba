"""Every folder pufu keeps files in, named in one place.

- config: ``settings.toml`` (``PUFU_CONFIG_DIR``, else ``~/.config/pufu`` on Linux);
- state: recovery copies and the recent-projects list (``PUFU_STATE_DIR``, else
  ``~/.local/state/pufu``);
- cache: the fontconfig file and font cache of the diagrams (``PUFU_CACHE_DIR``, else
  ``~/.cache/pufu``).

Each variable moves its folder (the tests point them at temporary ones). The folders are
looked up when asked for, not at import, and nothing is created here. This module imports
nothing heavy: :mod:`pufu.model` may use it.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "pufu"
CONFIG_ENV = "PUFU_CONFIG_DIR"
STATE_ENV = "PUFU_STATE_DIR"
CACHE_ENV = "PUFU_CACHE_DIR"


def _override(variable: str) -> Path | None:
    value = os.environ.get(variable)
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    """The folder of ``settings.toml``."""
    override = _override(CONFIG_ENV)
    if override is not None:
        return override
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP, appauthor=False))


def state_dir() -> Path:
    """The folder of the recovery copies and the recent-projects list."""
    override = _override(STATE_ENV)
    if override is not None:
        return override
    from platformdirs import user_state_dir

    return Path(user_state_dir(APP, appauthor=False))


def cache_dir() -> Path:
    """The folder of the fontconfig file and font cache (safe to delete)."""
    override = _override(CACHE_ENV)
    if override is not None:
        return override
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP, appauthor=False))


def settings_file() -> Path:
    """Where the settings file is (it need not exist)."""
    return config_dir() / "settings.toml"


def recent_file() -> Path:
    """The list of recently opened projects."""
    return state_dir() / "recent.json"


def recovery_dir() -> Path:
    """The folder of the editor's recovery copies."""
    return state_dir() / "recovery"
