"""The decks pufu writes are valid Office Open XML, as PowerPoint reads it.

PowerPoint refuses (or "repairs") a package whose XML breaks the ECMA-376 schema; Keynote and
LibreOffice are more lenient. openxml-audit checks a package against the schema and the
OpenXML SDK's semantic rules, strictly, the way the SDK's validator does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openxml_audit import FileFormat, OpenXmlValidator

from pufu.export.deck import build_deck
from pufu.templates import load_template

from .test_deck import HOSTILE, SURROGATES, phased_project


def problems(tmp_path: Path, data: bytes, name: str = "deck.pptx") -> list[str]:
    path = tmp_path / name
    path.write_bytes(data)
    result = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, strict=True).validate(path)
    return [str(error) for error in result.errors]


def test_the_validator_finds_a_broken_deck(tmp_path: Path) -> None:
    import io
    import zipfile

    data = build_deck(phased_project())
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "ppt/slides/slide1.xml":
                content = content.replace(b'prst="roundRect"', b'prst="roundRectX"', 1)
            target.writestr(item, content)
    assert problems(tmp_path, broken.getvalue())


@pytest.mark.parametrize("picture", [False, True], ids=["shapes", "picture"])
def test_the_demo_deck_of_every_phase_is_valid(tmp_path: Path, picture: bool) -> None:
    project = load_template("demo")
    assert problems(tmp_path, build_deck(project, comments=True, picture=picture)) == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_template_deck_is_valid_in_the_dark_theme_too(tmp_path: Path, lang: str) -> None:
    project = load_template("self-service-launch", lang)
    assert problems(tmp_path, build_deck(project, theme="dark", lang=lang)) == []


def test_a_deck_of_hostile_text_is_valid(tmp_path: Path) -> None:
    from pufu.model import Chart, Project

    chart = Chart.blank()
    chart.set_text(chart.goal, HOSTILE)
    purpose = chart.add_purpose(HOSTILE)
    chart.add_measure(purpose, HOSTILE, color="yellow", progress=100)
    chart.set_comment(purpose, "red", HOSTILE)
    chart.set_element("people", HOSTILE)
    project = Project(title=SURROGATES, draft=chart)
    project.snapshot(title=HOSTILE, happened=HOSTILE + "\n" + "出来事" * 300, date="2025-01-01")
    assert problems(tmp_path, build_deck(project, comments=True)) == []
