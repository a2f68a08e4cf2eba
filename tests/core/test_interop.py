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

from ..cli import pufu as cli

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


# ------------------------------------------------------------------ the files, byte for byte




def round_trip(capsys, tmp_path: Path, source: Path) -> bytes:
    """``pufu import`` then ``pufu export -f pufu-editor`` (``--all-phases`` for a map), as a user runs them."""
    project = tmp_path / "p.pufu.json"
    assert cli(capsys, "import", str(source), "-o", str(project))[0] == 0
    out = tmp_path / "out.json"
    whole = ["--all-phases"] if "phase1" in json.loads(source.read_bytes()) else []
    assert cli(capsys, "export", str(project), "-f", "pufu-editor", *whole, "-o", str(out))[0] == 0
    return out.read_bytes()


@pytest.mark.parametrize(
    "name",
    [
        "storybook-example.json",  # the editor's own layout: indent 2, no final newline
        "storybook-shared-measure.json",  # a shared 施策 whose copies differ
        "generator-template.json",  # ends with a newline
        "generator-two-phase-template.json",  # a map laid out by hand: 16 comments on one line each
        "generator-four-phase-sample.json",  # a phase map, no final newline
    ],
)
def test_import_then_export_gives_the_file_back_byte_for_byte(
    capsys, tmp_path: Path, interop: Path, name: str
) -> None:
    assert round_trip(capsys, tmp_path, interop / name) == (interop / name).read_bytes()


def test_objects_the_file_wrote_on_one_line_come_back_on_one_line(capsys, tmp_path: Path, interop: Path) -> None:
    source = (interop / "generator-two-phase-template.json").read_text(encoding="utf-8")
    assert source.count('"comment": { "color": ') == 16  # the elements' comments; the others span lines
    out = round_trip(capsys, tmp_path, interop / "generator-two-phase-template.json").decode("utf-8")
    assert out.count('"comment": { "color": ') == 16 and out.count('"comment": {\n') == source.count('"comment": {\n')


def test_a_chart_made_in_pufu_is_written_as_the_editor_writes_it(interop: Path) -> None:
    from pufu.interop.pufu_editor import _encoded

    imported = import_file(interop / "generator-two-phase-template.json")
    plain = json.loads(json.dumps(export_like_source(imported)))  # no layout of its own
    tricky = {"a": [], "b": {}, "c": [[1, 2.5, None], {"d": "改行\n\u2028"}], "e": -0.0, "f": 10**30, "g": True}
    for data in (plain, tricky):
        for indent in ("  ", "    ", "\t"):
            assert "".join(_encoded(data, indent, 0)) == json.dumps(data, ensure_ascii=False, indent=indent)
    assert dumps_editor(plain) == json.dumps(plain, ensure_ascii=False, indent=2)


def with_foreign_fields(interop: Path) -> dict:
    data = json.loads((interop / "storybook-shared-measure.json").read_text(encoding="utf-8"))
    data = {"title": "計画", "dueDate": "2026-12-31", **data}  # before the editor's own keys
    measure = data["purposes"][0]["measures"][0]
    measure.update(id=3, chosen=False, selected=True, dueDate="2027-01-01")
    measure["comment"]["uuid"] = "c1"
    data["purposes"][1] = dict(reversed(list(data["purposes"][1].items())))  # keys in another order
    data["purposes"][0]["measures"][3]["tag"] = "first"  # a shared 施策 ...
    data["purposes"][1]["measures"][2]["owner"] = {"name": "佐藤", "tags": [None, 1.5]}  # ... its copy
    data["elements"]["note"] = None
    data["gainingGoal"]["text"] = "目標"
    return data


FOREIGN_PATHS = [
    "$.title",
    "$.dueDate",
    "$.elements.note",
    "$.purposes[0].measures[0].id",
    "$.purposes[0].measures[0].chosen",
    "$.purposes[0].measures[0].selected",
    "$.purposes[0].measures[0].dueDate",
    "$.purposes[0].measures[0].comment.uuid",
    "$.purposes[0].measures[3].tag",
    "$.purposes[1].measures[2].owner",
]


def test_unknown_fields_are_named_kept_and_written_back_in_place(capsys, tmp_path: Path, interop: Path) -> None:
    source = tmp_path / "chart.json"
    source.write_text(json.dumps(with_foreign_fields(interop), ensure_ascii=False, indent=4), encoding="utf-8")
    project = tmp_path / "p.pufu.json"
    code, _, err = cli(capsys, "--lang", "en", "import", str(source), "-o", str(project))
    assert code == 0
    for path in FOREIGN_PATHS:
        line = next(line for line in err.splitlines() if f": {path}: " in line)
        assert str(source) in line and "kept in the project" in line
    out = tmp_path / "out.json"
    assert cli(capsys, "export", str(project), "-f", "pufu-editor", "-o", str(out))[0] == 0
    assert out.read_bytes() == source.read_bytes()  # same fields, same places, same key order and indent


def test_unknown_fields_survive_save_edit_snapshot_and_merge(tmp_path: Path, interop: Path) -> None:
    from pufu.model import merge

    data = with_foreign_fields(interop)
    project = import_data(data).project
    again = loads_project("x", dumps_project(project).encode())  # pufu's own file keeps them
    again.draft.set_text(again.draft.goal, "新しい目標")  # an edit elsewhere
    again.snapshot(title="次")
    theirs = loads_project("x", dumps_project(project).encode())
    theirs.draft.set_text(theirs.draft.win, "勝利条件を変えた")
    merged = merge.merge(project, again, theirs).project
    for chart in (again.draft, again.phase_chart(2), merged.draft):
        out = chart_to_editor(chart)
        assert list(out)[:2] == ["title", "dueDate"] and out["dueDate"] == "2026-12-31"
        first = out["purposes"][0]["measures"][0]
        assert (first["id"], first["chosen"], first["dueDate"], first["comment"]["uuid"]) == (3, False, "2027-01-01", "c1")
        assert out["purposes"][1]["measures"][2]["owner"] == {"name": "佐藤", "tags": [None, 1.5]}
        assert "owner" not in out["purposes"][0]["measures"][3]  # each copy has its own
        assert "tag" not in out["purposes"][1]["measures"][2] and out["purposes"][0]["measures"][3]["tag"] == "first"
        assert list(out["purposes"][1]) == ["measures", "comment", "text", "uuid"]
        assert out["elements"]["note"] is None
    assert chart_to_editor(merged.draft)["winCondition"]["text"] == "勝利条件を変えた"
    assert chart_to_editor(merged.draft)["gainingGoal"]["text"] == "新しい目標"


def test_an_unknown_field_pufu_cannot_save_is_named_and_left_out(tmp_path: Path, interop: Path) -> None:
    data = base_chart(interop)
    data["big"] = 1e400  # reads as infinity: JSON cannot hold it
    data["deep"] = json.loads("[" * 80 + "]" * 80)
    data["ok"] = "kept"
    imported = import_data(data)
    assert any(w.startswith("$.big: ") and "1e400" in w for w in imported.warnings)
    assert any(w.startswith("$.deep: ") and "64" in w for w in imported.warnings)
    out = chart_to_editor(loads_project("x", dumps_project(imported.project).encode()).draft)
    assert out["ok"] == "kept" and "big" not in out and "deep" not in out


def test_importing_a_pufu_project_says_it_already_is_one(capsys, tmp_path: Path, interop: Path) -> None:
    project = tmp_path / "plan.pufu.json"
    assert cli(capsys, "import", str(interop / "storybook-example.json"), "-o", str(project))[0] == 0
    before = project.read_bytes()
    code, out, err = cli(capsys, "--lang", "en", "import", str(project), "-o", str(tmp_path / "again.pufu.json"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "$.gainingGoal" not in err
    assert f"{project}: this is already a pufu project" in err and f"pufu edit {project}" in err
    assert not (tmp_path / "again.pufu.json").exists() and project.read_bytes() == before


def test_a_removed_parts_unknown_fields_leave_with_it(interop: Path) -> None:
    project = import_data(with_foreign_fields(interop)).project
    chart = project.draft
    first = chart.measures_of(chart.purposes()[0])[0]
    chart.remove(first)
    again = loads_project("x", dumps_project(project).encode()).draft
    assert again.editor_extra is not None and first not in (again.editor_extra.parts or {})
    assert "dueDate" not in json.dumps(chart_to_editor(again)["purposes"][0])
    assert chart_to_editor(again)["dueDate"] == "2026-12-31"  # the chart's own stay


def test_a_minified_chart_comes_back_in_the_editors_layout(tmp_path: Path, interop: Path) -> None:
    source = tmp_path / "min.json"
    source.write_text(json.dumps(base_chart(interop), ensure_ascii=False), encoding="utf-8")
    chart = import_file(source).project.draft
    assert chart.editor_extra is None  # nothing to keep
    assert dumps_editor(chart_to_editor(chart), [chart]) == (interop / "storybook-example.json").read_text(encoding="utf-8")
