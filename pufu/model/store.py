"""Reading and writing project files, safely.

- Reads refuse, with one line naming the file and the place, anything pufu cannot take: a
  missing file, a folder, a file over :data:`MAX_FILE_BYTES`, invalid UTF-8, a byte-order mark,
  broken JSON, data that does not fit the format, duplicate ids, dangling links.
- Saves are atomic: the text goes to a temporary file in the same folder, is flushed to disk
  (fsync), and then renamed over the old file, so a crash leaves the old file or the new one,
  never half of one.
- A save refuses when the file on disk is not the one pufu read (someone else saved it, or it
  was never readable), unless forced. This is how a file pufu cannot read is never overwritten.
"""

from __future__ import annotations

import gc
import glob
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import ConflictError, FileError, FormatError
from .fileformat import FORMAT_VERSION, ProjectData
from .project import Project

#: The largest file pufu reads: 128 MiB (a 500-phase project of 30 × 10 charts with comments is
#: about 60 MB).
MAX_FILE_BYTES = 128 * 1024 * 1024

_BOM = b"\xef\xbb\xbf"
# Union members and validator names that pydantic adds to an error's location.
_LOC_NOISE = {"int", "float", "str", "bool", "none", "constrained-int", "constrained-float", "enum"}


@dataclass(frozen=True, slots=True)
class Stamp:
    """What a file held when pufu read or wrote it, to tell whether it changed since."""

    size: int
    digest: str

    @classmethod
    def of(cls, raw: bytes) -> Stamp:
        return cls(len(raw), hashlib.sha256(raw).hexdigest())


# ---------------------------------------------------------------------- reading


def read_bytes(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a file, refusing folders, missing files and files over the size limit."""
    path = Path(path)
    try:
        if path.is_dir():
            raise FileError(path, "is a folder, not a file")
        size = path.stat().st_size
        if size > limit:
            raise FileError(
                path, f"is {size / 1048576:.1f} MiB; pufu reads files up to {limit // 1048576} MiB"
            )
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise FileError(path, "no such file") from None
    except PermissionError:
        raise FileError(path, "cannot be read: permission denied") from None
    except OSError as exc:
        raise FileError(path, f"cannot be read: {exc.strerror or exc}") from None
    if len(raw) > limit:
        raise FileError(path, f"is larger than {limit // 1048576} MiB, the most pufu reads")
    return raw


def decode_text(path: object, raw: bytes) -> str:
    """Strict UTF-8 without a byte-order mark, with the line of the first bad byte."""
    if raw.startswith(_BOM):
        raise FileError(
            path, "line 1: starts with a byte-order mark (BOM); save it as UTF-8 without BOM"
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise FileError(path, f"line {line} (byte {exc.start}): not valid UTF-8") from None


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Building many small acyclic objects triggers needless full collections; pause them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_json(path: object, raw: bytes) -> Any:
    """Parse a JSON file into Python data, with one clear line for every way it can fail."""
    text = decode_text(path, raw)
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise FileError(path, f"line {exc.lineno} column {exc.colno}: not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise FileError(path, "not valid JSON: nested too deeply") from None
    except ValueError as exc:
        raise FileError(path, f"not valid JSON: {exc}") from None


def json_path(loc: tuple[str | int, ...]) -> str:
    """``('draft', 'purposes', 2, 'text')`` → ``$.draft.purposes[2].text``."""
    out = "$"
    for item in loc:
        if isinstance(item, int):
            out += f"[{item}]"
        elif item in _LOC_NOISE or "[" in item:
            continue
        else:
            out += f".{item}"
    return out


def validation_message(exc: ValidationError) -> tuple[str, str]:
    """The JSON path and a one-line message for the first error pydantic found."""
    error = exc.errors(include_url=False)[0]
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] not in ("missing", "json_invalid") and "input" in error:
        shown = repr(error["input"])
        if len(shown) > 60:
            shown = shown[:57] + "..."
        message += f" (found {shown})"
    return json_path(tuple(error["loc"])), message


def validate(path: object, model: type[BaseModel], text: str | bytes) -> Any:
    """Parse and validate JSON text against a model (in one pass, in pydantic's Rust core),
    naming the file and the place of the first error."""
    try:
        with _gc_paused():
            return model.model_validate_json(text)
    except ValidationError as exc:
        place, message = validation_message(exc)
        if message.startswith("Invalid JSON"):
            raise FileError(path, message.replace("Invalid JSON", "not valid JSON", 1)) from None
        raise FileError(path, f"{place}: {message}") from None


def load_project(path: str | os.PathLike[str]) -> tuple[Project, Stamp]:
    """Read a project file; returns the project and the stamp to save against."""
    raw = read_bytes(path)
    return loads_project(path, raw), Stamp.of(raw)


def loads_project(path: object, raw: bytes) -> Project:
    """Parse and check the bytes of a project file."""
    if raw.startswith(_BOM):
        decode_text(path, raw)  # raises the byte-order-mark message
    _check_header(path, raw[:4096].decode("utf-8", "replace"))
    try:
        data = validate(path, ProjectData, raw)  # pydantic checks the UTF-8 as it parses
    except FileError:
        decode_text(path, raw)  # invalid UTF-8 gets its own message, with the line
        raise
    try:
        with _gc_paused():
            return Project.from_data(data)
    except FormatError as exc:
        raise FileError(path, str(exc)) from None


def _check_header(path: object, text: str) -> None:
    """Tell a newer format, or a pufu-editor chart, apart from a damaged file."""
    head = text[:4096]
    if '"format"' not in head and ('"gainingGoal"' in head or '"phase1"' in head):
        raise FileError(
            path, "$: this is a pufu-editor file, not a pufu project; use: pufu import FILE -o PROJECT"
        )
    marker = '"version":'
    at = head.find(marker)
    if at >= 0:
        digits = head[at + len(marker) :].lstrip()[:6]
        number = "".join(ch for ch in digits if ch.isdigit())
        if number and int(number) > FORMAT_VERSION:
            raise FileError(
                path,
                f"$.version: format version {number} is newer than this pufu reads "
                f"({FORMAT_VERSION}); update pufu",
            )


# ---------------------------------------------------------------------- writing


def dumps_project(project: Project) -> str:
    """The text of a project file: stable key order, two-space indent, a final newline."""
    return dumps_model(project.to_data())


def dumps_model(model: BaseModel) -> str:
    return model.model_dump_json(indent=2, exclude_none=True) + "\n"


def stamp_of(path: str | os.PathLike[str]) -> Stamp | None:
    """The stamp of the file now on disk, or None when there is none."""
    try:
        with open(path, "rb") as handle:
            return Stamp.of(handle.read())
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise FileError(path, "is a folder, not a file") from None
    except OSError as exc:
        raise FileError(path, f"cannot be read: {exc.strerror or exc}") from None


def save_project(
    project: Project,
    path: str | os.PathLike[str],
    base: Stamp | None,
    *,
    force: bool = False,
) -> Stamp:
    """Save atomically; ``base`` is the stamp pufu read (None for a new file).

    Raises :class:`ConflictError` when the file on disk is not ``base``, unless ``force``.
    """
    data = dumps_project(project).encode("utf-8")
    if not force:
        current = stamp_of(path)
        if base is None and current is not None:
            raise ConflictError(path, "already exists; pufu will not replace it (use --force)")
        if base is not None and current != base:
            what = "was removed" if current is None else "changed on disk"
            raise ConflictError(path, f"{what} since pufu read it; not saved, to keep that work")
    write_atomic(path, data)
    return Stamp.of(data)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write a file so that a crash leaves either the old file or the new one, whole."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    except OSError as exc:
        raise FileError(path, f"not saved: {exc.strerror or exc}") from None
    if path.is_dir():
        raise FileError(path, "is a folder; not saved")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
        tmp = None
        _fsync_folder(folder)
        _remove_stale_temporaries(path)
    except OSError as exc:
        raise FileError(path, f"not saved: {exc.strerror or exc}; nothing on disk was changed") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


#: A temporary file older than this was left by a save that was killed; it can go.
STALE_TEMPORARY_SECONDS = 600


def _remove_stale_temporaries(path: Path) -> None:
    now = time.time()
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        try:
            if now - leftover.stat().st_mtime > STALE_TEMPORARY_SECONDS:
                leftover.unlink()
        except OSError:
            pass


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
