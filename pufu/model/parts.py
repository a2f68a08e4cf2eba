"""The small value types of a プ譜: kinds of part, 施策 colours, comments, the eight elements."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt


class Kind(StrEnum):
    """What a part of the sheet is."""

    GOAL = "goal"  # 獲得目標
    WIN = "win"  # 勝利条件
    PURPOSE = "purpose"  # 中間目的
    MEASURE = "measure"  # 施策
    ELEMENT = "element"  # 廟算八要素 (one of the eight)


class Color(StrEnum):
    """施策 colours, with the meanings pufu-editor's users give them."""

    RED = "red"  # ● the main actions you obviously must take
    WHITE = "white"  # ○ standard action
    GREEN = "green"  # ■ tedious, but it has to be done
    BLUE = "blue"  # ◆ prevention of a problem that may come later
    YELLOW = "yellow"  # ★ only if people, money and time allow


COLOR_ORDER: tuple[Color, ...] = (Color.WHITE, Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW)
SYMBOLS: dict[Color, str] = {
    Color.RED: "●",
    Color.WHITE: "○",
    Color.GREEN: "■",
    Color.BLUE: "◆",
    Color.YELLOW: "★",
}

CommentColor = Literal["blue", "green", "red"]
COMMENT_COLORS: tuple[str, ...] = ("blue", "green", "red")

ELEMENT_KEYS: tuple[str, ...] = (
    "people",
    "money",
    "time",
    "quality",
    "businessScheme",
    "environment",
    "rival",
    "foreignEnemy",
)


class Comment(BaseModel):
    """A comment on a part: blue = note, green = went well, red = problem."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    color: CommentColor = "blue"
    text: str = ""

    @property
    def empty(self) -> bool:
        return self.text == ""


NO_COMMENT = Comment()

Progress = int | float
#: Progress as the file holds it: a JSON number, never a string or true/false.
StrictProgress = StrictInt | StrictFloat


class EditorCopy(BaseModel):
    """How one copy of a shared 施策 looked in a pufu-editor file.

    pufu-editor has no links: a 施策 serving two 中間目的 is written twice, and the copies may
    carry their own uuid, colour, progress and comment. pufu keeps them so that a round trip
    gives the file back; ``values`` is dropped as soon as the user sets the 施策's colour,
    progress or comment in pufu.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    uuid: str
    values: CopyValues | None = None


class CopyValues(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    color: Color
    progress: Annotated[StrictProgress, Field(ge=0, le=100)] | None = None
    comment: Comment = Field(default_factory=Comment)


EditorCopy.model_rebuild()
