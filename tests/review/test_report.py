"""The review written up in Markdown: its sections tell the project's story."""

from __future__ import annotations

import re

from pufu.cli.main import main
from pufu.export.report import build_report
from pufu.model import Project

from .helpers import saved, story


def noted(project: Project) -> Project:
    project.add_note(2, "佐藤", "good", "記事の閲覧が想定の3倍")
    project.add_note(2, "鈴木", "bad", "分類を渡す場がなかった", part=project.phase_chart(2).purposes()[1])
    project.add_note(3, "鈴木", "lesson", "勝利条件は振り返りのたびに見直す")
    project.add_note(1, "佐藤", "question", "半減の基準はいつの数字？")
    project.add_note(3, "佐藤", "lesson", "赤いコメントは次の局面の外敵に書き写す")
    return project


def sections(text: str) -> list[str]:
    return re.findall(r"^## (.+)$", text, flags=re.M)


def test_the_report_has_its_sections_in_order() -> None:
    text = build_report(noted(story()), "ja", date="2026-03-10")
    assert sections(text) == ["局面の推移", "局面ごとの変化", "各局面で部品に付いたコメント", "感想（書き手と種類ごと）", "教訓"]
    assert text.startswith("# 感想戦レポート: セルフサービス立ち上げ\n")


def test_the_timeline_has_dates_what_happened_and_the_win_condition() -> None:
    text = build_report(story(), "ja")
    assert "| 1 | 2026-01-05 | 計画 | キックオフ | 問い合わせ率が半減している |" in text
    assert "| 2 | 2026-02-02 | 計画の振り返り (局面1の振り返り) | 1か月たった |" in text
    assert "| 3 | 2026-03-02 | ブランドへ | 記事がSNSで話題に | **回答がSNSで紹介されている** (変更) |" in text


def test_each_step_lists_what_changed_with_the_win_condition_first() -> None:
    text = build_report(story(), "ja")
    step = text.split("### 局面2 → 局面3")[1].split("\n## ")[0]
    assert step.index("勝利条件が変わった") < step.index("開発との週次レビューを始める")
    assert "*起きたこと*: 記事がSNSで話題に" in step
    assert "第三法則" in step
    review = text.split("### 局面1 → 局面2")[1].split("###")[0]
    assert "施策「上位20件の記事を書く」の進捗: 20% → 100%" in review
    assert "振り返りの判定: 緑（達成・うまくいった）1 件、赤（問題・未達）1 件" in review


def test_comments_per_phase_notes_by_author_and_kind_and_lessons_last() -> None:
    text = build_report(noted(story()), "ja")
    comments = text.split("## 各局面で部品に付いたコメント")[1].split("\n## ")[0]
    assert "- 施策「上位20件の記事を書く」 — **達成・うまくいった**: 20件公開、閲覧は想定の3倍" in comments
    notes = text.split("## 感想（書き手と種類ごと）")[1].split("\n## ")[0]
    sato, suzuki = notes.split("### 鈴木")
    assert "**うまくいった**" in sato and "記事の閲覧が想定の3倍" in sato and "**問い**" in sato
    assert "局面2・中間目的「問い合わせ理由が製品に届いている状態」: 分類を渡す場がなかった" in suzuki
    assert "教訓" not in notes  # lessons come at the end, once
    lessons = text.split("## 教訓")[1]
    assert "- 勝利条件は振り返りのたびに見直す — 鈴木 (局面3)" in lessons
    assert "- 赤いコメントは次の局面の外敵に書き写す — 佐藤 (局面3)" in lessons


def test_user_text_cannot_break_the_markdown() -> None:
    project = story()
    project.add_note(1, "**誰か**", "lesson", "# 見出しではない <script> | [リンク](x)\n二行目")
    text = build_report(project, "ja")
    assert "\n# 見出し" not in text and "<script>" not in text
    assert "&lt;script&gt; \\| \\[リンク\\](x)<br>二行目 — \\*\\*誰か\\*\\*" in text


def test_the_report_in_english() -> None:
    text = build_report(noted(story()), "en")
    assert sections(text) == [
        "Timeline", "What changed, step by step", "Comments recorded on parts, phase by phase",
        "Review notes, by author and kind", "Lessons",
    ]
    assert "The win condition changed" in text


def test_report_command_writes_the_file_and_diagrams_next_to_it(tmp_path, capsys) -> None:
    path = saved(noted(story()), tmp_path)
    out = tmp_path / "review.md"
    assert main(["report", str(path), "-o", str(out), "--diagrams"]) == 0
    text = out.read_text(encoding="utf-8")
    folder = tmp_path / "review-diagrams"
    assert sorted(p.name for p in folder.iterdir()) == ["step-1-2.svg", "step-2-3.svg"]
    assert "![差分の図 局面1 → 局面2](review-diagrams/step-1-2.svg)" in text
    assert "![差分の図 局面2 → 局面3](review-diagrams/step-2-3.svg)" in text
    assert (folder / "step-2-3.svg").read_bytes().startswith(b"<?xml")


def test_report_command_will_not_replace_a_file(tmp_path, capsys) -> None:
    path = saved(story(), tmp_path)
    out = tmp_path / "review.md"
    out.write_text("mine", encoding="utf-8")
    assert main(["report", str(path), "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "mine"
