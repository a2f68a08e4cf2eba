"""A PowerPoint deck of a project's 棋譜 with python-pptx: one 16:9 slide per phase, with the
phase's title and date, what happened since the phase before (also in the speaker notes), and
the chart. A project with no recorded phase gives one slide of its draft.

The chart is drawn as editable shapes (:mod:`pufu.export.deck_shapes`): a box per part, a
connector glued to its two boxes per arrow, from the second phase on what changed since the
phase before marked as ``pufu report --diagrams`` marks it (added green, changed orange,
removed dashed red, drawn as ghosts). ``picture=True`` gives the flat deck instead: a PNG of
the diagram on each slide.

Repeat exports are byte-identical: the document's dates are fixed and the zip is written
with fixed entry dates.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from typing import Any

from ..i18n import t
from ..model import Chart, Project
from ..model.diff import diff
from .deck_shapes import LINE, add_run, app_lines, draw_chart, printable
from .themes import THEMES

SLIDE_W, SLIDE_H = 40 / 3, 7.5  # inches, PowerPoint's widescreen
_TITLE = (0.3, 0.04, 8.0, 0.7)
_HAPPENED = (8.5, 0.04, SLIDE_W - 8.6, 0.7)
#: The smallest size of "what happened" on a slide (points); a longer text is cut there, whole
#: in the speaker notes.
_HAPPENED_PT = 10.0
_CHART = (0.1, 0.75, SLIDE_W - 0.2, SLIDE_H - 0.75 - 0.05)
_PICTURE = _CHART
DECK_DPI = 200
#: The date written in the document's properties (a fixed one: repeat exports are identical).
FIXED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def _printable(text: str) -> str:
    """Text a slide's XML can hold (kept for callers of the older name)."""
    return printable(text)


def build_deck(
    project: Project,
    phases: list[int] | None = None,
    *,
    theme: str = "light",
    comments: bool = False,
    lang: str | None = None,
    picture: bool = False,
    step: Callable[[], None] | None = None,
) -> bytes:
    """The deck as .pptx bytes: the given phases (default every recorded phase, else the draft).
    ``step`` is called after each slide (a progress bar)."""
    from pptx import Presentation
    from pptx.util import Inches

    numbers: list[int | None] = list(phases) if phases else list(range(1, len(project.phases) + 1))
    if not numbers:
        numbers = [None]
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(SLIDE_W), Inches(SLIDE_H)
    properties = deck.core_properties
    properties.title = printable(project.title) or t("untitled", lang)
    properties.created = properties.modified = FIXED_DATE.replace(tzinfo=None)
    properties.last_modified_by, properties.author, properties.revision = "pufu", "pufu", 1
    blank = deck.slide_layouts[6]
    colors = THEMES[theme]

    for number in numbers:
        slide = deck.slides.add_slide(blank)
        if colors.name != "light":
            slide.background.fill.solid()
            slide.background.fill.fore_color.rgb = _rgb(colors.background)
        chart, before = (project.draft, None) if number is None else _charts(project, number)
        _heading(slide, project, number, lang, colors)
        if number is not None:
            _happened(slide, project.phase(number).happened, lang, colors)
        if picture:
            _picture(slide, chart, before, theme=theme, comments=comments, lang=lang)
        else:
            marks = diff(before, chart).marks() if before is not None else None
            area = tuple(int(Inches(v)) for v in _CHART)
            draw_chart(
                slide, chart, area, theme=theme, comments=comments, lang=lang,  # type: ignore[arg-type]
                marks=marks, ghosts=before,
            )
        if step is not None:
            step()

    out = io.BytesIO()
    deck.save(out)
    return stable_zip(out.getvalue())


def _charts(project: Project, number: int) -> tuple[Chart, Chart | None]:
    """A phase's chart, and the chart of the phase before (None for the first)."""
    project.phase(number)  # a clear error for a phase that does not exist
    before = project.phase_chart(number - 1) if number > 1 else None
    return project.phase_chart(number), before


def _rgb(color: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(color.lstrip("#"))


def _textbox(slide: Any, where: tuple[float, float, float, float]) -> Any:
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Inches

    box = slide.shapes.add_textbox(*(Inches(v) for v in where))
    frame = box.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    return box


def _heading(slide: Any, project: Project, number: int | None, lang: str | None, colors: Any) -> None:
    """The slide's title: the phase (or the draft), its date, and the project under it."""
    if number is None:
        heading, date = t("deck.draft", lang), ""
    else:
        phase = project.phase(number)
        heading = t("diagram.phase", lang, number=number)
        if phase.title.strip():
            heading += f"「{phase.title}」" if lang != "en" else f": {phase.title}"
        date = phase.date
    box = _textbox(slide, _TITLE)
    box.name = "title"
    frame = box.text_frame
    first = frame.paragraphs[0]
    title = project.title or t("untitled", lang)
    k = _fitting([(f"{heading}　{date}", 20), (title, 12)], _TITLE)
    add_run(first, heading, 20 * k, colors.text, bold=True, lang=lang)
    if date:
        add_run(first, f"　{date}", 13 * k, colors.muted, lang=lang)
    add_run(frame.add_paragraph(), title, 12 * k, colors.muted, lang=lang)
    _shrink_to_fit(frame)


def _happened(slide: Any, happened: str, lang: str | None, colors: Any) -> None:
    """What happened since the phase before, on the slide (top right) and in the notes."""
    box = _textbox(slide, _HAPPENED)
    box.name = "happened"
    frame = box.text_frame
    text = printable(happened or t("deck.nothing_happened", lang))
    label = t("deck.happened", lang)
    k = _fitting([(label, 10), (text, 11)], _HAPPENED)
    if 11 * k < _HAPPENED_PT:  # too long for the band at a size a room can read: its start,
        k = _HAPPENED_PT / 11  # then "… (the rest in the notes)"; the notes hold it all
        text = _start_that_fits(text, t("deck.happened_more", lang), [(label, 10 * k)], 11 * k)
    add_run(frame.paragraphs[0], label, 10 * k, colors.muted, bold=True, lang=lang)
    for line in text.split("\n"):
        add_run(frame.add_paragraph(), line, 11 * k, colors.text, lang=lang)
    _shrink_to_fit(frame)
    slide.notes_slide.notes_text_frame.text = printable(happened)


def _start_that_fits(text: str, more: str, above: list[tuple[str, float]], size: float) -> str:
    """The longest start of ``text`` that, followed by ``more``, fits :data:`_HAPPENED` at
    ``size`` points under the texts ``above`` (cut at a space when there is one near)."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if _fitting([*above, (text[:middle].rstrip() + more, size)], _HAPPENED) >= 1:
            low = middle
        else:
            high = middle - 1
    start = text[:low]
    space = start.rfind(" ")
    if space > low * 0.8:
        start = start[:space]
    return start.rstrip() + more


def _fitting(texts: list[tuple[str, float]], where: tuple[float, float, float, float]) -> float:
    """The largest share (1, 0.95, ... down to 0.5) of the texts' sizes (points) at which they
    fit the text box ``where`` (inches; its insets are 0.1 in across, 0.05 in down), as the
    applications wrap them."""
    width, height = (where[2] - 0.2) * 72, (where[3] - 0.1) * 72
    for step in range(11):
        k = 1 - step * 0.05
        used = sum(
            app_lines(text, width / (size * k) * 0.97) * size * k * LINE for text, size in texts
        )
        if used <= height:
            return k
    return 0.5


def _shrink_to_fit(frame: Any) -> None:
    """PowerPoint and Impress shrink the text when it is longer than its box (a text too long
    even at half its size)."""
    from pptx.oxml.ns import qn

    body = frame._txBody.find(qn("a:bodyPr"))
    for child in list(body):
        body.remove(child)
    body.append(body.makeelement(qn("a:normAutofit"), {}))


def _picture(
    slide: Any, chart: Chart, before: Chart | None, *, theme: str, comments: bool, lang: str | None
) -> None:
    from pptx.util import Inches

    from .diagram import build_dot, render_dot

    marks = diff(before, chart).marks() if before is not None else None
    # the diagram laid out for the picture's area (as a diagram for its slide), within its margins
    size = (_PICTURE[2], _PICTURE[3])
    dot = build_dot(
        chart, theme=theme, comments=comments, lang=lang, marks=marks, ghosts=before, size=size
    )
    png = render_dot(dot, "png", size=size, dpi=DECK_DPI)
    slide.shapes.add_picture(io.BytesIO(png), *(Inches(v) for v in _PICTURE))


def stable_zip(data: bytes) -> bytes:
    """The same zip with fixed entry dates (python-pptx stamps the time of saving)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
