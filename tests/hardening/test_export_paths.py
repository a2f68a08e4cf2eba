"""Export paths: pufu writes only what the user named, never a name made from the project's
title, never outside the named file or folder, and never replaces a file without --force."""

from __future__ import annotations

from pathlib import Path

import pytest

from pufu.cli.main import main
from pufu.model import Project, save_project

EVIL_TITLES = ["../../evil", "/etc/x", "..", "a/b\\c", "~/.ssh/x", "C:\\Windows\\x"]


def evil_project(title: str) -> Project:
    project = Project(title=title)
    chart = project.draft
    chart.set_text(chart.goal, "目標")
    purpose = chart.add_purpose("状態")
    chart.add_measure(purpose, "施策")
    project.snapshot(title, title, "2026-01-01")
    chart.set_text(chart.win, "勝利条件が変わった")
    project.snapshot(title, "", "2026-02-01")
    chart.set_text(chart.goal, "下書きで変えた")
    return project


def tree(root: Path) -> set[Path]:
    return {path for path in root.rglob("*") if path.is_file()}


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with one project; the current folder is a sub-folder of it, so a
    path made from a title like ../../evil would land inside the sandbox, where it is seen."""
    work = tmp_path / "a" / "b" / "work"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    return tmp_path


def one_error(capsys: pytest.CaptureFixture[str]) -> str:
    """The one error line on stderr (warnings may come before it, nothing else)."""
    lines = capsys.readouterr().err.splitlines()
    errors = [line for line in lines if line.startswith("pufu: エラー: ")]
    assert len(errors) == 1 and all(line.startswith("pufu: 警告: ") for line in lines if line not in errors), lines
    return errors[0]


@pytest.mark.parametrize("title", EVIL_TITLES)
def test_a_title_never_becomes_a_path(sandbox: Path, title: str, capsys: pytest.CaptureFixture[str]) -> None:
    work = Path.cwd()
    save_project(evil_project(title), work / "plan.pufu.json", None)
    out = work / "out"
    out.mkdir()
    before = tree(sandbox)
    runs = [
        ["export", "plan.pufu.json", "-f", "dot", "--all-phases", "-o", "out"],
        ["export", "plan.pufu.json", "-f", "pufu-editor", "--all-phases", "-o", "out/map.json"],
        ["export", "plan.pufu.json", "-f", "md", "--all-phases", "-o", "out/all.md"],
        ["export", "plan.pufu.json", "-f", "svg", "--all-phases", "-o", "out/stem"],
        ["export", "plan.pufu.json", "-f", "pptx", "-o", "out/deck.pptx"],
        ["report", "plan.pufu.json", "-o", "out/review.md", "--diagrams"],
    ]
    for run in runs:
        assert main(run) == 0, capsys.readouterr().err
    written = {path.relative_to(work) for path in tree(sandbox) - before}
    assert written == {
        Path("out/plan-phase01.dot"), Path("out/plan-phase02.dot"),
        Path("out/map.json"), Path("out/all.md"),
        Path("out/stem-phase01.svg"), Path("out/stem-phase02.svg"),
        Path("out/deck.pptx"),
        Path("out/review.md"), Path("out/review-diagrams/step-1-2.svg"), Path("out/review-diagrams/step-2-draft.svg"),
    }


@pytest.mark.parametrize(
    "run",
    [
        ["export", "plan.pufu.json", "-f", "md", "-o", "{out}/x.md"],
        ["export", "plan.pufu.json", "-f", "pufu-editor", "-o", "{out}/x.json"],
        ["export", "plan.pufu.json", "-f", "dot", "-o", "{out}/x.dot"],
        ["export", "plan.pufu.json", "-f", "png", "-o", "{out}/x.png"],
        ["export", "plan.pufu.json", "-f", "pptx", "-o", "{out}/x.pptx"],
        ["export", "plan.pufu.json", "-f", "dot", "--all-phases", "-o", "{out}/x"],
        ["export", "plan.pufu.json", "-f", "pufu-editor", "--all-phases", "-o", "{out}/map.json"],
        ["report", "plan.pufu.json", "-o", "{out}/review.md"],
        ["report", "plan.pufu.json", "-o", "{out}/review.md", "--diagrams"],
        ["import", "{out}/map.json", "-o", "{out}/imported.pufu.json"],
    ],
    ids=lambda run: "-".join(part for part in run if not part.startswith(("{", "plan"))),
)
def test_no_output_file_is_replaced_without_force(
    sandbox: Path, run: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    work = Path.cwd()
    save_project(evil_project("計画"), work / "plan.pufu.json", None)
    out = work / "out"
    out.mkdir()
    if run[0] == "import":
        assert main(["export", "plan.pufu.json", "-f", "pufu-editor", "--all-phases", "-o", str(out / "map.json")]) == 0
    args = [part.format(out=out) for part in run]
    before = tree(out)
    assert main(args) == 0, capsys.readouterr().err
    capsys.readouterr()
    written = tree(out) - before
    for path in written:  # every file it wrote, diagrams next to a report included
        path.write_bytes(b"precious")
    assert main(args) == 2
    assert "--force" in one_error(capsys)
    assert {path: path.read_bytes() for path in written} == dict.fromkeys(written, b"precious")
    assert tree(out) == before | written
    assert main([*args, "--force"]) == 0
    capsys.readouterr()
    assert all(path.read_bytes() != b"precious" for path in written)


def test_diagrams_next_to_a_report_are_not_replaced_even_when_the_report_is_new(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    work = Path.cwd()
    save_project(evil_project("計画"), work / "plan.pufu.json", None)
    folder = work / "review-diagrams"
    folder.mkdir()
    (folder / "step-1-2.svg").write_bytes(b"precious")
    assert main(["report", "plan.pufu.json", "-o", "review.md", "--diagrams"]) == 2
    assert "step-1-2.svg" in one_error(capsys)
    assert (folder / "step-1-2.svg").read_bytes() == b"precious"
    assert not (work / "review.md").exists() and sorted(folder.iterdir()) == [folder / "step-1-2.svg"]


@pytest.mark.parametrize(
    "run",
    [
        ["export", "plan.pufu.json", "-f", "md", "-o", "{folder}"],
        ["export", "plan.pufu.json", "-f", "png", "-o", "{folder}"],
        ["export", "plan.pufu.json", "-f", "pptx", "-o", "{folder}", "--force"],
        ["report", "plan.pufu.json", "-o", "{folder}"],
        ["report", "plan.pufu.json", "-o", "{folder}", "--diagrams"],
        ["report", "plan.pufu.json", "-o", "{folder}", "--diagrams", "--force"],
        ["import", "{folder}", "-o", "x.pufu.json"],
        ["import", "plan.pufu.json.md", "-o", "{folder}", "--force"],
    ],
    ids=lambda run: "-".join(part for part in run if not part.startswith(("{", "plan"))),
)
def test_a_folder_where_a_file_is_expected_is_one_line_error(
    sandbox: Path, run: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    work = Path.cwd()
    save_project(evil_project("計画"), work / "plan.pufu.json", None)
    assert main(["export", "plan.pufu.json", "-f", "pufu-editor", "-o", "plan.pufu.json.md"]) == 0
    folder = work / "named"
    folder.mkdir()
    before = tree(sandbox)
    capsys.readouterr()
    assert main([part.format(folder=folder) for part in run]) == 2
    assert "folder" in one_error(capsys)
    assert tree(sandbox) == before


def test_a_file_where_the_diagrams_folder_goes_is_one_line_error(
    sandbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    work = Path.cwd()
    save_project(evil_project("計画"), work / "plan.pufu.json", None)
    (work / "review-diagrams").write_bytes(b"precious")
    assert main(["report", "plan.pufu.json", "-o", "review.md", "--diagrams", "--force"]) == 2
    one_error(capsys)
    assert (work / "review-diagrams").read_bytes() == b"precious" and not (work / "review.md").exists()
