"""What the commands share: exit codes, error lines, opening projects, writing outputs."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from ..i18n import t
from ..model import FileError, Project, PufuError, Stamp, write_atomic
from ..model.document import Document
from ..model.errors import Text
from ..terminal import shown

EXIT_OK = 0
EXIT_CHECK_ERRORS = 1
EXIT_BAD_INPUT = 2


class CommandError(PufuError):
    """A command cannot run as asked; the message (a catalogue key and values) says what to do
    instead."""


def fail(message: str) -> int:
    """Print one error line on stderr and return the bad-input exit code."""
    print(f"pufu: {t('cli.error')}: {shown(message)}", file=sys.stderr)
    return EXIT_BAD_INPUT


def warn(message: str) -> None:
    print(f"pufu: {t('cli.warning')}: {shown(message)}", file=sys.stderr)


def info(message: str) -> None:
    print(shown(message), file=sys.stderr)


def out(line: object = "", keep: str = "\t") -> None:
    """Print a line of a command's output on stdout, every control character from a file
    shown visibly (tabs kept: they separate the columns)."""
    print(shown(line, keep))


def open_project(path: str) -> tuple[Project, Stamp]:
    """Load a project or raise a one-line error naming the file and the place."""
    doc = Document.open(path)
    assert doc.stamp is not None
    return doc.project, doc.stamp


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)  # hard links, bind mounts, different spellings
    except OSError:
        return False


def check_output_target(target: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Refuse an output that would replace one of the command's ``inputs`` (the same file by
    any name: a symlink, a hard link, ``./x``) or that is not a regular file (a FIFO, a device,
    a socket), ``--force`` or not. ``-`` (standard output) is always fine."""
    if str(target) == "-":
        return
    path = Path(target)
    for source in inputs:
        if str(source) != "-" and _same_file(path, Path(source)):
            raise FileError(path, "cli.output_is_input", input=source)
    try:
        mode = os.stat(path).st_mode
    except OSError:  # missing (it will be created), or unreadable (writing will say so)
        return
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return
    kind = (
        "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "fifo" if stat.S_ISFIFO(mode)
        else "socket" if stat.S_ISSOCK(mode)
        else "other"
    )
    raise FileError(path, "cli.output_not_regular", what=Text(f"cli.filekind.{kind}"))


def to_stdout(content: str | bytes) -> None:
    """An export's content on standard output, as it is (text or bytes)."""
    if isinstance(content, bytes):
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(content)
        sys.stdout.flush()


def write_output(
    target: str, content: str | bytes, *, force: bool = False, inputs: Iterable[str] = ()
) -> None:
    """Write to a file (atomically, refusing to replace one without ``force``) or ``-`` (stdout);
    never over one of ``inputs`` or a file that is not a regular one (:func:`check_output_target`)."""
    if target == "-":
        to_stdout(content)
        return
    check_output_target(target, inputs)
    path = Path(target)
    if path.is_dir():
        raise FileError(path, "err.file.folder_name_file")
    if path.exists() and not force:
        raise FileError(path, "err.file.exists")
    if not path.parent.exists():
        raise FileError(path, "err.file.no_folder", folder=path.parent)
    data = content.encode("utf-8") if isinstance(content, str) else content
    write_atomic(path, data)
