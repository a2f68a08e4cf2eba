"""A project: its title, the recorded phases (局面), the working draft and the review notes.

Phases are frozen when recorded: :meth:`Project.snapshot` copies the draft into a new
:class:`~pufu.model.fileformat.PhaseData`, an immutable model, and nothing in pufu changes a
phase afterwards. Review notes live beside the phases and never alter them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .chart import Chart, _check_text, check_links, new_id
from .errors import ChartError, FormatError
from .fileformat import NOTE_KINDS, ConflictData, NoteData, PhaseData, ProjectData


def today() -> str:
    return dt.date.today().isoformat()


@dataclass(eq=False)
class Project:
    """Everything one ``*.pufu.json`` file holds."""

    title: str = ""
    draft: Chart = field(default_factory=Chart)
    phases: list[PhaseData] = field(default_factory=list)
    notes: list[NoteData] = field(default_factory=list)
    conflicts: list[ConflictData] = field(default_factory=list)  # left by a git merge
    _charts: dict[int, Chart] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------------ phases

    def phase(self, number: int) -> PhaseData:
        """The recorded phase with this number (1 is the first)."""
        if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= len(self.phases):
            if not self.phases:
                raise ChartError("err.project.no_phase_yet", number=number)
            raise ChartError("err.project.no_phase", number=number, count=len(self.phases))
        return self.phases[number - 1]

    def phase_chart(self, number: int) -> Chart:
        """The chart of a recorded phase. Treat it as read-only: it is shared."""
        if number not in self._charts:
            self._charts[number] = Chart.from_data(self.phase(number).chart)
        return self._charts[number]

    def snapshot(self, title: str = "", happened: str = "", date: str | None = None) -> PhaseData:
        """Freeze the draft as the next phase and return it."""
        _check_text(title)
        _check_text(happened)
        date = date or today()
        try:
            dt.date.fromisoformat(date)
        except (TypeError, ValueError):
            raise ChartError("err.project.phase_date", date=date) from None
        phase = PhaseData(
            number=len(self.phases) + 1,
            title=title,
            date=date,
            happened=happened,
            chart=self.draft.to_data(),
        )
        self.phases.append(phase)
        return phase

    # ------------------------------------------------------------------ notes

    def add_note(
        self,
        phase: int,
        author: str,
        kind: str,
        text: str,
        part: str | None = None,
        created: str | None = None,
    ) -> NoteData:
        """Attach a review note (感想) to a phase, or to a part within it."""
        self.phase(phase)
        if kind not in NOTE_KINDS:
            raise ChartError("err.project.note_kind", kinds=", ".join(NOTE_KINDS), kind=kind)
        if not _check_text(author).strip():
            raise ChartError("err.project.note_author")
        if not _check_text(text).strip():
            raise ChartError("err.project.note_text")
        if part is not None and part not in self.phase_chart(phase):
            raise ChartError("err.project.phase_no_part", phase=phase, part=part)
        note = NoteData(
            id=new_id(),
            phase=phase,
            part=part,
            author=author,
            kind=kind,
            text=text,
            created=created or dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
        self.notes.append(note)
        return note

    # ------------------------------------------------------------------ data

    def to_data(self) -> ProjectData:
        return ProjectData.model_construct(
            title=self.title,
            phases=list(self.phases),
            draft=self.draft.to_data(),
            notes=list(self.notes),
            conflicts=list(self.conflicts) or None,
        )

    @classmethod
    def from_data(cls, data: ProjectData) -> Project:
        """Build a project from validated file data, checking every chart's ids and links."""
        draft = Chart.from_data(data.draft, "$.draft")
        project = cls(
            title=data.title,
            draft=draft,
            phases=list(data.phases),
            notes=list(data.notes),
            conflicts=list(data.conflicts or ()),
        )
        ids_by_phase = [
            check_links(phase.chart, f"$.phases[{index}].chart") for index, phase in enumerate(data.phases)
        ]
        for index, note in enumerate(data.notes):
            if note.part is not None and note.part not in ids_by_phase[note.phase - 1]:
                raise FormatError(f"$.notes[{index}].part", "err.project.phase_no_part", phase=note.phase, part=note.part)
        return project
