"""評価指標 (yardsticks) in the editor: add, edit, set the value, remove; each a model operation
through the session, so undo takes it back. Mixed into :class:`~pufu.tui.app.PufuApp`.

A yardstick belongs to the 勝利条件 or to a 中間目的 and is drawn under it; the keys act on the
yardsticks of the selected part (a 施策's: its 中間目的's; anything else: the 勝利条件's), asking
which one when there are several.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from ..i18n import t
from ..model import ChartError, Kind, MetricData, format_number, history, metric_line
from ..model.metrics import parse_number, sparkline
from ..model.texts import nfc as normalize
from ..text import truncate
from .dialogs import DIALOG_CSS, ConfirmDialog, InputDialog, PickDialog

if TYPE_CHECKING:
    from ..model import Session
    from .sheet import SheetView

#: The fields of the dialog, in order: (field, is a number).
FIELDS: tuple[tuple[str, bool], ...] = (
    ("name", False),
    ("unit", False),
    ("target", True),
    ("baseline", True),
    ("value", True),
    ("note", False),
)


def _shown(value: int | float | str | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else format_number(value).replace(",", "")


class MetricDialog(ModalScreen[dict[str, Any] | None]):
    """A yardstick's name, unit, target, baseline, value, direction and note. Enter in a field
    goes on to the next; Enter in the last (or OK) confirms; a number that is not one is named
    in the dialog, which stays open. Escape cancels."""

    DEFAULT_CSS = DIALOG_CSS.format(name="MetricDialog") + """
    MetricDialog Input { width: 50; }
    MetricDialog #metric-error { color: $error; }
    """
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, lang: str, metric: MetricData | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.lang = lang
        self.metric = metric

    def compose(self) -> ComposeResult:
        metric = self.metric
        with Vertical():
            yield Label(self.title_text, classes="message")
            for field, _ in FIELDS:
                value = getattr(metric, field) if metric is not None else None
                yield Label(t(f"metric.{field}", self.lang), classes="field-label")
                yield Input(_shown(value), id=f"metric-{field}")
            yield Label(t("metric.direction", self.lang), classes="field-label")
            lower = metric is not None and metric.direction == "lower"
            with RadioSet(id="metric-direction"):
                yield RadioButton(t("metric.direction.higher", self.lang), value=not lower, id="direction-higher")
                yield RadioButton(t("metric.direction.lower", self.lang), value=lower, id="direction-lower")
            yield Label("", id="metric-error")
            with Horizontal():
                yield Button(t("dialog.ok", self.lang), variant="primary", id="ok", compact=True)
                yield Button(t("dialog.cancel", self.lang), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#metric-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        ids = [f"metric-{field}" for field, _ in FIELDS]
        index = ids.index(event.input.id or "")
        if index + 1 < len(ids):
            self.query_one(f"#{ids[index + 1]}", Input).focus()
        else:
            self.confirm()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self.confirm()
        else:
            self.dismiss(None)

    def confirm(self) -> None:
        fields: dict[str, Any] = {}
        for field, numeric in FIELDS:
            text = normalize(self.query_one(f"#metric-{field}", Input).value).strip()
            if not numeric:
                fields[field] = text
            elif not text or text == "○":
                fields[field] = None
            else:
                try:
                    fields[field] = parse_number(text)
                except ChartError:
                    label = t(f"metric.{field}", self.lang)
                    self.query_one("#metric-error", Label).update(t("metric.bad_number", self.lang, what=label, text=text))
                    self.query_one(f"#metric-{field}", Input).focus()
                    return
        if not fields["name"]:
            self.query_one("#metric-error", Label).update(t("metric.need_name", self.lang))
            self.query_one("#metric-name", Input).focus()
            return
        pressed = self.query_one(RadioSet).pressed_button
        fields["direction"] = "lower" if pressed is not None and pressed.id == "direction-lower" else "higher"
        self.dismiss(fields)

    def action_cancel(self) -> None:
        self.dismiss(None)


class MetricActions:
    """The yardstick keys of the editor (mixed into the app)."""

    session: Session
    lang: str

    if TYPE_CHECKING:

        @property
        def sheet(self) -> SheetView: ...
        def apply(self, operation: str, /, *args: Any, **kwargs: Any) -> str | list[str] | None: ...
        def say(self, message: str) -> None: ...
        def push_screen(self, screen: Any, callback: Any = None) -> Any: ...

    def metric_sparks(self) -> dict[str, str]:
        """A sparkline of the phases so far and the draft, per yardstick of the draft."""
        return {metric_id: sparkline(values) for metric_id, values in history(self.session.project).items()}

    def _metric_part(self) -> str:
        """The part whose yardsticks the keys act on: the selected 勝利条件 or 中間目的, a 施策's
        中間目的, else the 勝利条件."""
        chart = self.session.chart
        slot = self.sheet.selection
        kind = chart.part(slot.part).kind
        if kind in (Kind.WIN, Kind.PURPOSE):
            return slot.part
        if kind == Kind.MEASURE and slot.purpose:
            return slot.purpose
        return chart.win

    def _with_metric(self, then: Callable[[MetricData], None]) -> None:
        """Run ``then`` on the selected part's yardstick, asking which when there are several."""
        chart = self.session.chart
        candidates = chart.metrics(self._metric_part()) or chart.metrics()
        if not candidates:
            self.say(t("metric.none_here", self.lang))
            return
        if len(candidates) == 1:
            then(candidates[0])
            return

        def chosen(metric_id: str | None) -> None:
            if metric_id is not None:
                then(self.session.chart.metric(metric_id))

        options = [(m.id, truncate(metric_line(m), 70)) for m in candidates]
        self.push_screen(PickDialog(t("metric.choose", self.lang), options), chosen)

    def action_add_metric(self) -> None:
        part = self._metric_part()

        def done(fields: dict[str, Any] | None) -> None:
            if fields is not None:
                self.apply("add_metric", fields.pop("name"), part=part, **fields)

        title = t("metric.dialog.add", self.lang, part=self._part_name(part))
        self.push_screen(MetricDialog(title, self.lang), done)

    def action_edit_metric(self) -> None:
        def edit(metric: MetricData) -> None:
            def done(fields: dict[str, Any] | None) -> None:
                if fields is None:
                    return
                value = fields.pop("value")
                changed = {k: v for k, v in fields.items() if getattr(metric, k) != v}
                if changed:
                    self.apply("set_metric", metric.id, **changed)
                if value != metric.value:
                    self.apply("set_metric_value", metric.id, value)

            title = t("metric.dialog.edit", self.lang, name=truncate(metric.name, 40))
            self.push_screen(MetricDialog(title, self.lang, metric), done)

        self._with_metric(edit)

    def action_metric_value(self) -> None:
        def ask(metric: MetricData) -> None:
            def typed(text: str | None) -> None:
                if text is None:
                    return
                text = normalize(text).strip()
                try:
                    value = parse_number(text) if text else None
                except ChartError:
                    self.say(t("metric.bad_number", self.lang, what=t("metric.value", self.lang), text=text))
                    return
                if value != metric.value:
                    self.apply("set_metric_value", metric.id, value)

            title = t("metric.dialog.value", self.lang, line=truncate(metric_line(metric), 60))
            self.push_screen(InputDialog(title, _shown(metric.value)), typed)

        self._with_metric(ask)

    def action_remove_metric(self) -> None:
        def remove(metric: MetricData) -> None:
            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.apply("remove_metric", metric.id)

            message = t("metric.dialog.remove", self.lang, name=truncate(metric.name, 40))
            self.push_screen(ConfirmDialog(message, self.lang), confirmed)

        self._with_metric(remove)

    def _part_name(self, part: str) -> str:
        chart = self.session.chart
        if chart.part(part).kind == Kind.WIN:
            return t("kind.win", self.lang)
        return f"{t('kind.purpose', self.lang)}「{truncate(chart.part(part).text, 30)}」"
