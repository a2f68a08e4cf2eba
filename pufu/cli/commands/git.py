"""pufu git enable|disable|status: pufu as git's diff and merge driver for ``*.pufu.json``.

``enable`` writes ``*.pufu.json diff=pufu merge=pufu`` to ``.gitattributes`` (or, with
``--global``, to the user's attributes file) and the driver settings to the repository's git
config (or the user's). git keeps drivers in config, not in the repository, so a fresh clone needs
``pufu git enable`` once. ``disable`` removes exactly what ``enable`` wrote; both are idempotent.

What git runs then:

- ``git diff`` runs ``pufu git diff-driver`` (``diff.pufu.command``): pufu's diff in the method's
  words (title, phases and notes added, the draft's changes as ``pufu diff`` shows them), coloured
  when git colours (``color.diff``/``color.ui`` and the terminal or git's pager);
- ``git log -p`` and ``git show`` run external diff drivers only with ``--ext-diff``; without it
  git uses the textconv (``diff.pufu.textconv``, ``python -m pufu.cli.gittext``, the same as
  ``pufu git textconv``): each side as a readable outline, so git's own line diff (and colours)
  show which phase, note or part changed. It starts without the rest of pufu (twice per commit)
  and speaks ``PUFU_LANG``'s language (Japanese by default);
- ``git merge`` runs ``pufu git merge-driver %O %A %B %P``: a three-way merge on the model; a real
  conflict is recorded in the project (``pufu check`` lists it, ``pufu edit`` resolves it) and the
  driver exits 1 so git reports the file as conflicted.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...model import Project

ORDER = 85
DRIVER = "pufu"
ATTRIBUTES = f"*.pufu.json diff={DRIVER} merge={DRIVER}"
KEYS = ("diff.pufu.command", "diff.pufu.textconv", "merge.pufu.name", "merge.pufu.driver")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "git", help="cmd.git", description="about.git",
    )
    actions = parser.add_subparsers(dest="git_action", metavar="ACTION", required=True)
    for name in ("enable", "disable", "status"):
        action = actions.add_parser(name, help=f"cmd.git.{name}", description=f"cmd.git.{name}")
        action.add_argument("--global", dest="global_", action="store_true", help="opt.git.global")
        action.set_defaults(func=run)
    resolve = actions.add_parser(
        "resolve", help="cmd.git.resolve",
        description="about.git.resolve",
    )
    resolve.add_argument("project")
    resolve.add_argument("take", choices=("ours", "theirs"), help="opt.git.take")
    resolve.add_argument("--part", help="opt.git.part")
    resolve.set_defaults(func=run_resolve)
    merge = actions.add_parser("merge-driver", help="cmd.git.merge_driver")
    for name in ("base", "ours", "theirs"):
        merge.add_argument(name)
    merge.add_argument("path", nargs="?", default="")
    merge.set_defaults(func=run_merge)
    diff = actions.add_parser("diff-driver", help="cmd.git.diff_driver")
    diff.add_argument("args", nargs="*")
    diff.set_defaults(func=run_diff)
    textconv = actions.add_parser("textconv", help="cmd.git.textconv")
    textconv.add_argument("file")
    textconv.set_defaults(func=run_textconv)


# ---------------------------------------------------------------------- settings


def pufu_command() -> str:
    """How git should start this pufu: its script beside the interpreter, else ``python -m``."""
    script = Path(sys.executable).parent / "pufu"
    if script.is_file() and os.access(script, os.X_OK):
        return shlex.quote(str(script))
    return f"{shlex.quote(sys.executable)} -m pufu.cli.main"


def settings() -> dict[str, str]:
    pufu = pufu_command()
    return {
        "diff.pufu.command": f"{pufu} git diff-driver",
        # git log -p starts this twice per commit: the light entry point, not the whole CLI
        "diff.pufu.textconv": f"{shlex.quote(sys.executable)} -m pufu.cli.gittext",
        "merge.pufu.name": "pufu: three-way merge of project score charts",
        "merge.pufu.driver": f"{pufu} git merge-driver %O %A %B %P",
    }


def _git(*args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    from ..common import CommandError

    try:
        done = subprocess.run(["git", *args], capture_output=True, text=True)
    except FileNotFoundError:
        raise CommandError("cli.git.missing") from None
    if check and done.returncode:
        raise CommandError("cli.git.failed", command=" ".join(args), reason=done.stderr.strip() or done.returncode)
    return done


def _scope(global_: bool) -> str:
    return "--global" if global_ else "--local"


def _attributes_file(global_: bool) -> Path:
    from ..common import CommandError

    if global_:
        configured = _git("config", "--global", "--get", "core.attributesFile").stdout.strip()
        if configured:
            return Path(configured).expanduser()
        base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        return Path(base) / "git" / "attributes"
    top = _git("rev-parse", "--show-toplevel")
    if top.returncode:
        raise CommandError("git.not_repository")
    return Path(top.stdout.strip()) / ".gitattributes"


def _has_line(path: Path) -> bool:
    try:
        return ATTRIBUTES in (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    except FileNotFoundError:
        return False


def _add_line(path: Path) -> None:
    if _has_line(path):
        return
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    if text and not text.endswith("\n"):
        text += "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + ATTRIBUTES + "\n", encoding="utf-8")


def _remove_line(path: Path) -> None:
    if not _has_line(path):
        return
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if line.strip() != ATTRIBUTES]
    if kept:
        path.write_text("".join(kept), encoding="utf-8")
    else:
        path.unlink()


def run(args: argparse.Namespace) -> int:
    from ...i18n import t

    scope = _scope(args.global_)
    attributes = _attributes_file(args.global_)
    where = t("git.scope.global" if args.global_ else "git.scope.local")
    if args.git_action == "enable":
        for key, value in settings().items():
            _git("config", scope, key, value, check=True)
        _add_line(attributes)
        print(t("git.enabled", scope=where))
        print(f"  {attributes}: {ATTRIBUTES}")
    elif args.git_action == "disable":
        for key in KEYS:
            _git("config", scope, "--unset-all", key)  # exit 5 when it was not set: fine
        for section in ("diff.pufu", "merge.pufu"):  # an empty section header is left otherwise
            if _git("config", scope, "--get-regexp", "^" + section.replace(".", r"\.") + r"\.").returncode:
                _git("config", scope, "--remove-section", section)
        _remove_line(attributes)
        print(t("git.disabled", scope=where))
    else:
        print(f"[{where}]")
        for key in KEYS:
            value = _git("config", scope, "--get", key).stdout.strip()
            print(f"  {key}: {value or t('git.status.unset')}")
        state = t("git.status.set" if _has_line(attributes) else "git.status.unset")
        print("  " + t("git.status.attributes", file=attributes, state=state))
    return 0


def run_resolve(args: argparse.Namespace) -> int:
    from ...i18n import t
    from ...model.merge import resolve, resolve_all
    from ...model.store import save_project
    from ..common import CommandError, open_project

    project, stamp = open_project(args.project)
    if args.part:
        chosen = [c.id for c in project.conflicts if args.part in (c.where.part, c.id)]
        if not chosen:
            raise CommandError("cli.git.no_conflict", project=args.project, part=args.part)
        for conflict_id in chosen:
            resolve(project, conflict_id, args.take)
        count = len(chosen)
    else:
        count = resolve_all(project, args.take)
    from ...settings import current

    save_project(project, args.project, stamp, wait=current().lock_wait)
    print(t("git.resolved", n=count, take=args.take, left=len(project.conflicts)))
    return 0


# ---------------------------------------------------------------------- drivers


def run_merge(args: argparse.Namespace) -> int:
    """Merge ``theirs`` into ``ours`` (git's %A, rewritten in place); 1 when conflicts remain."""
    from ...i18n import t
    from ...model.store import dumps_project, loads_project, read_bytes, write_atomic

    path = args.path or args.ours
    sides: dict[str, Project | None] = {}
    for name in ("base", "ours", "theirs"):
        try:
            raw = read_bytes(getattr(args, name))
            sides[name] = loads_project(path, raw) if raw.strip() or name != "base" else None
        except Exception as exc:  # an unreadable side: git gets a conflict, ours stays as it was
            if name == "base":
                sides[name] = None
                continue
            print("pufu: " + t("git.unreadable", path=path, side=name, error=exc), file=sys.stderr)
            return 1
    try:
        from ...model.merge import merge

        ours, theirs = sides["ours"], sides["theirs"]
        assert ours is not None and theirs is not None  # an unreadable side returned above
        result = merge(sides["base"], ours, theirs)
        write_atomic(args.ours, dumps_project(result.project).encode("utf-8"))
    except Exception as exc:  # never a traceback in the middle of a git merge
        print("pufu: " + t("git.unreadable", path=path, side="merge", error=exc), file=sys.stderr)
        return 1
    if result.conflicts:
        print("pufu: " + t("git.merged_conflicts", path=path, n=len(result.conflicts)), file=sys.stderr)
        return 1
    return 0


def _load(path: str, name: str) -> tuple[Project | None, str | None]:
    """A side of a diff: the project, or None and why (absent side: None, None)."""
    if path in ("/dev/null", "") or not Path(path).exists():
        return None, None
    from ...model.store import loads_project, read_bytes

    try:
        return loads_project(name, read_bytes(path)), None
    except Exception as exc:
        return None, str(exc)


def git_colors() -> bool:
    """Whether git colours this diff: ``color.diff`` (else ``color.ui``), for a terminal or git's
    pager. git sets no variable for an external diff's colour, so pufu asks git the same question."""
    terminal = sys.stdout.isatty() or os.environ.get("GIT_PAGER_IN_USE") in ("true", "1")
    done = _git("config", "--get-colorbool", "color.diff", "true" if terminal else "false")
    return done.stdout.strip() == "true"


def run_diff(args: argparse.Namespace) -> int:
    """GIT_EXTERNAL_DIFF protocol: path old-file old-hex old-mode new-file new-hex new-mode."""
    from ...diffview import console, print_rows, row
    from ...i18n import default_lang, t
    from ...terminal import shown
    from ..gitdiff import plain_description, project_rows

    lang = getattr(args, "lang", None) or default_lang()
    values = list(args.args)
    if len(values) < 7:  # an unmerged path: git gives its name only
        print(f"pufu: {shown(values[0]) if values else '?'}")  # a path name never reaches the terminal raw
        return 0
    path, old_file, old_hex, _, new_file, new_hex, _ = values[:7]
    out = console(sys.stdout, "always" if git_colors() else "never")
    old, old_error = _load(old_file, f"a/{path}")
    new, new_error = _load(new_file, f"b/{path}")
    rows = [row(f"pufu diff a/{path} b/{path}", "bold")]
    if old_error or new_error:
        for side, error in (("a", old_error), ("b", new_error)):
            if error:
                rows.append(row(t("git.diff.unreadable", lang, side=f"{side}/{path}", error=error)))
        rows.append(row(plain_description(path, old_hex, new_hex, old_file, new_file)))
    else:
        rows += project_rows(old, new, lang)
    while len(rows) > 1 and not (rows[-1][0].plain + rows[-1][1].plain).strip():
        rows.pop()
    print_rows(out, rows)
    return 0


def run_textconv(args: argparse.Namespace) -> int:
    """One side as readable text for git's own line diff (``git log -p``, ``git show``)."""
    from ...i18n import default_lang
    from ..gittext import textconv

    lang = getattr(args, "lang", None) or default_lang()
    try:
        raw = Path(args.file).read_bytes()
    except OSError as exc:
        raw = f"{exc.strerror}\n".encode()
    sys.stdout.write(textconv(raw, args.file, lang))
    return 0
