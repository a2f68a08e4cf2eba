"""The settings' export size and theme are the defaults of `pufu export`."""

from __future__ import annotations

from pathlib import Path

from .helpers import pufu


def test_export_size_and_theme_come_from_the_settings(tmp_path: Path, monkeypatch, capsys) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text('export_size = "4:3"\ntheme = "dark"\n', encoding="utf-8")
    monkeypatch.setenv("PUFU_CONFIG_DIR", str(config))
    project = tmp_path / "p.pufu.json"
    assert pufu(capsys, "new", str(project), "--template", "voc-loop")[0] == 0
    out = tmp_path / "p.svg"
    assert pufu(capsys, "export", str(project), "--format", "svg", "-o", str(out))[0] == 0
    svg = out.read_text(encoding="utf-8")
    assert 'width="720pt" height="540pt"' in svg  # 4:3 at 72 pt per inch: 10 × 7.5 in
    out2 = tmp_path / "p2.svg"
    assert pufu(capsys, "export", str(project), "--format", "svg", "--size", "16:9", "-o", str(out2))[0] == 0
    assert 'width="960pt" height="540pt"' in out2.read_text(encoding="utf-8")
