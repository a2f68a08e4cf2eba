"""`pufu export` of diagrams and decks, the text wrapping behind labels, and the export dialog."""

from __future__ import annotations

import asyncio
import struct
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Button, Input, Select

from pufu.cli.commands.export import phase_paths
from pufu.model import Chart, Project, save_project
from pufu.text import NEWLINES, visible, width, wrap
from pufu.tui.export_dialog import ExportDialog, default_name

from ..cli import pufu


def make_project(folder: Path, phases: int = 3) -> tuple[Project, Path]:
    chart = Chart.blank()
    chart.set_text(chart.goal, "問い合わせ率を下げる")
    purpose = chart.add_purpose("FAQで自己解決できている状態")
    chart.add_measure(purpose, "上位20件の記事を書く", color="red", progress=40)
    project = Project(title="セルフサービス", draft=chart)
    for number in range(1, phases + 1):
        project.snapshot(title=f"局面{number}", happened=f"出来事{number}", date="2025-05-01")
    path = folder / "self-service.pufu.json"
    save_project(project, path, None)
    return project, path


def png_size(path: Path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])


# ---------------------------------------------------------------------- wrapping


def test_japanese_wraps_by_display_width_and_keeps_every_character() -> None:
    text = "問い合わせ率（顧客1社あたりの問い合わせ件数）を月次で計測し、ダッシュボードで全員が見られる状態にする。"
    lines = wrap(text, 20)
    assert len(lines) > 3 and "".join(lines) == text
    assert all(width(line) <= 22 for line in lines)
    assert not any(line[0] in "、。）" for line in lines[1:])  # 禁則: no line starts with these


def test_english_words_stay_whole_and_newlines_break() -> None:
    assert wrap("write the FAQ articles for the top twenty", 16) == [
        "write the FAQ ",
        "articles for the ",
        "top twenty",
    ]
    assert wrap("a\nb\r\nc", 10) == ["a", "b", "c"]
    assert wrap("", 10) == [""]


@pytest.mark.parametrize("text", ["x" * 500, "漢" * 300, "a\u0301" * 200, "\x00\x1b\t\x7f" * 10])
def test_wrapping_never_loses_text(text: str) -> None:
    assert "".join(wrap(text, 12)) == NEWLINES.sub("", visible(text))


# ---------------------------------------------------------------------- the command


def test_export_png_pdf_svg_dot_and_pptx(tmp_path: Path, capsys) -> None:
    _, project = make_project(tmp_path)
    for fmt in ("png", "pdf", "svg", "dot", "pptx"):
        out = tmp_path / f"plan.{fmt}"
        code, _, err = pufu(
            capsys, "export", str(project), "-f", fmt, "--phase", "2", "-o", str(out)
        )
        assert code == 0, err
        assert out.stat().st_size > 100
    assert png_size(tmp_path / "plan.png") == (1920, 1080)
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "plan.dot").read_text(encoding="utf-8").startswith("digraph pufu {")


def test_size_dpi_theme_and_comments_options(tmp_path: Path, capsys) -> None:
    _, project = make_project(tmp_path, phases=0)
    out = tmp_path / "a.png"
    args = ["export", str(project), "-f", "png", "--size", "4:3", "--dpi", "96", "--theme", "dark"]
    assert pufu(capsys, *args, "--comments", "-o", str(out))[0] == 0
    assert png_size(out) == (960, 720)
    code, _, err = pufu(
        capsys, "export", str(project), "-f", "png", "--dpi", "5", "-o", str(tmp_path / "b.png")
    )
    assert code == 2 and "dpi" in err


def test_an_existing_file_is_never_replaced_without_force(tmp_path: Path, capsys) -> None:
    _, project = make_project(tmp_path)
    out = tmp_path / "plan.png"
    out.write_bytes(b"mine")
    code, _, err = pufu(capsys, "export", str(project), "-f", "png", "-o", str(out))
    assert code == 2 and "--force" in err and err.count("\n") == 1
    assert out.read_bytes() == b"mine"
    assert pufu(capsys, "export", str(project), "-f", "png", "-o", str(out), "--force")[0] == 0
    assert out.read_bytes() != b"mine"


@pytest.mark.usefixtures("english")
def test_all_phases_writes_one_file_per_phase_to_a_stem_or_a_folder(tmp_path: Path, capsys) -> None:
    _, project = make_project(tmp_path)
    code, _, err = pufu(
        capsys, "export", str(project), "-f", "png", "--all-phases", "-o", str(tmp_path / "deck")
    )
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.glob("deck-phase*.png")) == [
        "deck-phase01.png",
        "deck-phase02.png",
        "deck-phase03.png",
    ]
    folder = tmp_path / "out"
    folder.mkdir()
    assert (
        pufu(capsys, "export", str(project), "-f", "svg", "--all-phases", "-o", str(folder))[0] == 0
    )
    assert len(list(folder.glob("self-service-phase0*.svg"))) == 3
    # nothing is written when one of the files exists
    (folder / "self-service-phase02.pdf").write_bytes(b"mine")
    code, _, err = pufu(
        capsys, "export", str(project), "-f", "pdf", "--all-phases", "-o", str(folder)
    )
    assert code == 2 and "already exists" in err
    assert not (folder / "self-service-phase01.pdf").exists()


def test_phase_paths() -> None:
    paths = phase_paths("x/plan.pufu.json", "-", "png", 120)
    assert paths[0] == Path("x/plan-phase001.png") and len(paths) == 120
    assert phase_paths("plan.pufu.json", "out/a.png", "png", 2)[1] == Path("out/a-phase02.png")


@pytest.mark.usefixtures("english")
def test_all_phases_without_phases_is_an_error(tmp_path: Path, capsys) -> None:
    _, project = make_project(tmp_path, phases=0)
    code, _, err = pufu(capsys, "export", str(project), "-f", "png", "--all-phases")
    assert code == 2 and "no phase" in err


# ---------------------------------------------------------------------- the dialog


class Host(App[None]):
    def __init__(self, dialog: ExportDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.result: list[Path | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.result.append)


def test_default_names_keep_japanese_titles() -> None:
    project = Project(title="セルフ/サービス: 計画")
    assert default_name(project, 2, "png") == "セルフ_サービス_ 計画-phase2.png"
    assert default_name(Project(), None, "pptx") == "pufu.pptx"


def test_dialog_writes_the_chosen_format_and_returns_the_path(tmp_path: Path) -> None:
    asyncio.run(_dialog_writes_the_chosen_format_and_returns_the_path(tmp_path))


async def _dialog_writes_the_chosen_format_and_returns_the_path(tmp_path: Path) -> None:
    project, _ = make_project(tmp_path)
    host = Host(ExportDialog(project, 2, tmp_path))
    async with host.run_test(size=(100, 40)) as pilot:
        dialog = host.dialog
        dialog.query_one("#format", Select).value = "svg"
        await pilot.pause()
        path_input = dialog.query_one("#path", Input)
        assert path_input.value.endswith("セルフサービス-phase2.svg")
        dialog.query_one("#export", Button).press()
        await pilot.pause()
        await host.workers.wait_for_complete()
        await pilot.pause()
    written = tmp_path / "セルフサービス-phase2.svg"
    assert host.result == [written]
    assert written.read_bytes().startswith(b"<?xml")


def test_dialog_asks_before_replacing_a_file(tmp_path: Path) -> None:
    asyncio.run(_dialog_asks_before_replacing_a_file(tmp_path))


async def _dialog_asks_before_replacing_a_file(tmp_path: Path) -> None:
    project, _ = make_project(tmp_path)
    target = tmp_path / "mine.png"
    target.write_bytes(b"mine")
    host = Host(ExportDialog(project, None, tmp_path))
    async with host.run_test(size=(100, 40)) as pilot:
        host.dialog.query_one("#path", Input).value = str(target)
        host.dialog.query_one("#export", Button).press()
        await pilot.pause()
        host.screen.query_one("#no", Button).press()  # keep it
        await pilot.pause()
        assert target.read_bytes() == b"mine" and host.result == []
        host.dialog.query_one("#export", Button).press()
        await pilot.pause()
        host.screen.query_one("#yes", Button).press()
        await pilot.pause()
        await host.workers.wait_for_complete()
        await pilot.pause()
    assert host.result == [target]
    assert target.read_bytes().startswith(b"\x89PNG")


def test_dialog_cancel_returns_none(tmp_path: Path) -> None:
    asyncio.run(_dialog_cancel_returns_none(tmp_path))


async def _dialog_cancel_returns_none(tmp_path: Path) -> None:
    project, _ = make_project(tmp_path)
    host = Host(ExportDialog(project, None, tmp_path))
    async with host.run_test() as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert host.result == [None]
    assert not list(tmp_path.glob("*.png"))
