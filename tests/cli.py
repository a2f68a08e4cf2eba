"""Running ``pufu`` in the test's process, as a user would from the shell."""

from __future__ import annotations

import pytest


def pufu(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``pufu ARGV...``: its exit code, standard output and standard error."""
    from pufu.cli.main import main

    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
