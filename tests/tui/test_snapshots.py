"""The main screen as it looks: an outline at 80×24, the paper sheet at 160×48."""

from __future__ import annotations

from .conftest import make_app


def test_main_screen_80x24(plan, snap_compare):
    assert snap_compare(make_app(plan), terminal_size=(80, 24))


def test_main_screen_160x48(plan, snap_compare):
    assert snap_compare(make_app(plan), terminal_size=(160, 48))


def test_editing_the_goal_160x48(plan, snap_compare):
    async def edit(pilot):
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(make_app(plan), terminal_size=(160, 48), run_before=edit)
