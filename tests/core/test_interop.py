"""pufu-editor files: read everything the editor accepts, write what it imports, round-trip exactly."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from pufu.interop.pufu_editor import (
    chart_to_editor,
    dumps_editor,
    export_phase_map,
    import_data,
    import_file,
)
from pufu.model import ELEMENT_KEYS, FormatError, dumps_project, loads_project

SAMPLES = [
    "storybook-example.json",
    "storybook-shared-measure.json",
    "generator-template.json",
    "generator-two-phase-template.json",
    "generator-four-phase-sample.json",
]


def export_like_source(imported) -> dict:
    if imported.phase_map:
        return export_phase_map(imported.project)
    return chart_to_editor(imported.project.draft)


@pytest.mark.parametrize("name", SAMPLES)
def test_every_sample_round_trips_exactly(interop: Path, name: str) -> None:
    source = json.loads((interop / name).read_text(encoding="utf-8"))
    imported = import_file(interop / name)
    assert export_like_source(imported) == source


@pytest.mark.parametrize("name", SAMPLES)
def test_round_trip_survives_pufus_own_file(interop: Path, name: str) -> None:
    source = json.loads((interop / name).read_text(encoding="utf-8"))
    imported = import_file(interop / name)
    reloaded = loads_project("x", dumps_project(imported.project).encode())
    imported.project = reloaded
    assert export_like_source(imported) == source


def test_a_chart_becomes_draft_and_one_phase(interop: Path) -> None:
    imported = import_file(interop / "storybook-example.json")
    assert len(imported.project.phases) == 1
    assert imported.project.phase_chart(1) == imported.project.draft


def test_a_phase_map_becomes_phases_in_numeric_order_last_also_draft(interop: Path) -> None:
    source = json.loads((interop / "generator-four-phase-sample.json").read_text(encoding="utf-8"))
    shuffled = {key: source[key] for key in ("phase3", "phase1", "phase4", "phase2")}
    project = import_data(shuffled).project
    assert [p.number for p in project.phases] == [1, 2, 3, 4]
    assert chart_to_editor(project.phase_chart(2)) == source["phase2"]
    assert project.draft == project.phase_chart(4)


def test_ten_phases_sort_by_number_not_text(interop: Path) -> None:
    chart = json.loads((interop / "generator-template.json").read_text(encoding="utf-8"))
    data = {}
    for n in range(1, 12):
        one = copy.deepcopy(chart)
        one["gainingGoal"]["text"] = f"goal {n}"
        data[f"phase{n}"] = one
    project = import_data(data).project
    assert [project.phase_chart(n).part(project.phase_chart(n).goal).text for n in (1, 2, 10, 11)] == [
        "goal 1", "goal 2", "goal 10", "goal 11"
    ]


@pytest.mark.usefixtures("english")
def test_shared_measure_becomes_one_measure_linked_to_each(interop: Path) -> None:
    imported = import_file(interop / "storybook-shared-measure.json")
    chart = imported.project.draft
    shared = [m for m in chart.measures() if len(chart.purposes_of(m)) == 2]
    assert len(shared) == 1
    assert chart.part(shared[0]).text.startswith("プ譜の共有を通して")
    assert any("same text" in w for w in imported.warnings)


def test_export_writes_shared_measures_as_copies_under_each_purpose(interop: Path) -> None:
    chart = import_file(interop / "storybook-example.json").project.draft
    first, second = chart.purposes()[:2]
    measure = chart.measures_of(first)[0]
    chart.link_measure(measure, second)
    data = chart_to_editor(chart)
    texts = [[m["text"] for m in p["measures"]] for p in data["purposes"]]
    assert chart.part(measure).text in texts[0] and chart.part(measure).text in texts[1]
    again = import_data(data).project.draft
    assert len(again.measures()) == len(chart.measures())


def test_setting_a_shared_measures_colour_applies_to_every_copy(interop: Path) -> None:
    chart = import_file(interop / "storybook-shared-measure.json").project.draft
    shared = next(m for m in chart.measures() if len(chart.purposes_of(m)) == 2)
    chart.set_color(shared, "yellow")
    data = chart_to_editor(chart)
    colours = {m["color"] for p in data["purposes"] for m in p["measures"] if m["text"] == chart.part(shared).text}
    assert colours == {"yellow"}


# ------------------------------------------------------------------ the format's rules


def check_editor_rules(data: dict) -> None:
    """Every rule of shared/interop/README.md that the editor's importer checks."""
    assert list(data) == ["winCondition", "gainingGoal", "purposes", "elements"]
    parts = [data["winCondition"], data["gainingGoal"], *data["purposes"]]
    parts += [m for p in data["purposes"] for m in p["measures"]]
    parts += [data["elements"][key] for key in ELEMENT_KEYS]
    assert sorted(data["elements"]) == sorted(ELEMENT_KEYS)
    for part in parts:
        assert isinstance(part["uuid"], str) and isinstance(part["text"], str)
        assert part["comment"]["color"] in ("blue", "green", "red")
        assert isinstance(part["comment"]["text"], str)
    for purpose in data["purposes"]:
        for measure in purpose["measures"]:
            assert measure["color"] in ("white", "red", "green", "blue", "yellow")
            if "progress" in measure:
                assert isinstance(measure["progress"], int | float) and 0 <= measure["progress"] <= 100


@pytest.mark.parametrize("name", SAMPLES)
def test_exports_satisfy_every_rule(interop: Path, name: str) -> None:
    imported = import_file(interop / name)
    text = dumps_editor(export_like_source(imported))
    assert not text.endswith("\n") and text.startswith("{\n  \"")
    data = json.loads(text)
    for chart in data.values() if imported.phase_map else [data]:
        check_editor_rules(chart)


def base_chart(interop: Path) -> dict:
    return json.loads((interop / "storybook-example.json").read_text(encoding="utf-8"))


def first_measure(data: dict) -> dict:
    return data["purposes"][0]["measures"][0]


ACCEPTED = {
    "no colour": lambda d: first_measure(d).pop("color"),
    "empty colour": lambda d: first_measure(d).update(color=""),
    "measures null": lambda d: d["purposes"][0].update(measures=None),
    "measures missing": lambda d: d["purposes"][0].pop("measures"),
    "purposes null": lambda d: d.update(purposes=None),
    "purposes missing": lambda d: d.pop("purposes"),
    "same uuid everywhere": lambda d: [d["elements"][k].update(uuid="same") for k in ELEMENT_KEYS],
    "extra keys": lambda d: first_measure(d).update(id=3, chosen=False, selected=True),
    "uuid inside comment": lambda d: first_measure(d)["comment"].update(uuid="c1"),
    "progress numeric string": lambda d: first_measure(d).update(progress="60"),
    "progress over 100": lambda d: first_measure(d).update(progress=140),
    "progress below 0": lambda d: first_measure(d).update(progress=-5),
    "missing comment": lambda d: first_measure(d).pop("comment"),
}


@pytest.mark.parametrize("case", sorted(ACCEPTED))
def test_accepts_what_the_editor_accepts(interop: Path, case: str) -> None:
    data = base_chart(interop)
    ACCEPTED[case](data)
    imported = import_data(data)
    check_editor_rules(chart_to_editor(imported.project.draft))


@pytest.mark.usefixtures("english")
def test_defaults_and_clamping(interop: Path) -> None:
    data = base_chart(interop)
    first_measure(data).update(color="", progress="60")
    data["purposes"][0]["measures"][1].update(progress=140)
    data["purposes"][0]["measures"][2].pop("comment")
    imported = import_data(data)
    out = chart_to_editor(imported.project.draft)["purposes"][0]["measures"]
    assert out[0]["color"] == "white" and out[0]["progress"] == 60
    assert out[1]["progress"] == 100
    assert out[2]["comment"] == {"color": "blue", "text": ""}
    assert any("progress" in w and "140" in w for w in imported.warnings)
    assert any("comment" in w and "missing" in w for w in imported.warnings)


def test_duplicate_uuids_come_back_as_they_were(interop: Path) -> None:
    data = base_chart(interop)
    for key in ELEMENT_KEYS:
        data["elements"][key]["uuid"] = "same"
    out = chart_to_editor(import_data(data).project.draft)
    assert {out["elements"][k]["uuid"] for k in ELEMENT_KEYS} == {"same"}


REFUSED = {
    "unknown measure colour": (lambda d: first_measure(d).update(color="purple"), "$.purposes[0].measures[0].color"),
    "bad comment colour": (lambda d: first_measure(d)["comment"].update(color="yellow"), "$.purposes[0].measures[0].comment.color"),
    "text null": (lambda d: first_measure(d).update(text=None), "$.purposes[0].measures[0].text"),
    "missing element": (lambda d: d["elements"].pop("rival"), "$.elements.rival"),
    "missing goal": (lambda d: d.pop("gainingGoal"), "$.gainingGoal"),
    "purposes not a list": (lambda d: d.update(purposes={"a": 1}), "$.purposes"),
    "progress word": (lambda d: first_measure(d).update(progress="half"), "$.purposes[0].measures[0].progress"),
    "progress true": (lambda d: first_measure(d).update(progress=True), "$.purposes[0].measures[0].progress"),
    "comment text null": (lambda d: first_measure(d)["comment"].update(text=None), "$.purposes[0].measures[0].comment.text"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refuses_what_the_editor_refuses_naming_the_place(interop: Path, case: str) -> None:
    change, place = REFUSED[case]
    data = base_chart(interop)
    change(data)
    with pytest.raises(FormatError) as caught:
        import_data(data)
    assert caught.value.path == place


def test_a_map_with_a_stray_key_is_refused(interop: Path) -> None:
    with pytest.raises(FormatError):
        import_data({"phase1": base_chart(interop), "notes": "x"})
    with pytest.raises(FormatError):
        import_data([1, 2])
