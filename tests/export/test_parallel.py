"""Diagrams of every phase, and the report's diff diagrams, drawn by worker processes
(``--jobs``): the same files, byte for byte, as one process drawing them in turn."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pufu.model import Chart, Project, save_project

from ..cli import pufu


def changing_project(folder: Path, phases: int = 4) -> Path:
    """A project whose phases differ (texts, progress, a 施策 added, the draft changed after)."""
    chart = Chart.blank()
    chart.set_text(chart.goal, "問い合わせ率を下げる")
    purpose = chart.add_purpose("FAQで自己解決できている状態")
    first = chart.add_measure(purpose, "上位20件の記事を書く", color="red", progress=10)
    project = Project(title="セルフサービス", draft=chart)
    for number in range(1, phases + 1):
        chart.set_progress(first, number * 20)
        chart.add_measure(purpose, f"施策{number}: 問い合わせを分類する", color="blue")
        project.snapshot(title=f"局面{number}", happened=f"出来事{number}", date="2025-05-01")
    chart.set_text(chart.win, "問い合わせが月100件以下")
    path = folder / "self-service.pufu.json"
    save_project(project, path, None)
    return path


def files(folder: Path) -> dict[str, bytes]:
    """Each file's bytes; a PDF's creation time (cairo writes the clock's) masked."""
    return {
        path.name: re.sub(rb"/CreationDate \(D:\d+Z\)", b"/CreationDate (D:0Z)", path.read_bytes())
        for path in sorted(folder.iterdir())
    }


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_all_phases_drawn_by_workers_are_the_files_of_a_serial_run(tmp_path: Path, capsys, fmt: str) -> None:
    project = changing_project(tmp_path)
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    serial.mkdir()
    parallel.mkdir()
    code, _, err = pufu(capsys, "export", str(project), "-f", fmt, "--all-phases", "-o", f"{serial}/", "--jobs", "1")
    assert code == 0, err
    code, _, err = pufu(capsys, "export", str(project), "-f", fmt, "--all-phases", "-o", f"{parallel}/", "-j", "3")
    assert code == 0, err
    assert "wrote 4 files" in err
    written = files(parallel)
    assert list(written) == [f"self-service-phase0{n}.{fmt}" for n in range(1, 5)]
    assert written == files(serial)
    assert len(set(written.values())) == 4  # every phase its own picture


def test_report_diagrams_drawn_by_workers_are_the_files_of_a_serial_run(tmp_path: Path, capsys) -> None:
    project = changing_project(tmp_path)
    for name, jobs in (("serial", "1"), ("parallel", "2")):
        (tmp_path / name).mkdir()
        code, _, err = pufu(
            capsys, "report", str(project), "-o", str(tmp_path / name / "review.md"), "--diagrams", "--jobs", jobs
        )
        assert code == 0, err
    parallel = files(tmp_path / "parallel" / "review-diagrams")
    assert list(parallel) == ["step-1-2.svg", "step-2-3.svg", "step-3-4.svg", "step-4-draft.svg"]
    assert parallel == files(tmp_path / "serial" / "review-diagrams")
    assert (tmp_path / "parallel" / "review.md").read_bytes() == (tmp_path / "serial" / "review.md").read_bytes()


@pytest.mark.usefixtures("english")
def test_no_workers_is_refused_in_one_line(tmp_path: Path, capsys) -> None:
    project = changing_project(tmp_path, phases=2)
    code, out, err = pufu(capsys, "export", str(project), "-f", "svg", "--all-phases", "-o", f"{tmp_path}/", "--jobs", "0")
    assert code == 2
    assert err.strip().endswith("--jobs must be 1 or more; got 0")
    assert len(err.strip().splitlines()) == 1
    assert not list(tmp_path.glob("*.svg"))
    code, _, err = pufu(capsys, "export", str(project), "-f", "pptx", "-o", str(tmp_path / "d.pptx"), "-j", "-1")
    assert code == 2
    assert err.strip().endswith(": --jobs must be 1 or more; got -1")
    assert not (tmp_path / "d.pptx").exists()


def test_a_deck_of_every_phase_laid_out_by_workers_is_the_deck_of_a_serial_run(tmp_path: Path, capsys) -> None:
    import shutil

    from pufu.locations import cache_dir

    project = changing_project(tmp_path, phases=3)
    decks = {}
    for jobs in ("1", "2"):
        shutil.rmtree(cache_dir() / "fit", ignore_errors=True)  # every slide searched afresh
        out = tmp_path / f"deck-{jobs}.pptx"
        code, _, err = pufu(capsys, "export", str(project), "-f", "pptx", "-o", str(out), "--jobs", jobs)
        assert code == 0, err
        decks[jobs] = out.read_bytes()
    assert decks["2"] == decks["1"]


def test_the_editors_export_dialog_makes_the_deck_of_every_phase(tmp_path: Path, capsys) -> None:
    """In the editor, standard error has no file descriptor to hand to workers: the deck is made
    all the same (in the editor's own process), the bytes of ``pufu export --jobs 1``."""
    import asyncio

    from textual.widgets import Button, Select

    from pufu.model import load_project
    from pufu.tui.export_dialog import ExportDialog
    from tests.export.test_export_cli import Host

    path = changing_project(tmp_path, phases=3)
    code, _, err = pufu(capsys, "export", str(path), "-f", "pptx", "-o", str(tmp_path / "cli.pptx"), "--jobs", "1")
    assert code == 0, err
    project, _ = load_project(path)
    host = Host(ExportDialog(project, None, tmp_path))

    async def export() -> None:
        async with host.run_test(size=(100, 40)) as pilot:
            host.dialog.query_one("#format", Select).value = "pptx"
            await pilot.pause()
            host.dialog.query_one("#export", Button).press()
            await pilot.pause()
            await host.workers.wait_for_complete()
            await pilot.pause()

    asyncio.run(export())
    assert host.result is not None and len(host.result) == 1
    assert host.result[0].read_bytes() == (tmp_path / "cli.pptx").read_bytes()
