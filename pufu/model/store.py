"""Reading and writing project files, safely.

- Reads refuse, with one line naming the file and the place, anything pufu cannot take: a
  missing file, a folder, a FIFO or device (without blocking on it), a file over
  :data:`MAX_FILE_BYTES`, invalid UTF-8, a byte-order mark, broken JSON, a key written twice in
  one object, data that does not fit the format, duplicate ids, dangling links.
- Saves are atomic: the text goes to a temporary file in the same folder, is flushed to disk
  (fsync), and then renamed over the old file, so a crash leaves the old file or the new one,
  never half of one. A symbolic link stays a link: the file it points to gets the new content.
  The file keeps its mode and, where the system allows, its owner and group. A file with other
  hard links is split: the name saved to gets the new content, the other names keep the old.
- A save refuses when the file on disk is not the one pufu read (someone else saved it, or it
  was never readable), unless forced. This is how a file pufu cannot read is never overwritten.
"""

from __future__ import annotations

import gc
import glob
import hashlib
import json
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jiter
from pydantic import BaseModel, ValidationError

from .chart import Chart
from .errors import ConflictError, FileError, FormatError, Text
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


def _open_regular(path: Path) -> int:
    """Open a file for reading without blocking, refusing anything but a regular file.

    ``O_NONBLOCK`` makes opening a FIFO (or a device that waits) return at once; ``fstat`` on the
    open descriptor then tells what it is, with no window for a swap between check and read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise FileError(path, "err.file.is_folder")
        if not stat.S_ISREG(mode):
            raise FileError(path, "err.file.not_regular_read", kind=_kind_of(mode))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _kind_of(mode: int) -> Text:
    if stat.S_ISFIFO(mode):
        return Text("err.filekind.fifo")
    if stat.S_ISSOCK(mode):
        return Text("err.filekind.socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Text("err.filekind.device")
    return Text("err.filekind.other")


def read_bytes(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a file, refusing folders, FIFOs, devices, missing files and files over the
    size limit; never blocks on what it refuses."""
    path = Path(path)
    try:
        fd = _open_regular(path)
        with os.fdopen(fd, "rb") as handle:
            size = os.fstat(fd).st_size
            if size > limit:
                raise FileError(
                    path, "err.file.too_large", size=size / 1048576, limit=limit // 1048576,
                )
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise FileError(path, "err.file.no_such_file") from None
    except IsADirectoryError:
        raise FileError(path, "err.file.is_folder") from None
    except PermissionError:
        raise FileError(path, "err.file.permission") from None
    except OSError as exc:
        raise FileError(path, "err.file.cannot_read", reason=exc.strerror or exc) from None
    if len(raw) > limit:
        raise FileError(path, "err.file.larger_than", limit=limit // 1048576)
    return raw


def decode_text(path: object, raw: bytes) -> str:
    """Strict UTF-8 without a byte-order mark, with the line of the first bad byte."""
    if raw.startswith(_BOM):
        raise FileError(path, "err.file.bom")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise FileError(path, "err.file.not_utf8", line=line, byte=exc.start) from None


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


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise _DuplicateKey
    return found


class _DuplicateKey(ValueError):
    pass


class _Marked(dict[str, Any]):
    """An object read in the slow second pass, remembering the first key it holds twice."""

    duplicate: str | None = None


def _mark_duplicates(pairs: list[tuple[str, Any]]) -> _Marked:
    found = _Marked(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                found.duplicate = key
                break
            seen.add(key)
    return found


def _duplicate_path(text: str) -> str:
    """The JSON path of the first key written twice (a second, slower pass, on error only)."""
    stack: list[tuple[str, Any]] = [("$", json.loads(text, object_pairs_hook=_mark_duplicates))]
    while stack:
        where, value = stack.pop()
        if isinstance(value, _Marked):
            if value.duplicate is not None:
                return f"{where}.{value.duplicate}"
            stack.extend((f"{where}.{key}", item) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((f"{where}[{index}]", item) for index, item in reversed(list(enumerate(value))))
    return "$"


def parse_json(path: object, raw: bytes | str, *, strict: bool = False) -> Any:
    """Parse a JSON file into Python data, with one clear line for every way it can fail.

    ``strict`` refuses a key written twice in one object (JSON readers keep the last one and
    silently drop the other), naming its JSON path.
    """
    text = raw if isinstance(raw, str) else decode_text(path, raw)
    try:
        if strict:
            return json.loads(
                text, parse_constant=_reject_constant, object_pairs_hook=_refuse_duplicates
            )
        return json.loads(text, parse_constant=_reject_constant)
    except _DuplicateKey:
        place = _duplicate_path(text)
        raise FileError(path, "err.file.dup_key", place=place) from None
    except json.JSONDecodeError as exc:
        raise FileError(path, "err.file.json_at", line=exc.lineno, column=exc.colno, reason=exc.msg) from None
    except RecursionError:
        raise FileError(path, "err.file.json_deep") from None
    except ValueError as exc:
        digits = re.search(r"\d{4300,}", text)
        if digits is not None:  # Python refuses to read integers this long
            line = text.count("\n", 0, digits.start()) + 1
            raise FileError(path, "err.file.json_number", line=line) from None
        raise FileError(path, "err.file.json_other", reason=exc) from None


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


#: pydantic's error types (and pufu's own, from :mod:`.fileformat`) said in the catalogue's words
#: (``err.json.type.<type>``); any other keeps pydantic's English message.
_WORDED = frozenset({
    "missing", "string_type", "int_type", "int_parsing", "float_type", "float_parsing", "bool_type",
    "bool_parsing", "list_type", "dict_type", "model_type", "model_attributes_type", "extra_forbidden",
    "literal_error", "enum", "greater_than_equal", "less_than_equal", "greater_than", "less_than",
    "string_too_long", "string_too_short", "too_long", "too_short", "finite_number",
    "phase_number", "note_phase",
})


def validation_message(exc: ValidationError) -> tuple[str, str | Text]:
    """The JSON path and a one-line message for the first error pydantic found."""
    error = exc.errors(include_url=False)[0]
    kind = error["type"]
    message: str | Text = error["msg"].removeprefix("Value error, ")
    if kind in _WORDED:
        message = Text(f"err.json.type.{kind}", **error.get("ctx", {}))
    if kind not in ("missing", "json_invalid", "phase_number", "note_phase") and "input" in error:
        shown = repr(error["input"])
        if len(shown) > 60:
            shown = shown[:57] + "..."
        message = Text("err.json.found", message=message, found=shown)
    return json_path(tuple(error["loc"])), message


def validate(path: object, model: type[BaseModel], text: str | bytes) -> Any:
    """Parse and validate JSON text against a model (in one pass, in pydantic's Rust core),
    naming the file and the place of the first error."""
    try:
        with _gc_paused():
            return model.model_validate_json(text)
    except ValidationError as exc:
        place, message = validation_message(exc)
        if isinstance(message, str) and message.startswith("Invalid JSON"):
            raise FileError(path, "err.file.json_other", reason=message.removeprefix("Invalid JSON").removeprefix(":").strip()) from None
        raise FileError(path, "err.file.at", place=place, message=message) from None


def load_project(path: str | os.PathLike[str]) -> tuple[Project, Stamp]:
    """Read a project file; returns the project and the stamp to save against."""
    raw = read_bytes(path)
    return loads_project(path, raw), Stamp.of(raw)


def check_unique_keys(path: object, raw: bytes) -> None:
    """Refuse a key written twice in one object, naming its JSON path and line.

    JSON readers (pydantic's too) keep the last value and silently drop the other, and the next
    save would erase it. jiter (the Rust reader inside pydantic, as a package) finds them in
    about two thirds of the time of a ``json.load``; the path is found by a slower pass, only
    when there is a duplicate.
    """
    try:
        jiter.from_json(raw, catch_duplicate_keys=True)
    except ValueError as exc:
        message = str(exc)
        if not message.startswith("Detected duplicate key"):
            return  # not JSON: the validator says where
        place = _duplicate_path(raw.decode("utf-8", "surrogatepass"))
        where = message[message.find(" at line ") + 4 :] if " at line " in message else ""
        raise FileError(path, "err.file.dup_key_at" if where else "err.file.dup_key", place=place, where=where) from None


def loads_project(path: object, raw: bytes) -> Project:
    """Parse and check the bytes of a project file."""
    if raw.startswith(_BOM):
        decode_text(path, raw)  # raises the byte-order-mark message
    _check_header(path, raw[:4096].decode("utf-8", "replace"))
    with _gc_paused():  # one pause for the whole read: no collection between its steps
        try:
            data = validate(path, ProjectData, raw)  # pydantic checks the UTF-8 as it parses
        except FileError:
            decode_text(path, raw)  # invalid UTF-8 gets its own message, with the line
            raise
        check_unique_keys(path, raw)
        try:
            return Project.from_data(data)
        except FormatError as exc:
            raise FileError(path, "err.file.at", place=exc.path, message=exc.text) from None


def load_draft(path: str | os.PathLike[str]) -> tuple[Project, Stamp]:
    """Read a project for a look at its draft only (``pufu check``): see :func:`loads_draft`."""
    raw = read_bytes(path)
    return loads_draft(path, raw), Stamp.of(raw)


def loads_draft(path: object, raw: bytes) -> Project:
    """The title, draft, notes and conflicts of a project file, read as strictly as
    :func:`loads_project` reads them (UTF-8, JSON, no key written twice anywhere in the file,
    the format), with the recorded phases parsed, numbered and counted but their charts not
    validated: about a third of the time of a whole read. The project returned has no phases:
    it is for reading, never for saving. A file this read refuses is read whole, so its error
    is the one :func:`loads_project` gives."""
    if raw.startswith(_BOM):
        decode_text(path, raw)
    _check_header(path, raw[:4096].decode("utf-8", "replace"))
    try:
        with _gc_paused():
            found = jiter.from_json(raw, catch_duplicate_keys=True, allow_inf_nan=False)
    except ValueError:
        found = None
    phases = found.get("phases", []) if isinstance(found, dict) else None
    if not isinstance(phases, list) or any(
        not isinstance(phase, dict) or phase.get("number") != index + 1 for index, phase in enumerate(phases)
    ):
        return loads_project(path, raw)  # raises, naming the place
    try:
        with _gc_paused():
            data = ProjectData.model_validate({**found, "phases": []}, context={"phases": len(phases)})
    except ValidationError:
        return loads_project(path, raw)
    try:
        with _gc_paused():
            return Project(
                title=data.title,
                draft=Chart.from_data(data.draft, "$.draft"),
                notes=list(data.notes),
                conflicts=list(data.conflicts or ()),
            )
    except FormatError as exc:
        raise FileError(path, "err.file.at", place=exc.path, message=exc.text) from None


def _check_header(path: object, text: str) -> None:
    """Tell a newer format, or a pufu-editor chart, apart from a damaged file."""
    head = text[:4096]
    if '"format"' not in head and ('"gainingGoal"' in head or '"phase1"' in head):
        raise FileError(path, "err.file.editor_file")
    marker = '"version":'
    at = head.find(marker)
    if at >= 0:
        digits = head[at + len(marker) :].lstrip()[:6]
        number = "".join(ch for ch in digits if ch.isdigit())
        if number and int(number) > FORMAT_VERSION:
            raise FileError(path, "err.file.newer", number=number, version=FORMAT_VERSION)


# ---------------------------------------------------------------------- writing


def dumps_project(project: Project) -> str:
    """The text of a project file: stable key order, two-space indent, a final newline."""
    return dumps_model(project.to_data())


def dumps_model(model: BaseModel) -> str:
    return model.model_dump_json(indent=2, exclude_none=True) + "\n"


def stamp_of(path: str | os.PathLike[str]) -> Stamp | None:
    """The stamp of the file now on disk, or None when there is none."""
    try:
        fd = _open_regular(Path(path))
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise FileError(path, "err.file.is_folder") from None
    except OSError as exc:
        raise FileError(path, "err.file.cannot_read", reason=exc.strerror or exc) from None
    with os.fdopen(fd, "rb") as handle:
        return Stamp.of(handle.read())


def save_project(
    project: Project,
    path: str | os.PathLike[str],
    base: Stamp | None,
    *,
    force: bool = False,
    wait: float | None = None,
) -> Stamp:
    """Save atomically; ``base`` is the stamp pufu read (None for a new file).

    The check and the write happen under the file's lock (:mod:`pufu.model.lock`), so no other
    pufu can save in between. Raises :class:`ConflictError` when the file on disk is not
    ``base``, unless ``force``; :class:`~pufu.model.lock.LockedError` when another writer holds
    the lock for longer than ``wait`` seconds (default :data:`pufu.model.lock.DEFAULT_WAIT`).
    """
    from .lock import DEFAULT_WAIT, locked

    data = dumps_project(project).encode("utf-8")
    with locked(path, DEFAULT_WAIT if wait is None else wait):
        if not force:
            current = stamp_of(path)
            if base is None and current is not None:
                raise ConflictError(path, "err.file.exists")
            if base is not None and current != base:
                raise ConflictError(path, "err.file.removed_since" if current is None else "err.file.changed_since")
        write_atomic(path, data, exclusive=base is None and not force)
    return Stamp.of(data)


def write_atomic(path: str | os.PathLike[str], data: bytes, *, exclusive: bool = False) -> None:
    """Write a file so that a crash leaves either the old file or the new one, whole.

    A symbolic link is followed: the file it points to is replaced (atomically) and the link
    stays a link. Mode, owner and group are kept (the owner when running as root, the group
    when the user belongs to it). Anything but a regular file (a FIFO, a device) is refused.
    ``exclusive`` creates a new file and refuses, atomically, when one appeared meanwhile.
    """
    given = Path(path)
    path = Path(os.path.realpath(given)) if given.is_symlink() else given
    folder = path.parent if str(path.parent) else Path(".")
    owner: tuple[int, int] | None = None
    try:
        info = path.stat()
        mode = info.st_mode & 0o7777
        if stat.S_ISDIR(info.st_mode):
            raise FileError(given, "err.file.folder_not_saved")
        if not stat.S_ISREG(info.st_mode):
            raise FileError(given, "err.file.not_regular_save", kind=_kind_of(info.st_mode))
        owner = (info.st_uid, info.st_gid)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    except OSError as exc:
        raise FileError(given, "err.file.not_saved", reason=exc.strerror or exc) from None
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            if owner is not None:
                _keep_owner(handle.fileno(), *owner)
        os.chmod(tmp, mode)
        if exclusive:
            if owner is not None:
                raise ConflictError(given, "err.file.exists")
            _link_new(tmp, path, given)
        else:
            os.replace(tmp, path)
            tmp = None
        _fsync_folder(folder)
        _remove_stale_temporaries(path)
    except OSError as exc:
        raise FileError(given, "err.file.not_saved_unchanged", reason=exc.strerror or exc) from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _keep_owner(fd: int, uid: int, gid: int) -> None:
    """Give the new file the old one's owner and group, as far as this user may."""
    if not hasattr(os, "fchown"):
        return
    info = os.fstat(fd)
    if (info.st_uid, info.st_gid) == (uid, gid):
        return
    for wanted in ((uid, gid), (-1, gid)):
        try:
            os.fchown(fd, *wanted)
            return
        except OSError:
            continue


def _link_new(tmp: str, path: Path, given: Path) -> None:
    """Give the temporary file its name only if that name is still free (``link`` never
    replaces); file systems without hard links fall back to a rename."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise ConflictError(given, "err.file.exists") from None
    except OSError:
        if os.path.lexists(path):
            raise ConflictError(given, "err.file.exists") from None
        os.replace(tmp, path)


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
