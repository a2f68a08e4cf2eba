"""Fixtures of the editor tests: a real-looking CS chart on disk, an app on it, typing Japanese."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot

from pufu.model import Project, save_project
from pufu.tui.app import PufuApp


def cs_project() -> Project:
    """A CS team's self-service plan: 3 中間目的, one 施策 serving two, comments, progress."""
    project = Project(title="問い合わせ削減プロジェクト")
    chart = project.draft
    chart.set_text(chart.goal, "問い合わせ件数を半年で30%減らし、浮いた時間で「お客様の声」を開発に届ける。")
    chart.set_text(chart.win, "問い合わせ率（顧客あたりの問い合わせ数）が0.3を下回る")
    chart.add_metric("問い合わせ率", unit="件/顧客", baseline=0.42, target=0.3, direction="lower", value=0.36)
    faq = chart.add_purpose("FAQで自己解決できている状態")
    voice = chart.add_purpose("問い合わせの内容が開発チームに毎週届いている状態")
    first = chart.add_purpose("一次回答で解決できている状態")
    articles = chart.add_measure(faq, "よくある問い合わせ上位20件の記事を書く", color="red", progress=50)
    chart.add_measure(faq, "記事に「役に立った？」ボタンを付けて効果を測る", color="green")
    chart.add_measure(faq, "チャットボットを導入する", color="yellow")
    chart.add_measure(voice, "問い合わせのタグ付けを始める", progress=100)
    chart.link_measure(articles, voice)
    chart.add_measure(first, "回答テンプレートを整備する", color="blue")
    chart.set_comment(first, "red", "担当者が足りない")
    chart.set_comment(articles, "green", "10件公開済み")
    for key, text in {
        "people": "CS 3名、開発との窓口 1名",
        "money": "ツール予算 月5万円",
        "time": "半年",
        "quality": "記事が最新の画面と一致していること",
        "businessScheme": "SaaS（ユーザー課金）",
        "environment": "顧客数が毎月5%増えている",
        "rival": "競合はチャットサポートを24時間で提供",
        "foreignEnemy": "「CSはコスト」という社内の見方",
    }.items():
        chart.set_element(key, text)
    return project


@pytest.fixture(autouse=True)
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Recovery copies and the recent list go to a temporary state folder."""
    folder = tmp_path / "state"
    monkeypatch.setenv("PUFU_STATE_DIR", str(folder))
    monkeypatch.delenv("PUFU_LANG", raising=False)
    return folder


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "work" / "plan.pufu.json"
    path.parent.mkdir()
    save_project(cs_project(), path, None)
    return path


def make_app(path: Path, lang: str = "ja") -> PufuApp:
    """The editor on a file, writing recovery copies at once and with a still cursor."""
    return PufuApp(path, lang=lang, recovery_delay=0, blink=False)


async def type_text(pilot: Pilot, text: str) -> None:
    """Type text as an input method hands it over (pilot.press drops full-width characters)."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def replace_text(pilot: Pilot, text: str) -> None:
    """In the open edit box: clear it, type ``text``, confirm with Enter."""
    app = pilot.app
    app.editbar.editor.load("")
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests in a fresh event loop (no asyncio plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    kwargs = {name: pyfuncitem.funcargs[name] for name in names}
    asyncio.run(pyfuncitem.obj(**kwargs))
    return True
