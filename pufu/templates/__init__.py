"""Bundled templates: complete プ譜 sheets of the initiatives CS teams run, and the demo.

    from pufu.templates import list_templates, load_template

    for info in list_templates("en"):
        print(info.name, info.description)
    project = load_template("self-service-launch", "en")

Each template is stored as a project file per language, ``pufu/templates/ja/NAME.pufu.json``
and ``pufu/templates/en/NAME.pufu.json``, listed with one-line descriptions in
``pufu/templates/index.json``. The template ``demo`` is the bundled demo project
(``pufu/data/demo.pufu.json``; ``demo.en.pufu.json`` in English), with its phases and notes.
All of them are generated from the Python sources in this package
(``python -m pufu.templates.build``); edit the sources, not the JSON.

A project loaded from a template gets fresh part ids, so two projects made from one template
never share ids (a part keeps one id across the phases and notes of its own project).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.abc import Traversable

from ..i18n import LANGS, default_lang
from ..model import Project, PufuError
from ..model.store import loads_project
from .ids import refresh_ids

DEMO = "demo"


class UnknownTemplateError(PufuError):
    """No template has that name; the message lists the known ones."""


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    """A template's name (an ASCII slug) and its one-line description in one language."""

    name: str
    description: str


@cache
def _index() -> tuple[dict[str, str], ...]:
    text = resources.files(__name__).joinpath("index.json").read_text(encoding="utf-8")
    return tuple(json.loads(text)["templates"])


def _lang(lang: str | None) -> str:
    lang = lang or default_lang()
    if lang not in LANGS:
        raise PufuError("err.templates.unknown_lang", lang=lang, langs=", ".join(LANGS))
    return lang


def template_names() -> list[str]:
    """Every template name, in display order (the demo last)."""
    return [entry["name"] for entry in _index()]


def list_templates(lang: str | None = None) -> list[TemplateInfo]:
    """Every template with its description in ``lang`` (default: the user's language)."""
    lang = _lang(lang)
    return [TemplateInfo(entry["name"], entry[lang]) for entry in _index()]


def describe(name: str, lang: str | None = None) -> str:
    """The one-line description of a template."""
    lang = _lang(lang)
    for entry in _index():
        if entry["name"] == name:
            return entry[lang]
    raise _unknown(name)


def template_file(name: str, lang: str | None = None) -> Traversable:
    """Where a template's project file is bundled."""
    lang = _lang(lang)
    if name not in template_names():
        raise _unknown(name)
    if name == DEMO:
        return demo_file(lang)
    return resources.files(__name__).joinpath(lang, f"{name}.pufu.json")


def demo_file(lang: str | None = None) -> Traversable:
    """The bundled demo project (Japanese, or English with ``lang="en"``)."""
    lang = _lang(lang)
    filename = "demo.pufu.json" if lang == "ja" else f"demo.{lang}.pufu.json"
    return resources.files("pufu").joinpath("data", filename)


def load_template(name: str, lang: str | None = None, *, fresh_ids: bool = True) -> Project:
    """A new project from a template; with ``fresh_ids`` (the default) every part id is new."""
    source = template_file(name, lang)
    raw = source.read_bytes()
    if fresh_ids:
        raw = json.dumps(refresh_ids(json.loads(raw)), ensure_ascii=False).encode("utf-8")
    return loads_project(f"template {name}", raw)


def _unknown(name: str) -> UnknownTemplateError:
    return UnknownTemplateError(
        "err.templates.unknown", name=name, names=", ".join(template_names())
    )


__all__ = [
    "DEMO",
    "TemplateInfo",
    "UnknownTemplateError",
    "demo_file",
    "describe",
    "list_templates",
    "load_template",
    "template_file",
    "template_names",
]
