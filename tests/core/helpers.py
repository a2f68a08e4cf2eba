"""Charts for tests."""

from __future__ import annotations

from pufu.model import Chart, Project, Session


def sample_session() -> tuple[Session, dict[str, str]]:
    """A small CS chart: two 中間目的, three 施策 (one serving both)."""
    session = Session(Project(title="セルフサービス立ち上げ"))
    chart = session.chart
    session.apply("set_text", chart.goal, "顧客が自分で解決できるサポート")
    session.apply("set_text", chart.win, "問い合わせ率が半減している")
    p1 = session.apply("add_purpose", "FAQで自己解決できている状態")
    p2 = session.apply("add_purpose", "問い合わせ理由が製品に届いている状態")
    m1 = session.apply("add_measure", p1, "上位20件の記事を書く", color="red", progress=40)
    m2 = session.apply("add_measure", p1, "記事に「役に立ったか」を付ける", color="green")
    m3 = session.apply("add_measure", p2, "週次で問い合わせを分類する", color="blue")
    session.apply("link_measure", m2, p2)
    for key in ("people", "money", "time", "quality", "businessScheme", "environment", "rival", "foreignEnemy"):
        session.apply("set_element", key, f"{key}について")
    return session, {"p1": p1, "p2": p2, "m1": m1, "m2": m2, "m3": m3}


def chart_with(purposes: int, measures: int) -> Chart:
    chart = Chart()
    chart.set_text(chart.goal, "goal")
    chart.set_text(chart.win, "win")
    for i in range(purposes):
        p = chart.add_purpose(f"中間目的{i}")
        for j in range(measures):
            chart.add_measure(p, f"施策{i}-{j}")
    return chart
