"""What the commands share: exit codes, error lines, opening projects, writing outputs."""

from __future__ import annotations

import sys
from pathlib import Path

from ..model import FileError, Project, Stamp, write_atomic
from ..model.document import Document

EXIT_OK = 0
EXIT_CHECK_ERRORS = 1
EXIT_BAD_INPUT = 2


class CommandError(Exception):
    """A command cannot run as asked; the message says what to do instead."""


def fail(message: str) -> int:
    """Print one error line on stderr and return the bad-input exit code."""
    print(f"pufu: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def warn(message: str) -> None:
    print(f"pufu: warning: {message}", file=sys.stderr)


def info(message: str) -> None:
    print(message, file=sys.stderr)


def open_project(path: str) -> tuple[Project, Stamp]:
    """Load a project or raise a one-line error naming the file and the place."""
    doc = Document.open(path)
    assert doc.stamp is not None
    return doc.project, doc.stamp


def write_output(target: str, content: str | bytes, *, force: bool = False) -> None:
    """Write to a file (atomically, refusing to replace one without ``force``) or ``-`` (stdout)."""
    if target == "-":
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(content)
            sys.stdout.flush()
        return
    path = Path(target)
    if path.is_dir():
        raise FileError(path, "is a folder; name a file to write")
    if path.exists() and not force:
        raise FileError(path, "already exists; pufu will not replace it (use --force)")
    if not path.parent.exists():
        raise FileError(path, f"folder {path.parent} does not exist")
    data = content.encode("utf-8") if isinstance(content, str) else content
    write_atomic(path, data)
