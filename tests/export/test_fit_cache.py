"""The layout found for a slide is kept in the cache folder: exporting the same chart again
gives the same bytes without searching again, and anything else searches afresh."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pufu.export import fit
from pufu.export.diagram import Header, render
from pufu.model import Chart


@pytest.fixture(autouse=True)
def own_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """This test's own layout folder: the test processes share one cache folder (one font
    set-up), and another test's export would add entries to it meanwhile."""
    monkeypatch.setattr(fit, "_folder", lambda: tmp_path / "fit")


def chart() -> Chart:
    chart = Chart.blank()
    chart.set_text(chart.goal, "問い合わせ率を下げる")
    purpose = chart.add_purpose("FAQで自己解決できている状態")
    chart.add_measure(purpose, "上位20件の記事を書く", color="red", progress=40)
    chart.add_measure(purpose, "問い合わせを分類する", color="blue")
    return chart


HEADER = Header("セルフサービス", 2, "局面2", "2025-05-01")


def kept() -> list:
    folder = fit._folder()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def cold(sheet: Chart, fmt: str = "png") -> bytes:
    shutil.rmtree(fit._folder(), ignore_errors=True)
    return render(sheet, fmt, header=HEADER)


def test_exporting_again_gives_the_same_bytes_from_the_kept_layout() -> None:
    sheet = chart()
    first = cold(sheet)
    entries = kept()
    assert len(entries) == 1
    assert render(sheet, "png", header=HEADER) == first
    assert kept() == entries
    # the kept layout is what the second export used: another one kept gives another picture
    entry = json.loads(entries[0].read_text(encoding="utf-8"))
    entry["layout"]["panel_columns"] = 3 - entry["layout"]["panel_columns"]
    entries[0].write_text(json.dumps(entry), encoding="utf-8")
    assert render(sheet, "png", header=HEADER) != first


def test_a_damaged_entry_is_searched_again() -> None:
    sheet = chart()
    first = cold(sheet)
    assert kept()
    for entry in kept():
        entry.write_text("{not json", encoding="utf-8")
    assert render(sheet, "png", header=HEADER) == first
    for entry in kept():
        entry.write_text('{"layout": {"no_such_field": 1}}', encoding="utf-8")
    assert render(sheet, "png", header=HEADER) == first


def test_a_changed_chart_header_or_canvas_is_searched_afresh() -> None:
    sheet = chart()
    cold(sheet, "svg")
    changed = Chart.from_data(sheet.to_data())
    changed.set_text(changed.win, "問い合わせが月100件以下になっている状態")
    warm = render(changed, "svg", header=HEADER)
    assert warm == cold(changed, "svg")
    other = Header("セルフサービス", 3, "局面3 とても長い題名の局面", "2025-06-01")
    cold(sheet, "svg")
    warm = render(sheet, "svg", header=other)
    shutil.rmtree(fit._folder())
    assert warm == render(sheet, "svg", header=other)
    shutil.rmtree(fit._folder())
    wide = render(sheet, "svg", header=HEADER)
    square = render(sheet, "svg", header=HEADER, size="4:3")
    assert wide != square
    assert len(kept()) == 2  # 16:9 and 4:3: one entry each
    shutil.rmtree(fit._folder())
    assert render(sheet, "svg", header=HEADER, size="4:3") == square
