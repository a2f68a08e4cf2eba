"""pufu templates, pufu new --template, and the first run, as a new user sees them."""

from __future__ import annotations

from pathlib import Path

import pytest

from pufu.cli.commands.start import guide
from pufu.model import check, load_project
from pufu.templates import template_names

from .helpers import JAPANESE, pufu


def test_templates_prints_a_name_and_a_description_a_line(capsys) -> None:
    code, out, _ = pufu(capsys, "templates")
    lines = out.splitlines()
    assert code == 0 and [line.split("\t")[0] for line in lines] == template_names()
    assert all(len(line.split("\t")) == 2 and JAPANESE.search(line) for line in lines)


@pytest.mark.parametrize("argv", [("--lang", "en", "templates"), ("templates", "--lang", "en")])
def test_templates_in_english(capsys, argv: tuple[str, ...]) -> None:
    code, out, _ = pufu(capsys, *argv)
    assert code == 0 and "self-service-launch\tLaunching self-service" in out
    assert not JAPANESE.search(out)


def test_new_from_a_template_checks_clean_but_warns_of_its_placeholders(tmp_path: Path, capsys) -> None:
    target = tmp_path / "plan.pufu.json"
    code, _, err = pufu(capsys, "new", str(target), "--template", "inquiry-rate-one-stop", "--lang", "en")
    assert code == 0 and "inquiry-rate-one-stop" in err
    project, _ = load_project(target)
    assert project.title == "Lower the inquiry rate, raise one-stop resolution"
    assert {f.code for f in check(project.draft)} == {"win_placeholder", "metric_without_target"}
    assert [m.name for m in project.draft.metrics()] == ["Inquiry rate", "One-stop resolution rate"]
    code, out, _ = pufu(capsys, "check", str(target))
    assert code == 0 and "○" in out


def test_new_from_a_template_keeps_title_and_force(tmp_path: Path, capsys) -> None:
    target = tmp_path / "plan.pufu.json"
    assert pufu(capsys, "new", str(target), "-t", "voc-loop", "--title", "VoCループ 2026")[0] == 0
    project, _ = load_project(target)
    assert project.title == "VoCループ 2026" and project.draft.purposes()
    code, _, err = pufu(capsys, "new", str(target), "-t", "voc-loop")
    assert code == 2 and "--force" in err
    assert pufu(capsys, "new", str(target), "-t", "customer-community", "--force")[0] == 0


def test_new_from_the_demo_copies_its_phases_and_notes(tmp_path: Path, capsys) -> None:
    target = tmp_path / "demo.pufu.json"
    assert pufu(capsys, "new", str(target), "--template", "demo")[0] == 0
    project, _ = load_project(target)
    assert len(project.phases) >= 4 and project.notes


def test_an_unknown_template_suggests_the_fix(tmp_path: Path, capsys) -> None:
    code, _, err = pufu(capsys, "new", str(tmp_path / "x.pufu.json"), "--template", "selfservice")
    assert code == 2 and err.count("\n") == 1
    assert "self-service-launch" in err and "pufu templates" in err
    assert not (tmp_path / "x.pufu.json").exists()


def test_new_without_a_template_is_still_empty(tmp_path: Path, capsys) -> None:
    target = tmp_path / "empty.pufu.json"
    assert pufu(capsys, "new", str(target))[0] == 0
    project, _ = load_project(target)
    assert project.draft.purposes() == []


def test_the_first_run_shows_templates_and_the_demo(capsys) -> None:
    code, out, _ = pufu(capsys)
    assert code == 0
    assert "テンプレート" in out and "--template self-service-launch" in out
    assert "demo" in out and "pufu templates" in out and "pufu settings" in out


def test_the_first_run_in_english_is_english_apart_from_the_method_name() -> None:
    text = guide("en", width=200)
    assert "Start from a template" in text and "See the demo" in text
    assert not JAPANESE.search(text.replace("プ譜", ""))


def test_the_first_run_lists_recent_projects(tmp_path: Path, capsys) -> None:
    target = tmp_path / "recent-one.pufu.json"
    pufu(capsys, "new", str(target), "-t", "voc-loop")
    text = guide("ja", width=200)
    assert "recent-one.pufu.json" in text and "最近のプロジェクト" in text


def test_the_first_run_fits_a_narrow_terminal() -> None:
    from wcwidth import wcswidth

    for line in guide("ja", width=60).splitlines():
        if line.startswith("    ") and not line.startswith("    pufu"):
            assert wcswidth(line) <= 60
