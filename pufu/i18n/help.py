"""The help of ``pufu`` and its commands (``pufu --help``, ``pufu COMMAND --help``) and argparse's
own words (usage, section titles, usage errors).

Keys: ``cmd.NAME`` a command's line in ``pufu --help`` (``cmd.NAME.ACTION`` for an action of
``git``, ``metric`` or ``phase``), ``about.NAME`` the text under its usage, ``opt.NAME.OPTION``
an option's or argument's line, ``argparse.*`` argparse's words (:mod:`pufu.cli.parser`). An
option's line goes through argparse's ``%`` formatting: a percent sign is written ``%%``.
"""

from __future__ import annotations

JA: dict[str, str] = {
    # argparse's own words
    "argparse.usage": "使い方: ",
    "argparse.positionals": "引数",
    "argparse.options": "オプション",
    "argparse.help": "このヘルプを表示して終了します",
    "argparse.error": "{prog}: エラー: {message}（参照: {prog} --help）",
    "argparse.argument": "引数 {argument}: {message}",
    "argparse.required": "次の引数が必要です: {names}",
    "argparse.one_required": "次の引数のどれかひとつが必要です: {names}",
    "argparse.invalid_choice": "{value} は選べません（選べるのは {choices}）",
    "argparse.invalid_value": "{value} は{type}として読めません",
    "argparse.unrecognized": "認識できない引数です: {names}",
    "argparse.not_allowed": "{other} と一緒には使えません",
    "argparse.expected_one": "値をひとつ指定してください",
    "argparse.expected_at_most_one": "値は多くてもひとつです",
    "argparse.expected_at_least_one": "値を少なくともひとつ指定してください",
    "argparse.ignored_explicit": "値 {value} は受け付けません",
    "argparse.ambiguous": "{option} は {matches} のどれとも取れます",
    "argparse.type.int": "整数",
    "argparse.type.float": "数値",
    # pufu itself
    "about.pufu": "pufu: プ譜（プロジェクト譜）を端末で描き、局面を記録し、感想戦でふり返ります。",
    "opt.pufu.version": "pufu のバージョンを表示して終了します",
    "opt.pufu.lang": "ラベルとメッセージの言語（既定: 設定の lang、なければ ja）",
    "opt.pufu.command": "コマンド",
    # the command table
    "cmd.edit": "端末でプロジェクトを編集する",
    "cmd.demo": "デモプロジェクトのコピーでエディタを試す",
    "cmd.new": "新しいプロジェクトファイルを作る",
    "cmd.templates": "プロジェクトのもとになるテンプレートを一覧する",
    "cmd.check": "プロジェクトの下書きのエラーと警告を調べる",
    "cmd.import": "pufu-editor の JSON ファイルを取り込む",
    "cmd.export": "プ譜を書き出す（pufu-editor JSON、Markdown、図、スライド）",
    "cmd.snapshot": "下書きを次の局面として記録する",
    "cmd.phases": "記録した局面を一覧する",
    "cmd.phase": "記録した局面のタイトル・日付・できごとを訂正する",
    "cmd.metric": "評価指標: 追加・値の記録・編集・削除・一覧",
    "cmd.diff": "二つの局面（または局面と下書き）のあいだで変わったこと",
    "cmd.review": "局面を再生して感想戦の感想を書く",
    "cmd.note": "局面に感想を書き足す",
    "cmd.report": "感想戦のまとめを Markdown で書く",
    "cmd.git": "pufu を git の diff ドライバ・merge ドライバにする",
    "cmd.schema": "プロジェクトファイルの JSON Schema を表示する",
    "cmd.settings": "設定（言語、配色、書き出しサイズ、記入者）を表示・変更する",
    # check
    "about.check": (
        "pufu check PROJECT [--phase N]: 下書き（または局面）のエラーと警告。\n\n"
        "git のマージが残した衝突（pufu git）はエラーで、衝突ひとつにつきひとつ、パーツの名前つきです。"
        "エラーがあれば終了コード 1、警告だけか何もなければ 0。\n\n"
        "下書きを調べるときは、どのコマンドとも同じ厳しさでファイル全体を読みます（UTF-8、JSON、"
        "同じキーの重複なし、形式、局面の番号、存在する局面への感想）。記録した局面のプ譜（大きな"
        "プロジェクトの大部分）は読みません。--phase N でひとつを調べられ、局面を読むコマンドは"
        "壊れた局面を拒みます。"
    ),
    "opt.check.phase": "下書きでなく記録した局面を調べる",
    # demo
    "about.demo": (
        "pufu demo [--dir DIR]: 同梱のデモプロジェクトの新しいコピーをエディタで開きます。\n\n"
        "コピーは新しい一時フォルダか DIR に置かれます（demo.pufu.json、その名前があれば "
        "demo-2.pufu.json など）。何を試しても元のデモはそのままです。"
    ),
    "opt.demo.dir": "コピーを置くフォルダ（既定: 新しい一時フォルダ）",
    "opt.demo.no_open": "コピーを作って場所を表示するだけにする",
    # diff
    "about.diff": (
        "pufu diff PROJECT A B [--format text|json]: ある局面から別の局面までに変わったこと。\n\n"
        "A と B は局面の番号か draft（下書き）。獲得目標や勝利条件の変化が先に来ます。パーツは id で、"
        "id の違う中間目的・施策は同じテキストで対応づけます（pufu-editor の局面マップは局面ごとに "
        "id が新しくなるため）。--format json は同じ変化を、前後のテキストつきのデータで出します。"
    ),
    "opt.diff.a": "前の側: 局面の番号か draft",
    "opt.diff.b": "後の側: 局面の番号か draft",
    "opt.diff.format": "出力の形式（既定: text）",
    "opt.diff.color": "テキスト出力の色（既定: 端末のとき。NO_COLOR と FORCE_COLOR に従います）",
    # edit
    "about.edit": (
        "pufu edit PROJECT: プロジェクトをエディタで開きます（ファイルがなければ作るか尋ねます）。\n\n"
        "キー: ? で一覧、ctrl+s で保存、ctrl+q で終了（保存していない変更があれば尋ねます）。"
    ),
    "opt.edit.project": "プロジェクトファイル（おすすめの拡張子: .pufu.json）",
    "opt.edit.create": "ファイルがなければ尋ねずに作る",
    "opt.edit.title": "ここで作るプロジェクトのタイトル",
    # export
    "about.export": (
        "pufu export PROJECT --format FORMAT [--phase N | --all-phases] [-o OUT]: プ譜を書き出します。\n\n"
        "形式: pufu-editor（pufu-editor が読み込む JSON。--all-phases では局面マップ）、md（Markdown。\n"
        "pufu-editor 自身の書き出しに近い形）、図の svg・png・pdf・dot、pptx（スライド。局面ごとに\n"
        "1 枚: 編集できる図形とつながった矢印のプ譜、できごと、2 局面めからは変わったこと。\n"
        "--picture で図の画像にします）。--phase がなければ下書きを書き出します（スライドは全局面、\n"
        "なければ下書き）。-o -（テキスト形式の既定）は標準出力に書きます。\n\n"
        "図: --size 16:9 | 4:3 | a4 | none（キャンバス: スライドの形と大きさ、既定 16:9。16:9 の PNG は\n"
        "1920×1080）、--dpi（PNG）、--theme light | dark、--comments。--all-phases では局面ごとに\n"
        "1 ファイル: -o は名前の頭（-o out/plan なら out/plan-phase01.png, ...）か既存のフォルダ\n"
        "（プロジェクトファイルにちなんだ名前）。-o がなければプロジェクトの隣に書きます。"
    ),
    "opt.export.format": "出力の形式",
    "opt.export.phase": "この記録した局面を書き出す（既定: 下書き）",
    "opt.export.all_phases": "記録したすべての局面を書き出す",
    "opt.export.output": "出力ファイル、または標準出力なら -（既定）",
    "opt.export.force": "既存の出力ファイルを置き換える",
    "opt.export.diagrams": "図（svg, png, pdf, dot, pptx）",
    "opt.export.size": "キャンバス: スライドの形（既定: 設定の export_size、なければ 16:9）",
    "opt.export.dpi": "PNG の 1 インチあたりの画素数（既定 144: 16:9 で 1920×1080）",
    "opt.export.theme": "配色（既定: 設定の theme、なければ light）",
    "opt.export.comments": "コメントをその色で表示する",
    "opt.export.picture": "pptx: 編集できる図形でなく、図の画像を貼る",
    "opt.export.jobs": "--all-phases のとき同時に描く図の数（既定: CPU ひとつにつきひとつ）",
    # git
    "about.git": (
        "pufu git enable|disable|status: pufu を *.pufu.json の git の diff ドライバ・merge ドライバにします。\n\n"
        "enable は .gitattributes に *.pufu.json diff=pufu merge=pufu を（--global ならユーザーの\n"
        "attributes ファイルに）、ドライバの設定をリポジトリの git config に（またはユーザーの）書きます。\n"
        "git はドライバを config に持ちリポジトリには持たないため、新しい clone では一度 pufu git enable\n"
        "が要ります。disable は enable が書いたものだけを消します。どちらも何度実行しても同じです。\n\n"
        "そのあと git が実行するもの:\n\n"
        "- git diff は pufu git diff-driver（diff.pufu.command）を実行します: 手法の言葉での差分\n"
        "  （タイトル、追加された局面と感想、pufu diff と同じ下書きの変化）。git が色をつけるとき\n"
        "  （color.diff/color.ui と端末か git のページャ）は色つき。\n"
        "- git log -p と git show は --ext-diff のときだけ外部 diff ドライバを使います。ないときは\n"
        "  textconv（diff.pufu.textconv、python -m pufu.cli.gittext、pufu git textconv と同じ）で両側を\n"
        "  読めるアウトラインにし、git 自身の行の差分（と色）で、どの局面・感想・パーツが変わったかが\n"
        "  わかります。pufu の他の部分を読み込まずに起動し（コミットごとに 2 回）、PUFU_LANG の言語\n"
        "  （既定は日本語）で書きます。\n"
        "- git merge は pufu git merge-driver %O %A %B %P を実行します: モデルの上での 3-way マージ。\n"
        "  本当の衝突はプロジェクトに記録され（pufu check が一覧し、pufu edit が解決します）、ドライバは\n"
        "  終了コード 1 で終わるので git はそのファイルを衝突として報告します。"
    ),
    "cmd.git.enable": "*.pufu.json の diff ドライバ・merge ドライバに pufu を設定する",
    "cmd.git.disable": "enable が設定したものを取り除く",
    "cmd.git.status": "何が設定されているかを表示する",
    "opt.git.global": "リポジトリでなくユーザーの git 設定",
    "cmd.git.resolve": "プロジェクトのマージの衝突を決着させる: ours か theirs を取る",
    "about.git.resolve": (
        "マージがプロジェクトに残した衝突（すべて、または --part のパーツのもの）を決着させ、"
        "ファイルを git add します。pufu check が衝突を一覧し、エディタでもひとつずつ決着できます。"
    ),
    "opt.git.take": "取る側: ours（こちら）か theirs（あちら）",
    "opt.git.part": "このパーツの衝突だけ（pufu check が角括弧で示す id）",
    "cmd.git.merge_driver": "（git が実行）プロジェクトの 3-way マージ",
    "cmd.git.diff_driver": "（git が実行）手法の言葉でのプロジェクトの差分",
    "cmd.git.textconv": "（git が実行）プロジェクトを読めるテキストに",
    # import
    "about.import": (
        "pufu import SRC -o PROJECT: pufu-editor のプ譜か局面マップを新しいプロジェクトに読み込みます。\n\n"
        "プ譜ひとつは下書きと記録した局面ひとつになり、局面マップ（phase1..phaseN）は番号順の N 局面に"
        "なります（最後の局面は下書きにも）。いくつかの中間目的の下にある同じテキストの施策は、"
        "それぞれにつながったひとつの施策になります。"
    ),
    "opt.import.source": "pufu-editor のプ譜か局面マップ（.json）",
    "opt.import.output": "作るプロジェクトファイル",
    "opt.import.title": "プロジェクトのタイトル（既定: 元のファイルの名前）",
    "opt.import.force": "既存のプロジェクトファイルを置き換える",
    # metric
    "about.metric": (
        "pufu metric add|set|edit|remove|list PROJECT ...: 下書きの評価指標。\n\n"
        "評価指標は勝ちをどう判断するかを表します: 名前、単位、基準値（出発点）、目標値（勝ち）、\n"
        "そしてどちらが良いか。--part で中間目的（id かテキストの書き出し）を指さなければ勝利条件を\n"
        "測ります。set は下書きに値を記録し、pufu snapshot がそれを局面に固定するので、list は\n"
        "局面ごとと下書きの値を示します。\n\n"
        "    pufu metric add p.pufu.json 問い合わせ率 --target 0.18 --baseline 0.25 --unit 件/顧客 --lower-is-better\n"
        "    pufu metric set p.pufu.json 問い合わせ率 0.21\n"
        "    pufu metric list p.pufu.json"
    ),
    "cmd.metric.add": "勝利条件（または中間目的）に評価指標を加える",
    "opt.metric.name": "測るもの: 問い合わせ率、CSAT など",
    "opt.metric.value": "いまの値（下書きに記録）",
    "cmd.metric.set": "評価指標の値を下書きに記録する",
    "opt.metric.set_value": "数値。none で消す",
    "cmd.metric.edit": "評価指標の名前・目標値・基準値・単位・向き・メモ・パーツを変える",
    "opt.metric.new_name": "新しい名前",
    "opt.metric.higher_is_better": "値が高いほど良い",
    "cmd.metric.remove": "下書きから評価指標を取り除く",
    "cmd.metric.list": "すべての評価指標: 単位、基準値、目標値、局面ごとと下書きの値",
    "opt.metric.format": "出力の形式（既定: text）",
    "opt.metric.target": "勝ちとなる値（none: まだ合意していない）",
    "opt.metric.baseline": "出発点の値",
    "opt.metric.unit": "自由なテキスト: %%、件、分、点、件/顧客",
    "opt.metric.lower_is_better": "値が低いほど良い（問い合わせ率、待ち時間）",
    "opt.metric.note": "メモ: 誰が合意したか、どう数えるか",
    "opt.metric.part": "測る中間目的: id かテキストの書き出し（既定: 勝利条件）",
    # new
    "about.new": (
        "pufu new PROJECT [--template NAME] [--title T]: プロジェクトファイルを作ります。\n\n"
        "--template がなければ空のシートです。テンプレート（pufu templates を参照）を選ぶと、"
        "手直しして使える完成したシートから始まります。テンプレートの言語は --lang（または設定）に従います。"
    ),
    "opt.new.project": "作るファイル（おすすめの拡張子: .pufu.json）",
    "opt.new.template": "テンプレートから始める（pufu templates を参照）",
    "opt.new.title": "プロジェクトのタイトル（既定: テンプレートのもの、なければなし）",
    "opt.new.lang": "テンプレートの言語（ja, en）",
    "opt.new.force": "既存のファイルを置き換える",
    # note
    "about.note": (
        "pufu note PROJECT --phase N [--part ID] --author NAME --kind KIND TEXT: 感想。\n\n"
        "感想は記録した局面に、またはその中のパーツひとつにつけます: --part には id、id の書き出し\n"
        "（pufu phases PROJECT N がパーツを短い id つきで一覧します）、またはテキストの書き出しを、\n"
        "パーツがひとつに決まる限り渡せます。\n"
        "種類: good（うまくいった）、bad（うまくいかなかった）、lesson（教訓）、question（問い）。\n"
        "感想は局面と並べてプロジェクトファイルに保存され、記録した局面は変わりません。同じ局面に\n"
        "何人でも感想を書けます: 感想戦はふたりで行うものです。"
    ),
    "opt.note.text": "感想",
    "opt.note.phase": "局面の番号",
    "opt.note.part": "その局面のパーツ: id、id かテキストの書き出し（pufu phases PROJECT N が一覧します）",
    "opt.note.author": "書く人（既定: 設定の author）",
    "opt.note.kind": "good、bad、lesson、question のどれか",
    # phase
    "about.phase": (
        "pufu phase amend PROJECT N [--title T] [--date YYYY-MM-DD] [--note TEXT]: 記録した局面を訂正します。\n\n"
        "局面のプ譜は一度記録したら変わりません。打ち間違えたタイトル、日付、できごと（--note、\n"
        "pufu snapshot と同じ）は訂正できます。訂正はそれぞれ局面に記録され（いつ、どの項目、旧 → 新）、\n"
        "pufu phases は訂正された局面に印をつけます。\n\n"
        '    pufu phase amend plan.pufu.json 2 --title "2月の感想戦" --date 2026-02-28'
    ),
    "cmd.phase.amend": "局面のタイトル・日付・できごとを訂正する（訂正は局面に記録されます）",
    "opt.phase.number": "局面の番号（pufu phases が一覧します）",
    "opt.phase.title": "訂正したタイトル",
    "opt.phase.date": "訂正した日付、YYYY-MM-DD",
    "opt.phase.note": "前の局面からのできごとの訂正したテキスト",
    # phases
    "about.phases": (
        "pufu phases PROJECT [N]: 記録した局面を 1 行にひとつ: 番号、タイトル、日付、できごと。\n\n"
        "訂正された局面（pufu phase amend）には行末に印がつきます。N を指定すると局面 N の全体: "
        "タイトル、日付、できごと、訂正、そしてパーツを短い id つきで示します。その id は "
        "pufu note --part に渡せます（パーツのテキストの書き出しも渡せます）。"
    ),
    "opt.phases.number": "この局面をパーツと id つきで全部表示する",
    # report
    "about.report": (
        "pufu report PROJECT -o review.md [--diagrams]: 感想戦のまとめを Markdown で書きます。\n\n"
        "まとめには局面の年表、各ステップで変わったこと（獲得目標や勝利条件の変化が先）、局面ごとの"
        "パーツへのコメント、記入者と種類ごとの感想、最後に教訓が入ります。--diagrams はステップごとの"
        "差分の図をまとめの隣のフォルダ（REPORT-diagrams/: 追加は緑、削除は赤の破線、変更はオレンジ）に"
        "書いてリンクします。評価指標ごとに局面をまたぐ表と小さな折れ線グラフがつき、グラフは SVG で "
        "REPORT-metrics/ に書かれます（-o - なら Markdown の中に）。"
    ),
    "opt.report.output": "Markdown ファイル、または標準出力なら -（既定）",
    "opt.report.diagrams": "ステップごとの差分の図も書いてリンクする",
    "opt.report.diagram_format": "図の形式（既定: svg）",
    "opt.report.force": "既存のまとめを置き換える",
    "opt.report.jobs": "同時に描く図の数（既定: CPU ひとつにつきひとつ）",
    # review
    "about.review": (
        "pufu review PROJECT [--author NAME]: 端末で局面を再生します（感想戦）。\n\n"
        "局面 1 から始まります。← / → で局面を進め、それぞれ前の局面から変わったところ（+ 追加、"
        "~ 変更、− 削除）とできごとを示します。d で差分の全体、c で好きな二つの局面（または下書き）を"
        "並べて比べ、n で感想を書きます（すぐにプロジェクトファイルに保存）。q で終わります。"
    ),
    "opt.review.author": "感想にあらかじめ入れる名前（既定: 設定の author）",
    # schema
    "about.schema": "pufu schema: モデルから生成した、プロジェクトファイルの JSON Schema を表示します。",
    # settings
    "about.settings": (
        "pufu settings [--set KEY=VALUE ...] [--path]: 設定を表示・変更します。\n\n"
        "設定ファイルは設定フォルダの settings.toml です（PUFU_CONFIG_DIR で移せます）。キー:\n"
        "lang（ja, en）、theme（light, dark）、export_size（16:9, 4:3, a4）、author（感想の記入者名）、\n"
        "lock_wait（ほかの書き手を待つ秒数、既定 10）。変数 PUFU_LANG、PUFU_THEME、PUFU_EXPORT_SIZE、\n"
        "PUFU_AUTHOR、PUFU_LOCK_WAIT はファイルより優先されます。\n"
        '[keys] 表（手で書きます）はエディタのキーをバインディング id で割り当て直します: save = "ctrl+w"。'
    ),
    "opt.settings.set": "設定を変える。例: --set author=佐藤（くり返し可）",
    "opt.settings.path": "設定ファイルの場所だけを表示する",
    # snapshot
    "about.snapshot": (
        "pufu snapshot PROJECT --title T [--note TEXT] [--date YYYY-MM-DD]: 下書きを次の局面として記録します。\n\n"
        "記録した局面は変わりません（打ち間違えたタイトル・日付・できごとは pufu phase amend で、記録に"
        "残して訂正します）。下書きはそのまま残り、続けて編集できます。前の局面より前の日付は警告つきで"
        "記録されます。"
    ),
    "opt.snapshot.title": "局面のタイトル",
    "opt.snapshot.note": "前の局面からのできごと",
    "opt.snapshot.date": "局面の日付、YYYY-MM-DD（既定: 今日）",
    # templates
    "about.templates": (
        "pufu templates [--lang en]: 同梱のテンプレートを 1 行にひとつ: 名前、タブ、説明。\n\n"
        "テンプレートからプロジェクトを始めるには: pufu new PROJECT --template NAME"
    ),
    "opt.templates.lang": "説明の言語（ja, en）",
}

EN: dict[str, str] = {
    # argparse's own words
    "argparse.usage": "usage: ",
    "argparse.positionals": "positional arguments",
    "argparse.options": "options",
    "argparse.help": "show this help message and exit",
    "argparse.error": "{prog}: error: {message} (see: {prog} --help)",
    "argparse.argument": "argument {argument}: {message}",
    "argparse.required": "the following arguments are required: {names}",
    "argparse.one_required": "one of the arguments {names} is required",
    "argparse.invalid_choice": "invalid choice: {value} (choose from {choices})",
    "argparse.invalid_value": "invalid {type} value: {value}",
    "argparse.unrecognized": "unrecognized arguments: {names}",
    "argparse.not_allowed": "not allowed with argument {other}",
    "argparse.expected_one": "expected one argument",
    "argparse.expected_at_most_one": "expected at most one argument",
    "argparse.expected_at_least_one": "expected at least one argument",
    "argparse.ignored_explicit": "ignored explicit argument {value}",
    "argparse.ambiguous": "ambiguous option: {option} could match {matches}",
    "argparse.type.int": "int",
    "argparse.type.float": "float",
    # pufu itself
    "about.pufu": "pufu: draft, record and review プ譜 (project score) charts in the terminal.",
    "opt.pufu.version": "show pufu's version number and exit",
    "opt.pufu.lang": "language of labels and messages (default: the settings' lang, else ja)",
    "opt.pufu.command": "the command",
    # the command table
    "cmd.edit": "edit a project in the terminal",
    "cmd.demo": "try the editor on a copy of the demo project",
    "cmd.new": "create a new project file",
    "cmd.templates": "list the templates to start a project from",
    "cmd.check": "check a project's draft for errors and warnings",
    "cmd.import": "import a pufu-editor JSON file",
    "cmd.export": "export a chart (pufu-editor JSON, Markdown, diagrams, a deck)",
    "cmd.snapshot": "record the draft as the next phase (局面)",
    "cmd.phases": "list the recorded phases",
    "cmd.phase": "amend a recorded phase's title, date or what happened",
    "cmd.metric": "the 評価指標 (yardsticks): add, set a value, edit, remove, list",
    "cmd.diff": "what changed between two phases (or a phase and the draft)",
    "cmd.review": "replay the phases and write review notes (感想戦)",
    "cmd.note": "add a review note (感想) to a phase",
    "cmd.report": "write the review (感想戦) up in Markdown",
    "cmd.git": "use pufu as git's diff and merge driver for projects",
    "cmd.schema": "print the JSON Schema of the project file",
    "cmd.settings": "show or change your settings (language, theme, export size, author)",
    # check
    "about.check": (
        "pufu check PROJECT [--phase N]: errors and warnings on the draft (or a phase).\n\n"
        "Conflicts left by a git merge (pufu git) are errors, one per conflict, naming the part. "
        "Exit code 1 when an error is found, 0 when there are only warnings or nothing.\n\n"
        "Checking the draft reads the whole file as strictly as every command does (UTF-8, JSON, no key "
        "written twice, the format, numbered phases, notes on phases that exist) but not the recorded "
        "phases' charts, most of a big project: --phase N checks one, and every command that reads "
        "them refuses a broken one."
    ),
    "opt.check.phase": "check a recorded phase instead of the draft",
    # demo
    "about.demo": (
        "pufu demo [--dir DIR]: open a fresh copy of the bundled demo project in the editor.\n\n"
        "The copy goes to a new temporary folder, or to DIR (as demo.pufu.json, or demo-2.pufu.json and "
        "so on when that name is taken), so you can try everything and the original stays as it was."
    ),
    "opt.demo.dir": "where to put the copy (default: a new temporary folder)",
    "opt.demo.no_open": "only make the copy and print where it is",
    # diff
    "about.diff": (
        "pufu diff PROJECT A B [--format text|json]: what changed from one phase to another.\n\n"
        "A and B are phase numbers, or draft. A changed 獲得目標 or 勝利条件 comes first. Parts are "
        "matched by id, and 中間目的/施策 whose ids differ by equal text (pufu-editor phase maps give "
        "every phase fresh ids). --format json prints the same changes as data, with the texts before "
        "and after."
    ),
    "opt.diff.a": "the earlier side: a phase number, or draft",
    "opt.diff.b": "the later side: a phase number, or draft",
    "opt.diff.format": "output format (default: text)",
    "opt.diff.color": "colour the text output (default: when a terminal; NO_COLOR and FORCE_COLOR are honoured)",
    # edit
    "about.edit": (
        "pufu edit PROJECT: open the editor on a project (offers to create the file when it is missing).\n\n"
        "Keys: ? shows them all; ctrl+s saves; ctrl+q quits (asks when there are unsaved changes)."
    ),
    "opt.edit.project": "the project file (suggested suffix: .pufu.json)",
    "opt.edit.create": "create the file without asking when it is missing",
    "opt.edit.title": "the title of a project created here",
    # export
    "about.export": (
        "pufu export PROJECT --format FORMAT [--phase N | --all-phases] [-o OUT]: write the chart out.\n\n"
        "Formats: pufu-editor (JSON that pufu-editor imports; --all-phases writes a phase map), md\n"
        "(Markdown, close to pufu-editor's own export), the diagrams svg, png, pdf and dot, and pptx\n"
        "(a deck, one slide per phase: the chart as editable shapes and glued arrows, what happened,\n"
        "and from the second phase on what changed; --picture puts a picture of each diagram instead).\n"
        "Without --phase, the draft is exported (a deck: every phase, else the draft).\n"
        "-o - (the default for text formats) writes to standard output.\n\n"
        "Diagrams: --size 16:9 | 4:3 | a4 | none (the canvas: a slide's shape and size, default 16:9;\n"
        "a 16:9 PNG is 1920×1080), --dpi (PNG), --theme light | dark, --comments. With --all-phases,\n"
        "one file per phase: -o names a stem (-o out/plan writes out/plan-phase01.png, ...) or\n"
        "an existing folder (files named after the project file); without -o, beside the project."
    ),
    "opt.export.format": "output format",
    "opt.export.phase": "export this recorded phase (default: the draft)",
    "opt.export.all_phases": "export every recorded phase",
    "opt.export.output": "output file, or - for standard output (default)",
    "opt.export.force": "replace an existing output file",
    "opt.export.diagrams": "diagrams (svg, png, pdf, dot, pptx)",
    "opt.export.size": "canvas: a slide's shape (default: settings' export_size, else 16:9)",
    "opt.export.dpi": "PNG pixels per inch (default 144: 16:9 is 1920×1080)",
    "opt.export.theme": "colours (default: settings' theme, else light)",
    "opt.export.comments": "show comments in their colours",
    "opt.export.picture": "pptx: a picture of each diagram instead of editable shapes",
    "opt.export.jobs": "with --all-phases: diagrams drawn at once (default: one per CPU)",
    # git
    "about.git": (
        "pufu git enable|disable|status: pufu as git's diff and merge driver for *.pufu.json.\n\n"
        "enable writes *.pufu.json diff=pufu merge=pufu to .gitattributes (or, with\n"
        "--global, to the user's attributes file) and the driver settings to the repository's git\n"
        "config (or the user's). git keeps drivers in config, not in the repository, so a fresh clone needs\n"
        "pufu git enable once. disable removes exactly what enable wrote; both are idempotent.\n\n"
        "What git runs then:\n\n"
        "- git diff runs pufu git diff-driver (diff.pufu.command): pufu's diff in the method's\n"
        "  words (title, phases and notes added, the draft's changes as pufu diff shows them), coloured\n"
        "  when git colours (color.diff/color.ui and the terminal or git's pager);\n"
        "- git log -p and git show run external diff drivers only with --ext-diff; without it\n"
        "  git uses the textconv (diff.pufu.textconv, python -m pufu.cli.gittext, the same as\n"
        "  pufu git textconv): each side as a readable outline, so git's own line diff (and colours)\n"
        "  show which phase, note or part changed. It starts without the rest of pufu (twice per commit)\n"
        "  and speaks PUFU_LANG's language (Japanese by default);\n"
        "- git merge runs pufu git merge-driver %O %A %B %P: a three-way merge on the model; a real\n"
        "  conflict is recorded in the project (pufu check lists it, pufu edit resolves it) and the\n"
        "  driver exits 1 so git reports the file as conflicted."
    ),
    "cmd.git.enable": "set pufu as the diff and merge driver of *.pufu.json",
    "cmd.git.disable": "remove what enable set",
    "cmd.git.status": "say what is set",
    "opt.git.global": "the user's git settings, not the repository's",
    "cmd.git.resolve": "settle a project's merge conflicts: take ours or theirs",
    "about.git.resolve": (
        "Settle the conflicts a merge left in a project (all, or one by --part), then "
        "git add the file. pufu check lists them; the editor settles them one by one too."
    ),
    "opt.git.take": "the side to take: ours or theirs",
    "opt.git.part": "only the conflicts of this part (the id pufu check prints in brackets)",
    "cmd.git.merge_driver": "(run by git) three-way merge of a project",
    "cmd.git.diff_driver": "(run by git) a project's diff in the method's words",
    "cmd.git.textconv": "(run by git) a project as readable text",
    # import
    "about.import": (
        "pufu import SRC -o PROJECT: read a pufu-editor chart or phase map into a new project.\n\n"
        "A single chart becomes the draft and one recorded phase; a phase map (phase1..phaseN) becomes "
        "N phases in numeric order, the last also the draft. 施策 with the same text under several "
        "中間目的 become one 施策 linked to each."
    ),
    "opt.import.source": "a pufu-editor chart or phase map (.json)",
    "opt.import.output": "the project file to create",
    "opt.import.title": "project title (default: the source file name)",
    "opt.import.force": "replace an existing project file",
    # metric
    "about.metric": (
        "pufu metric add|set|edit|remove|list PROJECT ...: the 評価指標 (yardsticks) of the draft.\n\n"
        "A yardstick says how a win is judged: a name, a unit, a baseline (where we start), a target\n"
        "(the win) and which way is better. It measures the 勝利条件 unless --part names a 中間目的\n"
        "(by id, or by the start of its text). set records its value on the draft; pufu snapshot\n"
        "then freezes it into the phase, so list shows the value at every phase and in the draft.\n\n"
        "    pufu metric add p.pufu.json 問い合わせ率 --target 0.18 --baseline 0.25 --unit 件/顧客 --lower-is-better\n"
        "    pufu metric set p.pufu.json 問い合わせ率 0.21\n"
        "    pufu metric list p.pufu.json"
    ),
    "cmd.metric.add": "add a yardstick to the 勝利条件 (or a 中間目的)",
    "opt.metric.name": "what is measured: 問い合わせ率, CSAT, ...",
    "opt.metric.value": "its value now, on the draft",
    "cmd.metric.set": "record a yardstick's value on the draft",
    "opt.metric.set_value": "a number; none clears it",
    "cmd.metric.edit": "change a yardstick's name, target, baseline, unit, direction, note or part",
    "opt.metric.new_name": "a new name",
    "opt.metric.higher_is_better": "a higher value is better",
    "cmd.metric.remove": "remove a yardstick from the draft",
    "cmd.metric.list": "every yardstick: unit, baseline, target, the value at each phase and in the draft",
    "opt.metric.format": "output format (default: text)",
    "opt.metric.target": "the win, a number (none: not agreed yet)",
    "opt.metric.baseline": "where we start, a number",
    "opt.metric.unit": "free text: %%, 件, 分, 点, 件/顧客",
    "opt.metric.lower_is_better": "a lower value is better (inquiry rate, wait time)",
    "opt.metric.note": "a note: who agreed, how it is counted",
    "opt.metric.part": "the 中間目的 it measures: its id or the start of its text (default: the 勝利条件)",
    # new
    "about.new": (
        "pufu new PROJECT [--template NAME] [--title T]: create a project file.\n\n"
        "Without --template the sheet is empty. With one (see: pufu templates), the project starts as "
        "a complete sheet to adapt; the template's language follows --lang (or your settings)."
    ),
    "opt.new.project": "the file to create (suggested suffix: .pufu.json)",
    "opt.new.template": "start from a template (see: pufu templates)",
    "opt.new.title": "the project title (default: the template's, or none)",
    "opt.new.lang": "language of the template (ja, en)",
    "opt.new.force": "replace an existing file",
    # note
    "about.note": (
        "pufu note PROJECT --phase N [--part ID] --author NAME --kind KIND TEXT: a review note (感想).\n\n"
        "A note attaches to a recorded phase, or to one part within it: --part takes its id, the start\n"
        "of its id (pufu phases PROJECT N lists the parts with their short ids), or the start of its\n"
        "text, as long as it names one part.\n"
        "Kinds: good (went well), bad (went wrong), lesson, question. Notes are stored in the project\n"
        "file beside the phases and never change a recorded phase. Several people can note the same\n"
        "phase: a 感想戦 is done in pairs."
    ),
    "opt.note.text": "the note",
    "opt.note.phase": "the phase number",
    "opt.note.part": "a part of that phase: its id, the start of its id or of its text (pufu phases PROJECT N lists them)",
    "opt.note.author": "who writes it (default: author from the settings)",
    "opt.note.kind": "good, bad, lesson or question",
    # phase
    "about.phase": (
        "pufu phase amend PROJECT N [--title T] [--date YYYY-MM-DD] [--note TEXT]: correct a recorded phase.\n\n"
        "A phase's chart never changes once recorded; a mistyped title, date or \"what happened\" (--note,\n"
        "as in pufu snapshot) can be corrected. Each correction is recorded in the phase (when, the\n"
        "field, old → new), and pufu phases marks an amended phase.\n\n"
        '    pufu phase amend plan.pufu.json 2 --title "2月の感想戦" --date 2026-02-28'
    ),
    "cmd.phase.amend": "correct a phase's title, date or what happened (recorded in the phase)",
    "opt.phase.number": "the phase number (pufu phases lists them)",
    "opt.phase.title": "the corrected title",
    "opt.phase.date": "the corrected date, YYYY-MM-DD",
    "opt.phase.note": "the corrected text of what happened since the previous phase",
    # phases
    "about.phases": (
        "pufu phases PROJECT [N]: the recorded phases, one a line: number, title, date, what happened.\n\n"
        "An amended phase (pufu phase amend) is marked at the end of its line. With N, phase N in full: "
        "its title, date, what happened and amendments, then its parts, each with its short id, which "
        "pufu note --part takes (as it takes the start of a part's text)."
    ),
    "opt.phases.number": "show this phase in full, with its parts and their ids",
    # report
    "about.report": (
        "pufu report PROJECT -o review.md [--diagrams]: write the 感想戦 up in Markdown.\n\n"
        "The report holds the timeline of phases, what changed at each step (a changed 獲得目標 or "
        "勝利条件 first), the comments on parts in each phase, the review notes by author and kind, and "
        "the lessons at the end. --diagrams also writes a diff diagram per step into a folder next to "
        "the report (REPORT-diagrams/: added parts green, removed ones dashed red, changed ones orange) "
        "and links them. Each 評価指標 (yardstick) gets a table across the phases and a small line chart, "
        "written as SVG into REPORT-metrics/ (inline in the Markdown with -o -)."
    ),
    "opt.report.output": "the Markdown file, or - for standard output (default)",
    "opt.report.diagrams": "also write a diff diagram per step and link it",
    "opt.report.diagram_format": "diagram format (default: svg)",
    "opt.report.force": "replace an existing report",
    "opt.report.jobs": "diagrams drawn at once (default: one per CPU)",
    # review
    "about.review": (
        "pufu review PROJECT [--author NAME]: replay the phases (感想戦) in the terminal.\n\n"
        "Opens on phase 1. ← / → step through the phases, each showing the sheet with what changed since "
        "the previous phase marked (+ added, ~ changed, − removed) and what happened; d shows the full "
        "diff; c compares any two phases (or the draft) side by side; n writes a review note (saved to the "
        "project file at once); q leaves."
    ),
    "opt.review.author": "the name to prefill on notes (default: author from the settings)",
    # schema
    "about.schema": "pufu schema: print the JSON Schema of the project file, generated from the models.",
    # settings
    "about.settings": (
        "pufu settings [--set KEY=VALUE ...] [--path]: show or change your settings.\n\n"
        "The settings file is settings.toml in your config folder (PUFU_CONFIG_DIR moves it). Keys:\n"
        "lang (ja, en), theme (light, dark), export_size (16:9, 4:3, a4), author (the name on review\n"
        "notes), lock_wait (seconds to wait for another writer, default 10). Variables PUFU_LANG,\n"
        "PUFU_THEME, PUFU_EXPORT_SIZE, PUFU_AUTHOR and PUFU_LOCK_WAIT win over the file.\n"
        'A [keys] table (written by hand) remaps the editor\'s keys by binding id: save = "ctrl+w".'
    ),
    "opt.settings.set": "change a setting, e.g. --set author=佐藤 (repeatable)",
    "opt.settings.path": "print only the settings file's path",
    # snapshot
    "about.snapshot": (
        "pufu snapshot PROJECT --title T [--note TEXT] [--date YYYY-MM-DD]: record the draft as the next phase.\n\n"
        "Recorded phases never change (a mistyped title, date or note is corrected, on the record, with "
        "pufu phase amend); the draft stays as it is for you to go on editing. A date before the "
        "previous phase's is recorded with a warning."
    ),
    "opt.snapshot.title": "the phase title",
    "opt.snapshot.note": "what happened since the previous phase",
    "opt.snapshot.date": "the phase date, YYYY-MM-DD (default: today)",
    # templates
    "about.templates": (
        "pufu templates [--lang en]: the bundled templates, one a line: name, a tab, a description.\n\n"
        "Start a project from one with: pufu new PROJECT --template NAME"
    ),
    "opt.templates.lang": "language of the descriptions (ja, en)",
}
