"""The one file lifecycle: a locked update works on the fresh file; merging keeps the phases and
notes from disk with my draft on top; the dialog's words say what each answer loses."""

from __future__ import annotations

from pathlib import Path

import pytest

from pufu.model import ConflictError, Project, load_project, save_project
from pufu.model.document import Document, losses, merge_from_disk


def saved(tmp_path: Path) -> Path:
    project = Project(title="計画")
    project.snapshot("一", "", "2026-04-01")
    path = tmp_path / "plan.pufu.json"
    save_project(project, path, None)
    return path


@pytest.mark.usefixtures("english")
def test_update_applies_its_change_to_the_file_as_it_is_now(tmp_path: Path) -> None:
    path = saved(tmp_path)
    mine = Document.open(path)
    Document.update(path, lambda p: p.snapshot("他のコマンド", "", "2026-04-02"))
    doc, phase = Document.update(path, lambda p: p.snapshot("わたし", "", "2026-04-03"))
    assert phase.number == 3 and [p.title for p in load_project(path)[0].phases] == ["一", "他のコマンド", "わたし"]
    with pytest.raises(ConflictError, match="changed on disk"):
        mine.save()  # what was opened before is not the file any more
    assert doc.stamp is not None and not doc.changed_on_disk()


@pytest.mark.usefixtures("english")
def test_create_refuses_a_file_that_exists(tmp_path: Path) -> None:
    path = saved(tmp_path)
    with pytest.raises(ConflictError, match="already exists"):
        Document.create(path, Project())
    assert load_project(path)[0].title == "計画"


def test_merge_keeps_the_phases_and_notes_from_disk_and_puts_my_draft_on_top(tmp_path: Path) -> None:
    path = saved(tmp_path)
    mine = Document.open(path)
    mine.project.draft.set_text(mine.project.draft.goal, "わたしの下書き")
    mine.project.snapshot("わたしの局面", "", "2026-04-05")
    my_note = mine.project.add_note(2, "佐藤", "good", "わたしの感想")
    disk_doc, _ = Document.update(path, lambda p: p.snapshot("CLIの局面", "", "2026-04-04"))
    Document.update(path, lambda p: p.add_note(1, "山田", "lesson", "ディスクの感想"))
    disk = load_project(path)[0]
    merged = merge_from_disk(mine.project, disk)
    assert [(p.number, p.title) for p in merged.phases] == [(1, "一"), (2, "CLIの局面"), (3, "わたしの局面")]
    assert [(n.phase, n.text) for n in merged.notes] == [(1, "ディスクの感想"), (3, "わたしの感想")]
    assert merged.draft.part(merged.draft.goal).text == "わたしの下書き"
    assert my_note.phase == 2  # my project is left as it was
    lost = losses(mine.project, disk, mine.base)
    assert ("phase", "2", "CLIの局面", "2026-04-04") in lost.overwrite
    assert ("note", "1", "山田", disk.notes[0].created[:16].replace("T", " ")) in lost.overwrite
    assert ("draft", "mine") in lost.reload and ("phase", "2", "わたしの局面", "2026-04-05") in lost.reload
    assert lost.merge == []
