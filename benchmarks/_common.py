"""Helpers shared by the benchmarks: generated projects and timing."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from pufu.model import Chart, Color, Project

COLORS = list(Color)


def chart(purposes: int, measures: int) -> Chart:
    chart = Chart()
    chart.set_text(chart.goal, "問い合わせに答える体験でブランドをつくる")
    chart.set_text(chart.win, "回答がSNSで紹介されている")
    for i in range(purposes):
        p = chart.add_purpose(f"中間目的{i}: 顧客が自分で解決できている状態")
        for j in range(measures):
            m = chart.add_measure(
                p, f"施策{i}-{j}: よくある質問の記事を書き、効果を測る", color=COLORS[j % 5], progress=(j * 10) % 101
            )
            if j % 3 == 0:
                chart.set_comment(m, "green", "うまくいった")
    return chart


def project(phases: int, purposes: int, measures: int) -> Project:
    project = Project(title="ベンチマーク", draft=chart(purposes, measures))
    for n in range(phases):
        project.draft.set_text(project.draft.goal, f"局面{n}の目標")
        project.snapshot(f"局面{n + 1}", "顧客の反応があった", "2026-01-01")
    return project


def best_of(func: Callable[[], object], repeat: int = 7) -> float:
    """The median of several runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def paint_times(screen: object) -> list[float]:
    """A list that receives the time (``perf_counter``) at which each refresh of ``screen``'s
    compositor ends, from now on: the moment a change is on the screen, headless."""
    painted: list[float] = []
    refresh = screen._compositor_refresh  # type: ignore[attr-defined]

    def timed_refresh() -> None:
        refresh()
        painted.append(time.perf_counter())

    screen._compositor_refresh = timed_refresh  # type: ignore[attr-defined]
    return painted
