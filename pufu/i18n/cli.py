"""Lines of the command line: confirmations, information, warnings and errors of ``pufu COMMAND``."""

JA: dict[str, str] = {
    "cli.list_sep": "、",
    "cli.import.same_text": "{path}: {first} の施策と同じ文なので、両方の中間目的につながる一つの施策として読みました。そこでの色・進み具合・コメントは違います（書き出し用に残しています）",
    "cli.import.unknown_field": "{path}: pufu の知らない項目です。取り込みません",
    "cli.import.no_uuid": "{path}.uuid: ありません。pufu が新しい ID を付けました",
    "cli.import.no_comment": "{path}.comment: ありません。空の青いコメントとして読みました",
    "cli.import.no_comment_color": "{path}.comment.color: ありません。青として読みました",
    "cli.import.no_comment_text": "{path}.comment.text: ありません。空として読みました",
    "cli.import.progress_clamped": "{path}.progress: {value} は 0〜100 の外です。{clamped} として読みました",
    "cli.export.lost_title": "プロジェクトのタイトル",
    "cli.export.lost_phase_titles": "局面のタイトルと日付（{n}）",
    "cli.export.lost_happened": "局面の間に起きたこと（{n}）",
    "cli.export.lost_notes": "感想（{n}）",
    "cli.export.lost_metrics": "評価指標（{n}）",
    "cli.export.lost": "pufu-editor は{lost}を持てません。これらは {name} にだけ残ります",
    "cli.export.no_text_copies": "施策 {id} に文がありません。pufu-editor はその写しを別々の施策として読みます",
    "cli.export.same_text": "施策 {first} と {id} は同じ文です。pufu-editor は一つの施策として読みます",
}

EN: dict[str, str] = {
    "cli.list_sep": ", ",
    "cli.import.same_text": "{path}: same text as the measure at {first}, read as one measure serving both intermediate purposes; its colour, progress and comment there differ (kept for export)",
    "cli.import.unknown_field": "{path}: a field pufu does not know; not imported",
    "cli.import.no_uuid": "{path}.uuid: missing; pufu gave the part a new id",
    "cli.import.no_comment": "{path}.comment: missing; taken as an empty blue comment",
    "cli.import.no_comment_color": "{path}.comment.color: missing; taken as blue",
    "cli.import.no_comment_text": "{path}.comment.text: missing; taken as empty",
    "cli.import.progress_clamped": "{path}.progress: {value} is out of 0–100; taken as {clamped}",
    "cli.export.lost_title": "the project title",
    "cli.export.lost_phase_titles": "phase titles and dates ({n})",
    "cli.export.lost_happened": "what happened between phases ({n})",
    "cli.export.lost_notes": "review notes ({n})",
    "cli.export.lost_metrics": "yardsticks ({n})",
    "cli.export.lost": "pufu-editor cannot hold {lost}; they stay in {name} only",
    "cli.export.no_text_copies": "measure {id} has no text: pufu-editor will read its copies as separate measures",
    "cli.export.same_text": "measures {first} and {id} have the same text: pufu-editor will read them as one",
}
