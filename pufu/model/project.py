"""A project: its title, the recorded phases (局面), the working draft and the review notes.

Phases are frozen when recorded: :meth:`Project.snapshot` copies the draft into a new
:class:`~pufu.model.fileformat.PhaseData`, an immutable model, and nothing in pufu changes a
phase's chart afterwards. A mistyped title, date or "what happened" can be corrected with
:meth:`Project.amend_phase`, which records the correction (when, the field, old → new) in the
phase. Review notes live beside the phases and never alter them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from ..i18n import t
from .chart import Chart, _check_text, check_links, new_id
from .errors import ChartError, FormatError
from .fileformat import (
    DATE,
    NOTE_KINDS,
    AmendmentData,
    ConflictData,
    NoteData,
    PhaseData,
    ProjectData,
)
from .texts import one_line


def today() -> str:
    return dt.date.today().isoformat()


def now() -> str:
    """The time of a note or an amendment: UTC, to the second, ISO 8601."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _check_date(date: object) -> str:
    """A phase date, YYYY-MM-DD and a real day (fromisoformat alone also takes 20260401)."""
    if not isinstance(date, str) or not DATE.fullmatch(date):
        raise ChartError("phase.bad_date", date=repr(date))
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        raise ChartError("phase.bad_date", date=repr(date)) from None
    return date


def amendment_text(
    amendment: AmendmentData, lang: str | None = None, flat: Callable[[str], str] = one_line
) -> str:
    """One amendment as a line says it: 「タイトル」: old → new (texts made one line by ``flat``)."""
    field = t(f"phase.field.{amendment.field}", lang)
    return t("phase.change", lang, field=field, old=flat(amendment.old), new=flat(amendment.new))


def is_amendment(before: PhaseData, after: PhaseData) -> bool:
    """Whether ``after`` is phase ``before`` corrected by :meth:`Project.amend_phase`: the same
    number and chart, its amendments those of ``before`` and more."""
    done, now = before.amendments or [], after.amendments or []
    return (
        before.number == after.number
        and len(now) > len(done)
        and now[: len(done)] == done
        and before.chart == after.chart
    )


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

    def forget_charts(self, keep: int) -> None:
        """Drop the cached charts of phases after ``keep`` (an undone recording)."""
        for number in [n for n in self._charts if n > keep]:
            del self._charts[number]

    def snapshot(self, title: str = "", happened: str = "", date: str | None = None) -> PhaseData:
        """Freeze the draft as the next phase and return it."""
        _check_text(title)
        _check_text(happened)
        date = _check_date(date or today())
        phase = PhaseData(
            number=len(self.phases) + 1,
            title=title,
            date=date,
            happened=happened,
            chart=self.draft.to_data(),
        )
        self.phases.append(phase)
        return phase

    def amend_phase(
        self,
        number: int,
        *,
        title: str | None = None,
        date: str | None = None,
        happened: str | None = None,
        when: str | None = None,
    ) -> list[AmendmentData]:
        """Correct a recorded phase's title, date or what happened (its chart never changes),
        recording each change in the phase; returns the amendments made (none when every field
        given already holds that value)."""
        phase = self.phase(number)
        if title is None and date is None and happened is None:
            raise ChartError("phase.amend_nothing")
        if title is not None and not _check_text(title).strip():
            raise ChartError("phase.empty_title")
        if date is not None:
            _check_date(date)
        if happened is not None:
            _check_text(happened)
        stamp = when or now()
        made = [
            AmendmentData(when=stamp, field=name, old=getattr(phase, name), new=value)
            for name, value in (("title", title), ("date", date), ("happened", happened))
            if value is not None and value != getattr(phase, name)
        ]
        if made:
            update: dict[str, object] = {a.field: a.new for a in made}
            update["amendments"] = [*(phase.amendments or ()), *made]
            self.phases[number - 1] = phase.model_copy(update=update)
        return made

    def dates_out_of_order(self, number: int) -> list[PhaseData]:
        """The phases next to phase ``number`` whose dates put it out of order: the one before
        when it is dated later, the one after when it is dated earlier. A warning, never refused
        (a phase may be recorded late)."""
        phase = self.phase(number)
        around: list[PhaseData] = []
        if number > 1 and self.phases[number - 2].date > phase.date:
            around.append(self.phases[number - 2])
        if number < len(self.phases) and self.phases[number].date < phase.date:
            around.append(self.phases[number])
        return around

    def date_warnings(self, number: int, lang: str | None = None) -> list[str]:
        """What to warn about phase ``number``'s date (see :meth:`dates_out_of_order`)."""
        phase = self.phase(number)
        return [
            t(
                "phase.date_before" if other.number < number else "phase.date_after",
                lang,
                number=number,
                date=phase.date,
                other=other.number,
                other_date=other.date,
            )
            for other in self.dates_out_of_order(number)
        ]

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
            created=created or now(),
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
