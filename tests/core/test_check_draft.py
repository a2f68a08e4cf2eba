"""``pufu check`` of the draft reads the file as strictly as every command (UTF-8, JSON, no key
written twice anywhere, the format, numbered phases, notes on phases that exist) but leaves the
recorded phases' charts to ``check --phase N`` and the commands that read them: that is most of
a big project's reading time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pufu.cli.main import main
from pufu.model import Chart, Project, save_project


def pufu(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def project_file(folder: Path) -> tuple[Path, dict]:
    chart = Chart.blank()
    chart.set_text(chart.goal, "問い合わせ率を下げる")
    purpose = chart.add_purpose("FAQで自己解決できている状態")
    chart.add_measure(purpose, "上位20件の記事を書く", color="red", progress=40)
    project = Project(title="セルフサービス", draft=chart)
    project.snapshot(title="局面1", date="2025-05-01")
    project.snapshot(title="局面2", date="2025-06-01")
    project.add_note(1, "山田", "good", "記事がよく読まれた")
    path = folder / "plan.pufu.json"
    save_project(project, path, None)
    return path, json.loads(path.read_text(encoding="utf-8"))


def write(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def test_check_of_the_draft_leaves_a_phases_chart_to_check_phase(tmp_path: Path, capsys) -> None:
    path, data = project_file(tmp_path)
    data["phases"][1]["chart"]["measures"][0]["color"] = "purple"
    write(path, data)
    code, out, err = pufu(capsys, "check", str(path))
    assert code == 0, err
    assert "エラー 0 件" in out
    code, out, err = pufu(capsys, "check", str(path), "--phase", "2")
    assert code == 2
    assert err.startswith(f"pufu: エラー: {path}: $.phases[1].chart.measures[0].color:")
    assert len(err.strip().splitlines()) == 1


@pytest.mark.usefixtures("english")
def test_check_of_the_draft_still_refuses_a_key_written_twice_in_a_phase(tmp_path: Path, capsys) -> None:
    path, _ = project_file(tmp_path)
    text = path.read_text(encoding="utf-8")
    at = text.index('"title": "局面2"')
    path.write_text(text[:at] + '"title": "局面0",\n      ' + text[at:], encoding="utf-8")
    code, _, err = pufu(capsys, "check", str(path))
    assert code == 2
    assert err.startswith(f"pufu: error: {path}: $.phases[1].title: this key is written twice (line ")
    assert err.strip().endswith("pufu will not guess which one counts")


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(
    ("change", "place"),
    [
        (lambda data: data["phases"][1].update(number=3), "$: phases[1] has number 3"),
        (lambda data: data["notes"][0].update(phase=3), "$: notes[0] refers to phase 3, which does not exist"),
        (lambda data: data["draft"]["measures"][0].update(progress="40"), "$.draft.measures[0].progress"),
        (lambda data: data["draft"].update(extra=1), "$.draft.extra"),
        (lambda data: data.update(phases={}), "$.phases"),
        ("NaN", "$.phases[0].chart.measures[0].progress"),
        ("Infinity", "$.phases[0].chart.measures[0].progress"),
    ],
)
def test_check_of_the_draft_refuses_what_every_command_refuses(tmp_path: Path, capsys, change, place) -> None:
    path, data = project_file(tmp_path)
    if isinstance(change, str):  # a number JSON does not allow, where a number goes
        write(path, data)
        text = path.read_text(encoding="utf-8").replace('"progress": 40', f'"progress": {change}', 1)
        path.write_text(text, encoding="utf-8")
    else:
        change(data)
        write(path, data)
    code, _, err = pufu(capsys, "check", str(path))
    assert code == 2
    assert err.startswith(f"pufu: error: {path}: {place}")
    code, _, whole = pufu(capsys, "phases", str(path))
    assert (code, whole) == (2, err)  # the same line as a command reading the whole file
