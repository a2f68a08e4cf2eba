"""The 勝利条件 and 中間目的 boxes of diagrams and slides list their 評価指標."""

from __future__ import annotations

import io
import zipfile

from pufu.export.deck import build_deck
from pufu.export.diagram import build_dot, render
from pufu.model import Chart, Project


def _project() -> tuple[Project, str]:
    chart = Chart()
    chart.set_text(chart.win, "問い合わせ率を下げる")
    purpose = chart.add_purpose("記事で自己解決できている状態")
    chart.add_measure(purpose, "上位50件の記事を書く")
    chart.add_metric("問い合わせ率", unit="件/社", direction="lower", baseline=0.25, target=0.18, value=0.21)
    chart.add_metric("自己解決率", unit="%", target=70, value=50, baseline=60, part=purpose)
    return Project(title="評価指標", draft=chart), purpose


def test_the_diagram_shows_each_yardstick_in_its_part_box() -> None:
    project, _ = _project()
    dot = build_dot(project.draft)
    assert "問い合わせ率 0.21 → 0.18 件/社 ✓" in dot  # better than the baseline
    assert "自己解決率 50 → 70% ×" in dot  # worse than the baseline
    svg = render(project.draft, "svg", size="16:9").decode("utf-8")
    assert "問い合わせ率" in svg and "自己解決率" in svg


def test_the_deck_shows_each_yardstick_in_its_part_shape() -> None:
    project, _ = _project()
    deck = zipfile.ZipFile(io.BytesIO(build_deck(project)))
    slide = deck.read("ppt/slides/slide1.xml").decode("utf-8")
    assert "問い合わせ率 0.21 → 0.18 件/社 ✓" in slide
    assert "自己解決率 50 → 70% ×" in slide
