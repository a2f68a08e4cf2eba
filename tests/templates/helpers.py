"""Running the command line in-process, and telling Japanese text apart."""

from __future__ import annotations

import re

import pytest

from pufu.cli.main import main

#: Hiragana, katakana, CJK ideographs and punctuation, full-width forms: none belongs in English.
JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def pufu(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse: --help, usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
