"""pufu's argument parser: argparse, speaking the language of the run.

Every word the parser shows comes from the catalogue (:mod:`pufu.i18n.help`): the commands'
help lines, descriptions and options are given to argparse as catalogue keys and worded when
help is shown, and argparse's own words (``usage:``, the section titles, the ``-h`` line, the
usage errors) are replaced by the methods that produce them, in :class:`Formatter` and
:meth:`Parser.error`. Nothing of argparse's module is changed, and no ``.mo`` file is built.

The language is asked for only when something is shown (``lang``, a function given by
:mod:`pufu.cli.main`), so a run that parses fine pays nothing for it.

Help text with wide characters (Japanese has no spaces) is wrapped by pufu's text engine,
:mod:`pufu.text` (display width, between phrases, 禁則), loaded only then; English help is
wrapped by :mod:`textwrap`, as argparse wraps it.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, NoReturn

from ..i18n import t
from ..terminal import shown

EXIT_BAD_INPUT = 2  # as pufu.cli.common, which is imported only once a command runs

#: argparse's own words (its gettext message ids) → catalogue keys.
WORDS: dict[str, str] = {
    "positional arguments": "argparse.positionals",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
}

#: argparse's usage errors (as it words them in English) → catalogue keys; the named groups
#: are the values, themselves worded again when they hold an argparse message.
ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), key)
    for pattern, key in (
        (r"argument (?P<argument>[^:]+): (?P<message>.*)", "argparse.argument"),
        (r"the following arguments are required: (?P<names>.*)", "argparse.required"),
        (r"one of the arguments (?P<names>.*) is required", "argparse.one_required"),
        (r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)", "argparse.invalid_choice"),
        (r"invalid (?P<type>\w+) value: (?P<value>.*)", "argparse.invalid_value"),
        (r"unrecognized arguments: (?P<names>.*)", "argparse.unrecognized"),
        (r"not allowed with argument (?P<other>.*)", "argparse.not_allowed"),
        (r"expected one argument", "argparse.expected_one"),
        (r"expected at most one argument", "argparse.expected_at_most_one"),
        (r"expected at least one argument", "argparse.expected_at_least_one"),
        (r"ignored explicit argument (?P<value>.*)", "argparse.ignored_explicit"),
        (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)", "argparse.ambiguous"),
    )
)

#: What a catalogue key looks like (``opt.export.all_phases``).
_KEY = re.compile(r"[a-z_]+(\.[a-z_]+)+")


def _japanese() -> str:
    return "ja"


def worded(message: str, lang: str) -> str:
    """An argparse usage error in ``lang`` (a message argparse does not word is left as it is)."""
    for pattern, key in ERRORS:
        found = pattern.fullmatch(message)
        if found is None:
            continue
        values = found.groupdict()
        if "message" in values:
            values["message"] = worded(values["message"], lang)
        if "type" in values:
            values["type"] = t(f"argparse.type.{values['type']}", lang)
        return t(key, lang, **values)
    return message


def _width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def wrap(text: str, width: int) -> list[str]:
    """``text`` (one paragraph) in lines of at most ``width`` columns, by pufu's one text engine
    (:func:`pufu.text.screen_lines`: between phrases, with 禁則), loaded only when Japanese help
    is shown (``--version`` and English help never load it)."""
    text = " ".join(text.split())
    if text.isascii():  # as argparse itself wraps English (the version line, English help)
        import textwrap

        return textwrap.wrap(text, width)
    from ..text import screen_lines

    return [line.strip() for line in screen_lines(text, width) if line.strip()]


class Formatter(argparse.HelpFormatter):
    """argparse's help, worded from the catalogue in :attr:`lang` (asked for when a word is
    needed: ``--version`` formats nothing and reads no settings)."""

    language: Callable[[], str] = staticmethod(_japanese)

    @property
    def lang(self) -> str:
        return self.language()

    def word(self, text: str) -> str:
        """A catalogue key or argparse's word in :attr:`lang`; other text (a version, a metavar)
        as it is."""
        key = WORDS.get(text, text)
        return t(key, self.lang) if _KEY.fullmatch(key) else text

    def add_usage(
        self, usage: str | None, actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, t("argparse.usage", self.lang) if prefix is None else prefix)

    def _format_usage(
        self, usage: str | None, actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None,
    ) -> str:
        """argparse indents the usage's further lines by the prefix's length: it gets a stand-in
        as wide as the prefix shows (``使い方: `` takes eight columns, not five)."""
        if prefix is None or prefix.isascii():
            return super()._format_usage(usage, actions, groups, prefix)
        stand_in = "x" * sum(_width(char) for char in prefix)
        return prefix + super()._format_usage(usage, actions, groups, stand_in)[len(stand_in):]

    def start_section(self, heading: str | None) -> None:
        super().start_section(self.word(heading) if heading else heading)

    def add_text(self, text: str | None) -> None:
        super().add_text(self.word(text) if text and text is not argparse.SUPPRESS else text)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return self.word(action.help) if action.help else action.help

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        """A description filled to ``width``: its paragraphs (parted by an empty line) and its
        ``- `` items reflowed, lines indented by four spaces (examples to copy) kept as written."""
        return "\n\n".join(
            "\n".join(indent + line for line in reflow(block, width - len(indent)))
            for block in re.split(r"\n[ \t]*\n", text.strip("\n"))
        )


def _spaced(before: str, after: str) -> bool:
    """Whether joining two lines puts a space between these characters: between words, and
    between Japanese and a Latin word (``の git``), not between two Japanese characters nor next
    to Japanese punctuation (``（--global``)."""
    def tight(char: str) -> bool:
        return _width(char) == 2 and unicodedata.category(char).startswith("P")

    return not (_width(before) == 2 and _width(after) == 2) and not tight(before) and not tight(after)


def _joined(lines: list[str]) -> str:
    """Lines of one paragraph as one line (see :func:`_spaced`)."""
    text = ""
    for line in (line.strip() for line in lines):
        if text and line and _spaced(text[-1], line[0]):
            text += " "
        text += line
    return text


def reflow(block: str, width: int) -> list[str]:
    """The lines of one block of a description (see :meth:`Formatter._fill_text`)."""
    items: list[tuple[str, list[str]]] = []  # ("text" | "item" | "example", its lines)
    for line in block.split("\n"):
        if line.startswith("    "):
            items.append(("example", [line]))
        elif line.startswith("- "):
            items.append(("item", [line[2:]]))
        elif items and items[-1][0] != "example":
            items[-1][1].append(line)
        else:
            items.append(("text", [line]))
    lines: list[str] = []
    for kind, parts in items:
        if kind == "example":
            lines.append(parts[0])
        elif kind == "item":
            wrapped = wrap(_joined(parts), width - 2)
            lines.extend(("- " if n == 0 else "  ") + line for n, line in enumerate(wrapped))
        else:
            lines.extend(wrap(_joined(parts), width))
    return lines


class Parser(argparse.ArgumentParser):
    """An argument parser whose help and usage errors are in the language ``lang()`` gives;
    its subcommands' parsers are of the same kind and language. A usage error is one line,
    then a pointer to ``--help``, exit 2."""

    def __init__(self, *args: Any, lang: Callable[[], str] = _japanese, **kwargs: Any) -> None:
        kwargs["formatter_class"] = Formatter
        self.lang = lang
        super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", _Sub(type(self), self.lang))
        return super().add_subparsers(**kwargs)

    def _get_formatter(self) -> argparse.HelpFormatter:
        formatter = super()._get_formatter()
        if isinstance(formatter, Formatter):
            formatter.language = self.lang
        return formatter

    def error(self, message: str) -> NoReturn:
        lang = self.lang()
        line = t("argparse.error", lang, prog=self.prog, message=worded(message, lang))
        self.exit(EXIT_BAD_INPUT, shown(line) + "\n")


class _Sub:
    """Makes a subcommand's parser: of the parent's kind, in its language."""

    def __init__(self, kind: type[Parser], lang: Callable[[], str]) -> None:
        self.kind, self.lang = kind, lang

    def __call__(self, **kwargs: Any) -> Parser:
        return self.kind(lang=self.lang, **kwargs)
