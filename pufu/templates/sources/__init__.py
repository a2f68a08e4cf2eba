"""The templates' sources, one module per group; :data:`SPECS` lists them in display order."""

from __future__ import annotations

from ..spec import TemplateSpec
from . import business_type, initiatives, loops

SPECS: list[TemplateSpec] = [*business_type.SPECS, *initiatives.SPECS, *loops.SPECS]
