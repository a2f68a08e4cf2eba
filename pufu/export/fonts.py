"""The Japanese font of diagrams, on any machine: pufu ships IPAexGothic (``pufu/data/fonts``,
IPA Font License v1.0, redistributed unmodified) and points Graphviz's fontconfig at it.

Graphviz (bundled in the pygraphviz wheel, run in process) finds fonts through fontconfig,
which reads ``FONTCONFIG_FILE`` once, when the process first lays out text. :func:`ensure`
writes a small ``fonts.conf`` listing only pufu's font folder (in the user's cache folder) and
sets that variable before the first layout; every diagram then measures and draws text with
the same font, so a PNG or PDF looks the same on every machine, with no system package.

If Graphviz already read another configuration in this process (someone rendered before
pufu did), :func:`ensure` finds out with a one-character probe, and diagrams are rendered in
a fresh Python process instead (see :mod:`pufu.export.diagram`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

from ..locations import cache_dir

#: The family Graphviz lays text out with (the bundled font).
FAMILY = "IPAexGothic"
#: The font list written into DOT and SVG: the bundled font first, then the Japanese gothic
#: fonts that Keynote (macOS), PowerPoint (Windows) and Linux desktops have.
FONT_LIST = ",".join(
    [
        FAMILY,
        "Hiragino Sans",
        "Hiragino Kaku Gothic ProN",
        "Yu Gothic",
        "YuGothic",
        "Meiryo",
        "Noto Sans CJK JP",
        "Noto Sans JP",
        "sans-serif",
    ]
)
FONT_DIR = Path(__file__).resolve().parent.parent / "data" / "fonts"
FONT_FILE = FONT_DIR / "ipaexg.ttf"

_state: dict[str, bool] = {}


def fonts_conf(font_dir: Path, cache: Path) -> str:
    """The fontconfig file: one font folder only, and a cache folder."""
    return (
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        f"  <dir>{escape(str(font_dir))}</dir>\n"
        f"  <cachedir>{escape(str(cache))}</cachedir>\n"
        "</fontconfig>\n"
    )


def _font_folder(folder: Path) -> Path:
    """A folder in the cache holding (a link to) the bundled font: fontconfig writes a
    ``.uuid`` file into the folders it scans, and pufu's installed files must stay as they are."""
    fonts = folder / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    target = fonts / FONT_FILE.name
    if target.is_symlink() and target.resolve() == FONT_FILE.resolve():
        return fonts
    if target.is_file() and not target.is_symlink() and target.stat().st_size == FONT_FILE.stat().st_size:
        return fonts
    temp = fonts / f".{FONT_FILE.name}.{os.getpid()}.tmp"
    temp.unlink(missing_ok=True)
    try:
        temp.symlink_to(FONT_FILE)
    except OSError:  # no symbolic links (Windows without the right): a copy
        import shutil

        shutil.copyfile(FONT_FILE, temp)
    os.replace(temp, target)
    return fonts


def _write_conf(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = fonts_conf(_font_folder(folder), folder / "cache")
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    path = folder / f"fonts-{digest}.conf"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        temp = path.with_suffix(f".{os.getpid()}.tmp")
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, path)
    return path


def config_file() -> Path:
    """Write (once) and return the fontconfig file for the bundled font."""
    try:
        return _write_conf(cache_dir() / "fontconfig")
    except OSError:
        return _write_conf(Path(tempfile.mkdtemp(prefix="pufu-fonts-")))


@contextlib.contextmanager
def quiet_stderr() -> Iterator[None]:
    """Silence file descriptor 2 for a moment: the fontconfig in the pygraphviz wheel prints
    warnings about newer system configuration files when it starts; they mean nothing here."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


_PROBE = f'digraph {{ n [shape=plaintext, fontname="{FAMILY}", label="\u3042"] }}'


def ensure() -> bool:
    """Make Graphviz in this process use the bundled font; True when it does.

    The first call points fontconfig at pufu's font and checks, with a one-character PDF,
    that the font is found. False means fontconfig had started before with another
    configuration; render in a fresh process then (:func:`child_env` gives its environment).
    """
    if "ok" in _state:
        return _state["ok"]
    if not FONT_FILE.is_file():
        raise FileNotFoundError(f"pufu's font is missing: {FONT_FILE}; reinstall pufu")
    os.environ["FONTCONFIG_FILE"] = str(config_file())
    import pygraphviz

    with quiet_stderr():
        graph = pygraphviz.AGraph(string=_PROBE)
        pdf = graph.draw(format="pdf", prog="dot")
    _state["ok"] = FAMILY.encode() in pdf
    return _state["ok"]


def child_env() -> dict[str, str]:
    """The environment for a fresh process that renders with the bundled font."""
    return {**os.environ, "FONTCONFIG_FILE": str(config_file())}
