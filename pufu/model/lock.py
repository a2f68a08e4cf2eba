"""The lock every writer holds for its whole read-check-write of a project file.

Why ``fcntl.flock`` on the project file itself, not a sidecar lock file (``filelock``):
nothing is left beside the project (no ``.plan.pufu.json.lock`` to puzzle a user, to sync or to
commit), it works across users and across state folders (anyone who can read the file can lock
it), it follows a symbolic link to the file it saves, and the kernel drops the lock when a
process dies, so a killed ``pufu`` never leaves a stale lock. ``filelock`` cannot lock the file
itself: it opens its lock file with ``O_TRUNC``.

A save replaces the file by renaming a new one over it, so a waiting writer may get the lock on
the old, replaced file; after taking the lock it checks the path still names the file it
locked, and tries again if not. Who holds a lock (pid, host, command, since when) is written to
``locks/KEY.json`` in pufu's state folder, only to name them when a writer gives up waiting.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import FileError, Text

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; saves still check the file before replacing it
    fcntl = None  # type: ignore[assignment]

#: How long a writer waits for another to finish (seconds), unless its caller says otherwise:
#: the CLI and the editor pass the ``lock_wait`` setting (:mod:`pufu.settings`, ``PUFU_LOCK_WAIT``).
DEFAULT_WAIT = 10.0


class LockedError(FileError):
    """Another process held the project's lock for longer than pufu waits."""


def resolved(path: str | os.PathLike[str]) -> Path:
    return Path(os.path.realpath(Path(path).expanduser()))


def path_key(path: str | os.PathLike[str]) -> str:
    """A short key for a file, from its resolved path (links lead to the same key)."""
    text = str(resolved(path))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _info_file(path: str | os.PathLike[str]) -> Path | None:
    try:
        from ..locations import state_dir

        return state_dir() / "locks" / f"{path_key(path)}.json"
    except Exception:  # no state folder: holders go unnamed
        return None


def _command() -> str:
    words = ["pufu", *sys.argv[1:]] if sys.argv and "pufu" in Path(sys.argv[0]).name else sys.argv
    text = " ".join(words)
    return text if len(text) <= 120 else text[:117] + "..."


def _write_info(info: Path | None) -> bool:
    if info is None:
        return False
    record = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "command": _command(),
        "since": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    try:
        info.parent.mkdir(parents=True, exist_ok=True)
        info.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8", errors="replace")
        return True
    except OSError:
        return False


def holder(path: str | os.PathLike[str]) -> Text:
    """Who holds the lock of a file, as far as pufu knows: ``pid 12 on host (pufu note …)``."""
    info = _info_file(path)
    try:
        if info is None:
            return Text("err.lock.another")
        record = json.loads(info.read_text(encoding="utf-8"))
        since = dt.datetime.fromisoformat(record["since"]).strftime("%H:%M:%S")
        return Text("err.lock.holder", pid=int(record["pid"]), host=record["host"], command=record["command"], since=since)
    except Exception:
        return Text("err.lock.another")


@contextmanager
def locked(path: str | os.PathLike[str], wait: float = DEFAULT_WAIT) -> Iterator[None]:
    """Hold the exclusive lock of a project file; wait up to ``wait`` seconds for it.

    A file that does not exist yet has nothing to lock: creating one is exclusive by itself
    (see :func:`pufu.model.store.write_atomic`).
    """
    if fcntl is None:
        yield
        return
    from .store import _open_regular

    target = resolved(path)
    limit = max(0.0, wait)
    deadline = time.monotonic() + limit
    pause = 0.002
    while True:
        try:
            fd = _open_regular(target)
        except FileNotFoundError:
            yield
            return
        except FileError:
            raise
        except OSError as exc:
            raise FileError(path, "err.file.lock_failed", reason=exc.strerror or exc) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise LockedError(path, "err.file.locked", holder=holder(target), limit=limit) from None
            time.sleep(pause)
            pause = min(pause * 2, 0.05)
            continue
        except OSError:  # a file system without locks: go on as before locks existed
            os.close(fd)
            yield
            return
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(target))
        except OSError:
            same = False
        if not same:  # replaced while we waited: lock the file now at the path
            os.close(fd)
            continue
        info = _info_file(target)
        wrote = _write_info(info)
        try:
            yield
        finally:
            if wrote and info is not None:
                try:
                    info.unlink()
                except OSError:
                    pass
            os.close(fd)  # closing the descriptor releases the lock
        return
