"""A PowerPoint deck of a project's 棋譜 with python-pptx: one 16:9 slide per phase, with the
phase's title and date, its diagram, and what happened since the phase before (also in the
speaker notes). A project with no recorded phase gives one slide of its draft."""

from __future__ import annotations

import io
from collections.abc import Callable

from ..i18n import t
from ..model import Project
from ..text import visible
from .diagram import build_dot, render_dot

SLIDE_W, SLIDE_H = 40 / 3, 7.5  # inches, PowerPoint's widescreen
_TITLE = (0.4, 0.25, SLIDE_W - 0.8, 0.75)
_DIAGRAM = (0.35, 1.0, SLIDE_W - 0.7, 5.15)
_HAPPENED = (0.4, 6.25, SLIDE_W - 0.8, 1.05)
DECK_DPI = 200


def build_deck(
    project: Project,
    phases: list[int] | None = None,
    *,
    theme: str = "light",
    comments: bool = False,
    lang: str | None = None,
    step: Callable[[], None] | None = None,
) -> bytes:
    """The deck as .pptx bytes: the given phases (default every recorded phase, else the draft).
    ``step`` is called after each slide (a progress bar)."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    numbers: list[int | None] = list(phases) if phases else list(range(1, len(project.phases) + 1))
    if not numbers:
        numbers = [None]
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(SLIDE_W), Inches(SLIDE_H)
    deck.core_properties.title = project.title or t("untitled", lang)
    blank = deck.slide_layouts[6]
    muted = RGBColor(0x4D, 0x4D, 0x4D)

    for number in numbers:
        slide = deck.slides.add_slide(blank)
        if number is None:
            chart, heading, date, happened = project.draft, t("deck.draft", lang), "", ""
        else:
            phase = project.phase(number)
            chart = project.phase_chart(number)
            heading = t("diagram.phase", lang, number=number)
            if phase.title.strip():
                heading += f"「{phase.title}」" if lang != "en" else f": {phase.title}"
            date, happened = phase.date, phase.happened

        box = slide.shapes.add_textbox(*(Inches(v) for v in _TITLE))
        frame = box.text_frame
        frame.word_wrap = True
        first = frame.paragraphs[0]
        run = first.add_run()
        run.text = _printable(heading)
        run.font.size, run.font.bold = Pt(26), True
        if date:
            run = first.add_run()
            run.text = f"　{date}"
            run.font.size = Pt(16)
            run.font.color.rgb = muted
        sub = frame.add_paragraph()
        sub.text = _printable(project.title) or t("untitled", lang)
        sub.font.size = Pt(13)
        sub.font.color.rgb = muted

        dot = build_dot(chart, theme=theme, comments=comments, lang=lang)
        png = render_dot(dot, "png", size=(_DIAGRAM[2], _DIAGRAM[3]), dpi=DECK_DPI)
        slide.shapes.add_picture(io.BytesIO(png), *(Inches(v) for v in _DIAGRAM))

        if number is not None:
            box = slide.shapes.add_textbox(*(Inches(v) for v in _HAPPENED))
            frame = box.text_frame
            frame.word_wrap = True
            head = frame.paragraphs[0]
            head.text = t("deck.happened", lang)
            head.font.size, head.font.bold = Pt(12), True
            head.font.color.rgb = muted
            for line in _printable(happened or t("deck.nothing_happened", lang)).split("\n"):
                paragraph = frame.add_paragraph()
                paragraph.text = line
                paragraph.font.size = Pt(12)
            slide.notes_slide.notes_text_frame.text = _printable(happened)
        if step is not None:
            step()

    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _printable(text: str) -> str:
    """Text a slide's XML can hold: control characters as their visible symbols."""
    return "\n".join(visible(line) for line in text.splitlines())
