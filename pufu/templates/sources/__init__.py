"""The templates' sources, one module per group; :data:`SPECS` lists them in display order."""

from __future__ import annotations

from ..spec import TemplateSpec

SPECS: list[TemplateSpec] = []
