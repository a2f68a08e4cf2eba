"""Text as pufu stores it (NFC, LF, trimmed) and lists it (one line, ⏎ for each line break)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pufu.model.texts import nfc, one_line


def test_typed_text_is_stored_in_nfc_with_lf_and_trimmed() -> None:
    assert nfc(" か\u3099\r\nき\rく\n ") == "が\nき\nく"


def test_a_text_is_listed_on_one_line_with_its_line_breaks_shown() -> None:
    assert one_line("見直し") == "見直し"
    assert one_line("一行目 \r\n  二行目\n三行目") == "一行目 ⏎ 二行目 ⏎ 三行目"
    assert one_line("a\tb") == "a b"


def test_pufu_phases_keeps_its_columns_whatever_the_title(tmp_path: Path) -> None:
    project = tmp_path / "p.pufu.json"
    run = [sys.executable, "-m", "pufu.cli.main"]
    subprocess.run([*run, "new", str(project)], check=True, capture_output=True)
    subprocess.run([*run, "snapshot", str(project), "--title", "計画\tA\n見直し", "--date", "2026-05-01"],
                   check=True, capture_output=True)
    out = subprocess.run([*run, "phases", str(project)], check=True, capture_output=True, text=True).stdout
    assert out.splitlines()[0].split("\t")[:3] == ["1", "計画 A ⏎ 見直し", "2026-05-01"]
