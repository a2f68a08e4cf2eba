"""The project file format (``*.pufu.json``), as pydantic models.

One UTF-8 JSON file holds a whole project: its title, the recorded phases (局面), the working
draft and the review notes. Keys come out in the order the fields are declared here, indented
by two, so a change makes a small, readable git diff. The JSON Schema is generated from these
models (``pufu schema``).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Final, Literal, get_args

from pydantic import (
    AllowInfNan,
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    Strict,
    StrictInt,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .parts import Color, Comment, EditorCopy, StrictProgress

FORMAT_NAME: Final = "pufu"
#: Version 2 added 評価指標 (``metrics`` in every chart); version-1 files load, and are written
#: as version 2 when saved.
FORMAT_VERSION: Final = 2
FORMAT_VERSIONS: tuple[int, ...] = (1, 2)

NoteKind = Literal["good", "bad", "lesson", "question"]
NOTE_KINDS: tuple[str, ...] = ("good", "bad", "lesson", "question")

Direction = Literal["higher", "lower"]
DIRECTIONS: tuple[str, ...] = ("higher", "lower")
#: A yardstick's number: a JSON number, finite, never a string or true/false.
Number = StrictInt | Annotated[float, Strict(), AllowInfNan(False)]

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _Data(BaseModel):
    # Lax mode lets JSON strings become enums; numbers are marked Strict where they appear,
    # so "50" is never taken for 50 in pufu's own file.
    model_config = ConfigDict(frozen=True, extra="forbid")


class PartData(_Data):
    """A part of the sheet: a stable id, a text (may hold newlines) and a comment."""

    id: Annotated[str, Field(min_length=1)]
    text: str = ""
    comment: Comment = Comment()
    editorId: str | None = Field(
        default=None, description="the uuid pufu-editor gave this part, when it was not unique"
    )


class MeasureData(PartData):
    """A 施策: colour and progress (0–100, or absent when unset)."""

    color: Color = Color.WHITE
    progress: Annotated[StrictProgress, Field(ge=0, le=100)] | None = None


class PurposeData(PartData):
    """A 中間目的 and the ids of the 施策 that serve it, in order."""

    measures: list[str] = Field(default_factory=list)
    editorCopies: dict[str, EditorCopy] | None = Field(
        default=None, description="per 施策 id: how its copy under this 中間目的 looked in pufu-editor"
    )


class ElementsData(_Data):
    """廟算八要素: the eight given conditions."""

    people: PartData
    money: PartData
    time: PartData
    quality: PartData
    businessScheme: PartData
    environment: PartData
    rival: PartData
    foreignEnemy: PartData


class MetricData(_Data):
    """A 評価指標 (yardstick): how the 勝利条件 (or a 中間目的) is judged, and its value on
    this sheet. Recording a phase freezes the value, so the phases hold its trajectory."""

    id: Annotated[str, Field(min_length=1)]
    part: Annotated[str, Field(min_length=1)] = Field(
        description="the id of the 勝利条件 or of the 中間目的 it measures"
    )
    name: Annotated[str, Field(min_length=1)]
    unit: str = Field(default="", description="free text: %, 件, 分, 点, 件/顧客, ...")
    baseline: Number | None = Field(default=None, description="where we start; absent when unknown")
    target: Number | None = Field(default=None, description="the win; absent until agreed")
    direction: Direction = Field(default="higher", description="which way is better")
    note: str = ""
    value: Number | None = Field(default=None, description="its value on this sheet; absent when unmeasured")


class ForeignFields(_Data):
    """What one object of a pufu-editor file held that pufu does not know: its unknown keys, and
    its key order when that was not the one pufu writes. Kept to be written back on export."""

    fields: dict[str, JsonValue] = Field(
        default_factory=dict, description="the unknown keys and their values, in the file's order"
    )
    order: list[str] | None = Field(
        default=None, description="every key of the object in the file's order (absent: pufu's order)"
    )
    comment: ForeignFields | None = Field(default=None, description="the same for the part's comment")
    oneLine: bool = Field(
        default=False, description='the file wrote the object on one line: { "color": "blue", "text": "" }'
    )


class EditorExtra(_Data):
    """Foreign data: what a chart imported from pufu-editor held beyond what pufu reads, so that
    ``pufu export --format pufu-editor`` writes it back in the same place."""

    chart: ForeignFields | None = Field(default=None, description="the chart object itself")
    elements: ForeignFields | None = Field(default=None, description="the elements object")
    parts: dict[str, ForeignFields] | None = Field(default=None, description="per part id")
    copies: dict[str, dict[str, ForeignFields]] | None = Field(
        default=None, description="per 中間目的 id, per 施策 id: a shared 施策's copy under it"
    )
    indent: Annotated[str, Field(pattern=r"^(?: {1,10}|\t)$")] | None = Field(
        default=None, description="the file's indent, when not two spaces"
    )
    newline: bool = Field(default=False, description="the file ended with a newline")


class ChartData(_Data):
    """One プ譜 sheet. 施策 are listed once; 中間目的 refer to them by id, so a 施策 can
    serve several 中間目的."""

    gainingGoal: PartData
    winCondition: PartData
    purposes: list[PurposeData] = Field(default_factory=list)
    measures: list[MeasureData] = Field(default_factory=list)
    elements: ElementsData
    metrics: list[MetricData] = Field(
        default_factory=list, description="評価指標, in order (absent in version-1 files)"
    )
    editorExtra: EditorExtra | None = Field(
        default=None, description="foreign data from a pufu-editor file, written back on export"
    )


AmendedField = Literal["title", "date", "happened"]
AMENDED_FIELDS: tuple[str, ...] = get_args(AmendedField)


class AmendmentData(_Data):
    """One correction of a recorded phase's title, date or what happened (``pufu phase amend``):
    when it was made, the field, and its text before and after. The chart is never amended."""

    when: str = Field(description="ISO 8601 timestamp of the amendment")
    field: AmendedField
    old: str
    new: str


class PhaseData(_Data):
    """A recorded 局面: its chart is frozen once recorded; a mistyped title, date or "what
    happened" can be amended, and each amendment is recorded in ``amendments``."""

    number: Annotated[int, Strict(), Field(ge=1)]
    title: str = ""
    date: Annotated[str, Field(pattern=DATE.pattern)]
    happened: str = Field(default="", description="what happened since the previous phase")
    chart: ChartData
    amendments: list[AmendmentData] | None = Field(
        default=None, description="corrections of title, date or happened, oldest first (absent when none)"
    )


class NoteData(_Data):
    """A review note (感想) on a phase, or on one part within a phase."""

    id: Annotated[str, Field(min_length=1)]
    phase: Annotated[int, Strict(), Field(ge=1)]
    part: str | None = None
    author: str
    kind: NoteKind
    text: str
    created: str = Field(description="ISO 8601 timestamp")


class ConflictPlace(_Data):
    """Where a merge conflict is: ``path`` names the object or list in the file (``draft.measures``,
    ``draft.gainingGoal``, ``notes``, ``""`` for the project itself), ``part`` the id of the object
    in that list, ``field`` the field; no ``field`` when a part was removed on one side and changed
    on the other."""

    kind: str = Field(description="goal, win, purpose, measure, element, note, title, or a list's name")
    path: str
    part: str | None = None
    field: str | None = None


class ConflictData(_Data):
    """A merge conflict left by ``pufu git merge-driver``: the base, ours and theirs versions of one
    field (or of one whole part). The project holds "ours" until the conflict is resolved."""

    id: Annotated[str, Field(min_length=1)]
    where: ConflictPlace
    base: JsonValue = None
    ours: JsonValue = None
    theirs: JsonValue = None


class ProjectData(_Data):
    """The whole ``*.pufu.json`` file."""

    format: Literal["pufu"] = FORMAT_NAME
    version: Literal[1, 2] = FORMAT_VERSION
    title: str = ""
    phases: list[PhaseData] = Field(default_factory=list)
    draft: ChartData
    notes: list[NoteData] = Field(default_factory=list)
    conflicts: list[ConflictData] | None = Field(
        default=None, description="merge conflicts still to resolve (absent when there are none)"
    )

    @model_validator(mode="after")
    def _phases_numbered(self, info: ValidationInfo) -> ProjectData:
        for index, phase in enumerate(self.phases):
            if phase.number != index + 1:
                raise PydanticCustomError(
                    "phase_number", "phases[{index}] has number {number}; phases are numbered 1, 2, 3, ...",
                    {"index": index, "number": phase.number},
                )
        numbers = len(self.phases)
        if isinstance(info.context, dict) and "phases" in info.context:  # counted only (loads_draft)
            numbers = info.context["phases"]
        for index, note in enumerate(self.notes):
            if note.phase > numbers:
                raise PydanticCustomError(
                    "note_phase", "notes[{index}] refers to phase {phase}, which does not exist",
                    {"index": index, "phase": note.phase},
                )
        return self


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the project file, generated from the models."""
    schema = ProjectData.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "pufu project file"
    return schema
