"""The file format: a JSON Schema generated from the models, and phases that never change."""

from __future__ import annotations

import json
from pathlib import Path

from pufu.model import json_schema, load_project, save_project
from pufu.model.store import Stamp

from .helpers import sample_session

ROOT = Path(__file__).resolve().parents[2]


def test_the_committed_schema_is_the_generated_one() -> None:
    committed = json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "run: pufu schema > docs/schema.json"


def test_a_recorded_phase_never_changes(tmp_path: Path) -> None:
    session, ids = sample_session()
    project = session.project
    phase = project.snapshot("計画", "始めた", "2026-04-01")
    frozen = phase.model_dump_json()
    session.apply("set_text", ids["m1"], "書き換えた")
    session.apply("remove", ids["p2"])
    session.undo()
    project.snapshot("二手目", "", "2026-05-01")
    assert project.phases[0].model_dump_json() == frozen
    assert project.phase_chart(1).part(ids["m1"]).text == "上位20件の記事を書く"
    path = tmp_path / "p.pufu.json"
    save_project(project, path, None)
    loaded, stamp = load_project(path)
    assert loaded.phases[0].model_dump_json() == frozen
    save_project(loaded, path, stamp)
    assert Stamp.of(path.read_bytes()) == stamp


def test_phase_data_is_immutable() -> None:
    session, _ = sample_session()
    phase = session.project.snapshot("計画", "", "2026-04-01")
    try:
        phase.title = "changed"  # type: ignore[misc]
    except Exception:
        pass
    assert phase.title == "計画"
