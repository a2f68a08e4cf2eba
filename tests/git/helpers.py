"""Projects for the merge tests: a base and two copies edited apart."""

from __future__ import annotations

from pufu.model import Project, ProjectData, loads_project
from pufu.model.store import dumps_project

from ..core.helpers import sample_session


def base_project() -> tuple[Project, dict[str, str]]:
    session, ids = sample_session()
    project = session.project
    project.snapshot("キックオフ", date="2026-01-10")
    return project, ids


def copy(project: Project) -> Project:
    """An independent copy, as another person's checkout holds it."""
    return loads_project("copy", dumps_project(project).encode())


def data(project: Project) -> ProjectData:
    return project.to_data()
