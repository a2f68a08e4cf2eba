"""評価指標 in the diff, the report (a table and a chart per yardstick), the Markdown export and
the pufu-editor export."""

from __future__ import annotations

import base64
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pufu.cli.main import main
from pufu.export.markdown import chart_markdown
from pufu.export.report import build_report
from pufu.export.yardsticks import line_chart
from pufu.model import Chart, Project, save_project, tracks
from pufu.model.diff import MetricChangeKind, diff


def pufu(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "ja", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def measured_project() -> Project:
    """Monthly inquiries over three phases; then the win condition gets new yardsticks."""
    project = Project(title="セルフサービス立ち上げ")
    chart = project.draft
    chart.set_text(chart.win, "月間の問い合わせ件数が30%減っている")
    purpose = chart.add_purpose("FAQで自己解決できている状態")
    chart.add_measure(purpose, "記事を書く")
    monthly = chart.add_metric("月間問い合わせ数", unit="%", baseline=0, target=-30, direction="lower", value=0)
    chart.add_metric("自己解決率", unit="%", target=40, part=purpose, value=20)
    project.snapshot("計画", date="2026-04-06")
    chart.set_metric_value(monthly, 12)
    project.snapshot("公開", date="2026-06-08")
    chart.set_metric_value(monthly, -8)
    project.snapshot("予算削減", date="2026-07-13")
    chart.set_text(chart.win, "顧客あたりの問い合わせ率が0.18を下回り、ワンストップ処理率が80%を超える")
    chart.set_metric(monthly, target=-20)
    chart.add_metric("問い合わせ率", unit="件/顧客", baseline=0.25, target=0.18, direction="lower", value=0.25)
    project.snapshot("勝利条件を変える", date="2026-09-07")
    return project


def test_diff_lists_value_changes_and_flags_a_changed_target_as_decisive() -> None:
    project = measured_project()
    d = diff(project.phase_chart(1), project.phase_chart(2))
    assert [(m.kind, m.name, m.before, m.after) for m in d.metrics] == [
        (MetricChangeKind.VALUE, "月間問い合わせ数", 0, 12)
    ]
    assert not d.decisive_metrics and not d.structural
    d = diff(project.phase_chart(3), project.phase_chart(4))
    kinds = [(m.kind, m.name) for m in d.metrics]
    assert kinds[0] == (MetricChangeKind.TARGET, "月間問い合わせ数")  # decisive first
    assert (MetricChangeKind.ADDED, "問い合わせ率") in kinds
    assert d.decisive_metrics[0].before == -30 and d.decisive_metrics[0].after == -20
    assert d.to_json()["decisive"]["metrics"] is True
    assert d.win_changed


def test_diff_follows_a_yardstick_by_name_when_its_id_changed_and_sees_it_move() -> None:
    a = Chart()
    purpose = a.add_purpose("FAQ")
    a.add_metric("CSAT", target=4.5, value=4.1)
    b = a.copy()
    old = b.metrics()[0]
    b.remove_metric(old.id)
    b.add_metric("csat", target=4.5, value=4.1, direction="lower", part=purpose)
    found = {(m.kind, m.before, m.after) for m in diff(a, b).metrics}
    assert found == {
        (MetricChangeKind.RENAMED, "CSAT", "csat"),
        (MetricChangeKind.DIRECTION, "higher", "lower"),
        (MetricChangeKind.PART, "", "FAQ"),
    }
    b.remove_metric(b.metrics()[0].id)
    assert [(m.kind, m.name) for m in diff(a, b).metrics] == [(MetricChangeKind.REMOVED, "CSAT")]


def test_pufu_diff_shows_yardsticks_in_text_and_json(tmp_path: Path, capsys) -> None:
    path = tmp_path / "p.pufu.json"
    save_project(measured_project(), path, None)
    code, out, _ = pufu(capsys, "diff", str(path), "3", "4", "--color", "never")
    assert code == 0
    assert "!! 「月間問い合わせ数」の目標: -30% → -20%" in out
    assert "物差しが変わりました" in out
    assert "+ 評価指標を追加: 「問い合わせ率」 (0.25 件/顧客)" in out
    code, out, _ = pufu(capsys, "diff", str(path), "1", "2", "--format", "json")
    data = json.loads(out)
    assert data["metrics"] == [
        {"kind": "value", "metricId": data["metrics"][0]["metricId"], "name": "月間問い合わせ数",
         "unit": "%", "before": 0, "after": 12}
    ]


def test_the_report_has_a_table_and_a_chart_per_yardstick(tmp_path: Path, capsys) -> None:
    path = tmp_path / "p.pufu.json"
    save_project(measured_project(), path, None)
    report = tmp_path / "review.md"
    code, _, err = pufu(capsys, "report", str(path), "-o", str(report))
    assert code == 0 and "review-metrics" in err
    text = report.read_text(encoding="utf-8")
    assert "## 評価指標の推移" in text
    assert "### 月間問い合わせ数 (%, 低いほど良い)" in text
    rows = [line for line in text.splitlines() if line.startswith("| 3 | 2026-07-13 |")]
    assert "| 3 | 2026-07-13 | -8 | -30% | 0% | ✓ 起点より良い |" in rows
    assert "| 2 | 2026-06-08 | 12 | -30% | 0% | × 起点より悪い |" in text
    assert "![月間問い合わせ数の推移](review-metrics/metric-1.svg)" in text
    charts = sorted(p.name for p in (tmp_path / "review-metrics").iterdir())
    assert charts == ["metric-1.svg", "metric-2.svg", "metric-3.svg"]
    svg = ET.parse(tmp_path / "review-metrics" / "metric-1.svg").getroot()
    texts = [el.text for el in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert "月間問い合わせ数 (%, 低いほど良い)" in texts and "12 ×" in texts and "目標 -20%" in texts
    assert "> **「月間問い合わせ数」の目標: -30% → -20%**  " in text
    # a second run does not replace the charts without --force
    code, _, err = pufu(capsys, "report", str(path), "-o", str(report))
    assert code == 2 and "すでにあります" in err


def test_a_report_on_standard_output_carries_its_charts_inline(tmp_path: Path, capsys) -> None:
    path = tmp_path / "p.pufu.json"
    save_project(measured_project(), path, None)
    code, out, _ = pufu(capsys, "report", str(path))
    assert code == 0 and list(tmp_path.iterdir()) == [path]
    uris = re.findall(r"\]\(data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)\)", out)
    assert len(uris) == 3
    ET.fromstring(base64.b64decode(uris[0]))


def test_text_in_the_svg_is_escaped() -> None:
    project = Project()
    project.draft.add_metric('<script>alert("x")</script> & \x01\x1b[31m', unit="<b>", target=3, value=1)
    svg = line_chart(tracks(project)[0])
    root = ET.fromstring(svg)  # well-formed: nothing broke out
    assert not any(el.tag.endswith("script") for el in root.iter())
    assert "<script>" not in svg and "\x01" not in svg and "\x1b" not in svg
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None and title.text.startswith('<script>alert("x")</script> & \ufffd')


def test_markdown_lists_the_yardsticks_under_their_part() -> None:
    chart = Chart()
    chart.set_text(chart.win, "勝つ")
    purpose = chart.add_purpose("FAQ")
    chart.add_metric("問い合わせ率", unit="件/顧客", baseline=0.25, target=0.18, direction="lower", value=0.21)
    chart.add_metric("自己*解決率", unit="%", part=purpose)
    lines = chart_markdown(chart, "ja").splitlines()
    win = lines.index("- 勝利条件: 勝つ")
    assert lines[win + 1] == "  - 評価指標: 問い合わせ率 0.21 → 0.18 件/顧客 ✓"
    assert lines[win + 3] == "    - 評価指標: 自己\\*解決率 – → ○% ·"


def test_the_pufu_editor_export_names_the_yardsticks_it_cannot_hold(tmp_path: Path, capsys) -> None:
    path = tmp_path / "p.pufu.json"
    save_project(measured_project(), path, None)
    code, _, err = pufu(capsys, "export", str(path), "--format", "pufu-editor", "-o", str(tmp_path / "e.json"))
    assert code == 0 and "評価指標（3）" in err
    code, _, err = pufu(
        capsys, "export", str(path), "--format", "pufu-editor", "--all-phases", "-o", str(tmp_path / "m.json")
    )
    assert code == 0 and "評価指標（9）" in err


def test_the_report_without_yardsticks_has_no_such_section() -> None:
    project = Project(title="x")
    project.snapshot("a", date="2026-01-01")
    assert "評価指標" not in build_report(project, "ja", date="2026-01-02")


def test_the_replay_shows_each_phase_s_yardsticks_and_their_trajectory_so_far(tmp_path: Path) -> None:
    import asyncio

    from pufu.model import load_project
    from pufu.tui.review import ReviewApp
    from pufu.tui.review.sheet import Rows

    path = tmp_path / "p.pufu.json"
    save_project(measured_project(), path, None)

    async def run() -> list[str]:
        project, stamp = load_project(path)
        app = ReviewApp(project, path, stamp, lang="ja")
        seen = []
        async with app.run_test(size=(160, 48)) as pilot:
            for _ in range(4):
                await pilot.pause()
                seen.append(app.screen.query_one("#side", Rows).plain)
                await pilot.press("right")
        return seen

    one, two, three, four = asyncio.run(run())
    assert "月間問い合わせ数 0 → -30% ×  ▅" in one
    assert "月間問い合わせ数 12 → -30% ×  ▁█" in two
    assert "月間問い合わせ数 -8 → -30% ✓  ▄█▁" in three
    assert "!! 「月間問い合わせ数」の目標: -30% → -20%" in four
    assert "+ 評価指標を追加: 「問い合わせ率」 (0.25 件/顧客)" in four
