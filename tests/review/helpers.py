"""Projects for the review tests."""

from __future__ import annotations

from pathlib import Path

from pufu.model import Chart, Project, save_project


def story() -> Project:
    """A three-phase CS project: a plan, a review of it, and a new plan with a new win condition."""
    chart = Chart()
    chart.set_text(chart.goal, "顧客が自分で解決できるサポート")
    chart.set_text(chart.win, "問い合わせ率が半減している")
    faq = chart.add_purpose("FAQで自己解決できている状態")
    voice = chart.add_purpose("問い合わせ理由が製品に届いている状態")
    articles = chart.add_measure(faq, "上位20件の記事を書く", color="red", progress=20)
    chart.add_measure(faq, "検索語を毎週見る")
    chart.add_measure(voice, "週次で問い合わせを分類する", color="blue")
    project = Project(title="セルフサービス立ち上げ", draft=chart)
    project.snapshot("計画", "キックオフ", "2026-01-05")
    chart.set_progress(articles, 100)
    chart.set_comment(articles, "green", "20件公開、閲覧は想定の3倍")
    chart.set_comment(voice, "red", "開発が分類を読んでいない")
    project.snapshot("計画の振り返り", "1か月たった", "2026-02-02")
    chart.set_comment(articles, "blue", "")
    chart.set_comment(voice, "blue", "")
    chart.set_text(chart.win, "回答がSNSで紹介されている")
    chart.add_measure(voice, "開発との週次レビューを始める", color="yellow")
    chart.set_comment(chart.win, "blue", "記事がSNSで紹介され始めた")
    project.snapshot("ブランドへ", "記事がSNSで話題に", "2026-03-02")
    return project


def saved(project: Project, folder: Path, name: str = "cs.pufu.json") -> Path:
    path = folder / name
    save_project(project, path, None)
    return path
