"""`pufu metric`: a lead sets targets, records values at each phase, and reads the trajectory;
bad input is one line naming the file, exit 2, and the file stays exactly as it was."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pufu.cli.main import main


def pufu(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(["--lang", "ja", *argv])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "plan.pufu.json"
    assert pufu(capsys, "new", str(path), "--title", "問い合わせ率を下げる")[0] == 0
    return path


def test_targets_values_at_each_phase_and_the_list(project: Path, capsys) -> None:
    p = str(project)
    code, _, err = pufu(
        capsys, "metric", "add", p, "問い合わせ率", "--target", "0.18", "--baseline", "0.25",
        "--unit", "件/顧客", "--lower-is-better",
    )
    assert code == 0 and "問い合わせ率" in err and "勝利条件" in err
    assert pufu(capsys, "metric", "set", p, "問い合わせ率", "0.25")[0] == 0
    assert pufu(capsys, "snapshot", p, "--title", "計画", "--date", "2026-04-01")[0] == 0
    assert pufu(capsys, "metric", "set", p, "問い合わせ率", "0.21")[0] == 0
    assert pufu(capsys, "snapshot", p, "--title", "公開", "--date", "2026-06-01")[0] == 0
    assert pufu(capsys, "metric", "set", p, " 問い合わせ率 ", "0.2")[0] == 0
    assert pufu(capsys, "metric", "add", p, "ワンストップ処理率", "--target", "80", "--unit", "%")[0] == 0
    code, out, _ = pufu(capsys, "metric", "list", p)
    assert code == 0
    assert out.splitlines() == [
        "名前\t単位\t向き\t起点\t目標\t局面1\t局面2\t下書き",
        "問い合わせ率\t件/顧客\t低いほど良い\t0.25\t0.18\t0.25\t0.21\t0.2",
        "ワンストップ処理率\t%\t高いほど良い\t—\t80\t—\t—\t—",
    ]
    code, out, _ = pufu(capsys, "metric", "list", p, "--format", "json")
    data = json.loads(out)
    assert [row["name"] for row in data] == ["問い合わせ率", "ワンストップ処理率"]
    assert data[0]["values"] == [
        {"phase": 1, "value": 0.25},
        {"phase": 2, "value": 0.21},
        {"phase": "draft", "value": 0.2},
    ]
    assert data[0]["direction"] == "lower" and data[1]["target"] == 80


def test_edit_and_remove(project: Path, capsys) -> None:
    p = str(project)
    pufu(capsys, "metric", "add", p, "月間問い合わせ数", "--target", "-30", "--unit", "%", "--lower-is-better")
    code, _, _ = pufu(
        capsys, "metric", "edit", p, "月間問い合わせ数", "--name", "問い合わせ率", "--target", "0.18",
        "--baseline", "0.25", "--unit", "件/顧客", "--note", "管理職と合意",
    )
    assert code == 0
    metric = json.loads(project.read_text(encoding="utf-8"))["draft"]["metrics"][0]
    assert (metric["name"], metric["target"], metric["baseline"], metric["unit"], metric["note"], metric["direction"]) == (
        "問い合わせ率", 0.18, 0.25, "件/顧客", "管理職と合意", "lower"
    )
    assert pufu(capsys, "metric", "edit", p, "問い合わせ率", "--higher-is-better", "--target", "none")[0] == 0
    metric = json.loads(project.read_text(encoding="utf-8"))["draft"]["metrics"][0]
    assert metric["direction"] == "higher" and "target" not in metric
    assert pufu(capsys, "metric", "remove", p, "問い合わせ率")[0] == 0
    assert json.loads(project.read_text(encoding="utf-8"))["draft"]["metrics"] == []


def test_part_by_the_start_of_its_text(project: Path, capsys) -> None:
    from pufu.model import load_project, save_project

    proj, stamp = load_project(project)
    purpose = proj.draft.add_purpose("FAQで自己解決できている状態")
    proj.draft.add_purpose("FAQの記事が測れている状態")
    save_project(proj, project, stamp)
    p = str(project)
    assert pufu(capsys, "metric", "add", p, "自己解決率", "--unit", "%", "--part", "FAQで")[0] == 0
    metric = json.loads(project.read_text(encoding="utf-8"))["draft"]["metrics"][0]
    assert metric["part"] == purpose
    code, _, err = pufu(capsys, "metric", "add", p, "閲覧数", "--part", "FAQ")
    assert code == 2 and "2個" in err and str(project) in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["set", "{p}", "CSAT", "4"], "評価指標「CSAT」はありません（あるもの: 問い合わせ率）"),
        (["set", "{p}", "問い合わせ率", "たくさん"], "数値ではありません"),
        (["set", "{p}", "問い合わせ率", "nan"], "数値ではありません"),
        (["set", "{p}", "問い合わせ率", "inf"], "数値ではありません"),
        (["set", "{p}", "問い合わせ率", "1e999"], "数値ではありません"),
        (["add", "{p}", "問い合わせ率"], "もうあります"),
        (["add", "{p}", "ＣＳＡＴ", "--target", "NaN"], "数値ではありません"),
        (["add", "{p}", "CSAT", "--part", "存在しない"], "で始まる勝利条件・中間目的はありません"),
        (["edit", "{p}", "問い合わせ率"], "変更する項目がありません"),
        (["edit", "{p}", "問い合わせ率", "--baseline=-inf"], "数値ではありません"),
        (["remove", "{p}", "CSAT"], "はありません"),
    ],
)
def test_bad_input_is_one_line_naming_the_file_and_changes_nothing(
    project: Path, capsys, argv: list[str], message: str
) -> None:
    p = str(project)
    assert pufu(capsys, "metric", "add", p, "問い合わせ率", "--target", "0.18", "--lower-is-better")[0] == 0
    before = project.read_bytes()
    code, out, err = pufu(capsys, "metric", *(a.format(p=p) for a in argv))
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"pufu: エラー: {p}: ") and message in err
    assert project.read_bytes() == before


def test_a_version_1_file_gets_a_yardstick_and_becomes_version_2(tmp_path: Path) -> None:
    old = tmp_path / "old.pufu.json"
    demo = json.loads((Path(__file__).parents[2] / "pufu" / "data" / "demo.pufu.json").read_text(encoding="utf-8"))
    demo["version"] = 1
    for chart in [demo["draft"], *(phase["chart"] for phase in demo["phases"])]:
        chart.pop("metrics", None)
    old.write_text(json.dumps(demo, ensure_ascii=False, indent=2), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pufu.cli.main", "metric", "add", str(old), "NPS", "--target", "30"],
        capture_output=True, text=True, env={"PUFU_LANG": "en", "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 0, run.stderr
    saved = json.loads(old.read_text(encoding="utf-8"))
    assert saved["version"] == 2 and saved["draft"]["metrics"][0]["name"] == "NPS"
    assert all("metrics" in phase["chart"] for phase in saved["phases"])
