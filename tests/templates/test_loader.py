"""The template catalogue: names, descriptions, loading, fresh ids, and files kept in step with
their sources."""

from __future__ import annotations

import re

import pytest

from pufu.settings import Settings, use
from pufu.templates import (
    DEMO,
    UnknownTemplateError,
    describe,
    list_templates,
    load_template,
    template_names,
)
from pufu.templates.build import outputs

from .helpers import JAPANESE


def test_at_least_eight_templates_and_the_demo() -> None:
    names = template_names()
    assert len([n for n in names if n != DEMO]) >= 8
    assert DEMO in names
    assert len(set(names)) == len(names)


def test_names_are_ascii_slugs_with_a_one_line_description_in_each_language() -> None:
    for lang in ("ja", "en"):
        for info in list_templates(lang):
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", info.name)
            assert info.description.strip() and "\n" not in info.description
    assert all(JAPANESE.search(info.description) for info in list_templates("ja"))
    assert not any(JAPANESE.search(info.description) for info in list_templates("en"))


def test_the_user_language_is_the_default() -> None:
    with use(Settings(lang="en")):
        assert list_templates() == list_templates("en")
        assert describe("voc-loop") == describe("voc-loop", "en")


def test_each_project_from_a_template_gets_its_own_ids() -> None:
    first, second = load_template("self-service-launch"), load_template("self-service-launch")
    ids_first = {part.id for part in first.draft.parts()}
    ids_second = {part.id for part in second.draft.parts()}
    assert not ids_first & ids_second
    assert first.draft.to_data().model_dump(exclude={"id"}) is not None
    assert [p.text for p in first.draft.parts()] == [p.text for p in second.draft.parts()]


def test_the_demo_keeps_its_parts_linked_across_phases_with_fresh_ids() -> None:
    project = load_template(DEMO)
    first, last = project.phase_chart(1), project.phase_chart(len(project.phases))
    assert first.goal == last.goal == project.draft.goal
    assert first.win == last.win
    for note in project.notes:
        assert note.part is None or note.part in project.phase_chart(note.phase)
    assert first.goal != load_template(DEMO).phase_chart(1).goal


def test_an_unknown_template_names_the_known_ones() -> None:
    with pytest.raises(UnknownTemplateError) as caught:
        load_template("self-servise")
    message = str(caught.value)
    assert "self-servise" in message and "self-service-launch" in message
    assert "pufu templates" in message and "\n" not in message


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(Exception, match="ja, en"):
        load_template("voc-loop", "fr")


def test_bundled_files_match_their_sources() -> None:
    """The JSON shipped is what `python -m pufu.templates.build` makes (run it after editing)."""
    stale = [
        str(path) for path, text in outputs()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    assert not stale, f"out of date; run python -m pufu.templates.build: {stale}"
