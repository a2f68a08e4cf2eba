"""The demo project: a CS team launching self-service, told in four phases (局面).

It shows the method's three laws at work:

1. phase 2 — a 施策 brings an unexpected result: the help centre goes live and inquiries go *up*,
   because customers discover features they never knew and ask how to set them up;
2. phase 3 — the elements change: the contract writer leaves and the budget is cut by 30%;
   the bot, meanwhile, draws a new theme (billing questions);
3. phase 4 — the win condition itself changes, from "inquiries down 30%" to the inquiry rate
   per customer and the one-stop resolution rate, agreed with the managers.

Its 評価指標 (yardsticks) carry the numbers: monthly inquiries against the pre-launch level
(target −30%) go 0 → +12% → −8%; "yes, solved" answers reach 71%; in phase 4 the monthly count
gives way to the inquiry rate (0.25 → 0.19, target 0.18) and the one-stop resolution rate
(58% → 74%, target 80%).

The story is built with the model's own operations on one :class:`Session` (ids stay the same
from phase to phase), recorded with :meth:`Project.snapshot`, and reviewed with
:meth:`Project.add_note`. Regenerate the bundled files with ``python -m pufu.templates.build``.
"""

from __future__ import annotations

from ..model import Chart, Project, Session
from ..model.parts import ELEMENT_KEYS
from .ids import stable_id

NAME = "demo"
DESCRIPTION = (
    "デモ：SaaSのCSチームがセルフサービスを立ち上げる4局面（予想外の結果・要素の変化・勝利条件の変更）",
    "Demo: a SaaS support team launches self-service in four phases "
    "(a surprise, a changed element, a changed win condition)",
)


def build_demo(lang: str = "ja") -> Project:
    """The demo project in Japanese (``ja``) or English (``en``)."""

    def say(ja: str, en: str) -> str:
        return ja if lang == "ja" else en

    def pid(key: str) -> str:
        return stable_id(NAME, key)

    chart = Chart.blank(
        goal=pid("goal"), win=pid("win"), elements={key: pid(key) for key in ELEMENT_KEYS}
    )
    project = Project(
        title=say(
            "セルフサービス立ち上げ（ヘルプセンターとチャットボット）",
            "Launching self-service (help centre and chatbot)",
        ),
        draft=chart,
    )
    s = Session(project)

    def purpose(key: str, ja: str, en: str) -> str:
        return s.apply("add_purpose", say(ja, en), part_id=pid(key))

    def measure(
        key: str, under: str, color: str, ja: str, en: str, progress: int | None = None
    ) -> str:
        return s.apply(
            "add_measure", under, say(ja, en), color=color, progress=progress, part_id=pid(key)
        )

    def comment(part: str, color: str, ja: str, en: str) -> None:
        s.apply("set_comment", part, color, say(ja, en))

    def element(key: str, ja: str, en: str) -> None:
        s.apply("set_element", key, say(ja, en))

    def yardstick(key: str, ja: str, en: str, unit: tuple[str, str], **fields: object) -> str:
        return s.apply("add_metric", say(ja, en), unit=say(*unit), metric_id=pid(key), **fields)

    def measured(metric: str, value: float) -> None:
        s.apply("set_metric_value", metric, value)

    goal, win = s.chart.goal, s.chart.win

    # ------------------------------------------------------------ phase 1: the plan
    s.apply(
        "set_text",
        goal,
        say(
            "顧客が自分で答えにたどり着けるヘルプセンターとチャットボットを公開し、"
            "増え続ける問い合わせにCSが追われない体制をつくる",
            "A help centre and a chatbot where customers find answers themselves, "
            "so that the support team is no longer chased by ever more inquiries",
        ),
    )
    s.apply(
        "set_text",
        win,
        say(
            "公開から3か月で、月間問い合わせ件数が公開前より30%減っている",
            "Three months after launch, monthly inquiries are 30% below the pre-launch level",
        ),
    )
    p_content = purpose(
        "p-content",
        "よくある問い合わせ上位50件を、顧客が記事で自己解決できている状態",
        "Customers solve the top 50 questions themselves with help articles",
    )
    p_reach = purpose(
        "p-reach",
        "顧客が困った画面から、記事やボットにすぐたどり着けている状態",
        "From the screen where they are stuck, customers reach an article or the bot at once",
    )
    p_measure = purpose(
        "p-measure",
        "記事とボットの効き目が数字で見え、毎週改善が回っている状態",
        "The effect of articles and the bot shows in numbers, and is improved every week",
    )
    p_team = purpose(
        "p-team",
        "CSチームと上長が、新しいやり方を理解して協力している状態",
        "The support team and its managers understand the new way of working and back it",
    )
    m_top50 = measure(
        "m-top50", p_content, "red",
        "過去6か月の問い合わせをタグ付けし、上位50件を選ぶ",
        "Tag six months of inquiries and pick the top 50",
        progress=40,
    )
    m_articles = measure(
        "m-articles", p_content, "red",
        "上位50件のヘルプ記事を書く（ライター＋CS）",
        "Write help articles for the top 50 (writer and support staff)",
        progress=0,
    )
    m_solved = measure(
        "m-solved", p_content, "white",
        "記事の最後に「この記事で解決しましたか？」を置く",
        "End every article with \"Did this solve your problem?\"",
    )
    m_video = measure(
        "m-video", p_content, "yellow",
        "よく読まれる記事の動画版をつくる",
        "Make video versions of the most-read articles",
    )
    m_bot = measure(
        "m-bot", p_reach, "red",
        "チャットボットを入れ、上位50件の答えを覚えさせる",
        "Introduce a chatbot and teach it the answers to the top 50",
    )
    m_form = measure(
        "m-form", p_reach, "white",
        "問い合わせフォームの手前に関連記事を出す",
        "Show related articles before the contact form",
    )
    m_handover = measure(
        "m-handover", p_reach, "blue",
        "ボットで解決しないときは会話ごと有人チャットに引き継ぐ",
        "When the bot cannot help, hand the conversation over to a person, history included",
    )
    s.apply("link_measure", m_solved, p_measure)
    m_weekly = measure(
        "m-weekly", p_measure, "white",
        "週1回、「見つからなかった検索語」と低評価の記事を見直す",
        "Every week, review failed searches and poorly rated articles",
    )
    m_tags = measure(
        "m-tags", p_measure, "green",
        "問い合わせのタグ付けルールを統一し、全員が毎回つける",
        "One tagging scheme for inquiries, applied by everyone every time",
    )
    m_release = measure(
        "m-release", p_measure, "blue",
        "記事の更新を開発のリリース手順に入れてもらう",
        "Make updating the articles a step of the developers' release checklist",
    )
    m_review = measure(
        "m-review", p_team, "white",
        "CS全員で週1回、記事の読み合わせをする",
        "A weekly article read-through with the whole support team",
    )
    m_yardstick = measure(
        "m-yardstick", p_team, "blue",
        "処理件数が減っても評価が下がらないよう、上長と先に話しておく",
        "Talk to the managers first, so fewer tickets handled does not mean a worse rating",
    )
    k_monthly = yardstick(
        "k-monthly", "月間問い合わせ件数（公開前比）", "Monthly inquiries (vs. pre-launch)", ("%", "%"),
        baseline=0, target=-30, direction="lower", value=0,
        note=say("公開前は月2,400件", "2,400 a month before launch"),
    )
    k_solved = yardstick(
        "k-solved", "「解決した」回答率", "\"Yes, solved\" answers", ("%", "%"),
        target=70, part=p_measure,
        note=say("記事末尾の「この記事で解決しましたか？」", "\"Did this solve your problem?\" on each article"),
    )
    element(
        "people",
        "CSリーダー（PM兼務）、CS 5名、業務委託ライター1名（週3日）、開発からボット連携に1名（月10時間）",
        "Support lead (also PM), 5 support staff, a contract writer (3 days a week), "
        "one developer for the bot integration (10 hours a month)",
    )
    element(
        "money",
        "今期予算360万円：ライター費 月40万円、ボット 月15万円、ヘルプセンター 月5万円",
        "Budget this half: 3.6M yen (writer 400k/month, bot 150k/month, help centre 50k/month)",
    )
    element(
        "time",
        "4月に計画、5月末ヘルプセンター公開、6月中旬ボット公開、9月に評価",
        "Plan in April, help centre live end of May, bot mid-June, evaluation in September",
    )
    element(
        "quality",
        "記事が最新の画面と一致していること。ボットの誤答で顧客を怒らせないこと",
        "Articles match the current screens; the bot never angers a customer with a wrong answer",
    )
    element(
        "businessScheme",
        "中小企業向け請求書SaaS（ユーザー課金）。CSはコストセンターで、処理件数と応答時間で評価される",
        "Invoicing SaaS for small businesses, paid by users. Support is a cost centre, "
        "judged by tickets handled and response time",
    )
    element(
        "environment",
        "顧客数は半年で1.5倍。毎月のリリースで画面が変わる。インボイス制度の問い合わせが多い",
        "Customers grew 1.5x in six months; screens change with every monthly release; "
        "many questions about the new invoice rules",
    )
    element(
        "rival",
        "競合A社は「24時間チャットで人が答える」を売りにしている",
        "Rival A sells \"a person answers your chat, 24 hours a day\"",
    )
    element(
        "foreignEnemy",
        "「電話で聞きたい」顧客と、電話窓口の縮小への社内の反発。リリースのたびに古くなる記事",
        "Customers who want to phone, internal resistance to a smaller phone desk, "
        "and articles that go stale with every release",
    )
    project.snapshot(
        title=say("立ち上げ計画", "The launch plan"),
        happened=say(
            "経営会議でセルフサービス化が承認された。問い合わせは月2,400件で、半年で1.5倍に増えている。"
            "CS 6名のうちリーダーと1名が兼務でプロジェクトに入る。",
            "The management meeting approved the self-service project. Inquiries are at 2,400 a "
            "month, up 1.5x in six months. The support lead and one more of the six join the "
            "project alongside their usual work.",
        ),
        date="2026-04-06",
    )

    # ------------------------------------------------------------ phase 2: inquiries go up
    s.apply("set_progress", m_top50, 100)
    comment(m_top50, "green", "上位50件を確定。全体の62%を占める", "Top 50 fixed: 62% of all inquiries")
    s.apply("set_progress", m_articles, 60)
    s.apply("set_progress", m_solved, 100)
    comment(
        m_solved, "green",
        "「解決した」71%。件数とは別の手応えが取れるようになった",
        "71% answer \"yes\": a measure of success other than the ticket count",
    )
    s.apply("set_progress", m_form, 100)
    s.apply("set_progress", m_bot, 30)
    s.apply("set_progress", m_tags, 50)
    measured(k_monthly, 12)
    measured(k_solved, 71)
    comment(
        win, "red",
        "公開後2週間で問い合わせは12%増えた。件数だけ見ると逆方向",
        "Two weeks after launch, inquiries are up 12%: the wrong way, by the count alone",
    )
    comment(
        p_content, "blue",
        "記事経由の自己解決は推計で週900件",
        "An estimated 900 self-service resolutions a week through articles",
    )
    m_advanced = measure(
        "m-advanced", p_content, "white",
        "記事で知られた応用機能（定期請求・API連携）の設定記事を足す",
        "Add set-up articles for the features the help centre made known (recurring invoices, API)",
    )
    comment(
        m_advanced, "blue",
        "予想外：記事を読んで新機能を知った顧客からの問い合わせ",
        "Unexpected: customers who learnt of these features from the articles now ask about them",
    )
    project.snapshot(
        title=say("ヘルプセンター公開：問い合わせが増えた", "Help centre live: inquiries went up"),
        happened=say(
            "5月25日にヘルプセンターを公開。2週間で問い合わせは減るどころか12%増えた。"
            "中身を見ると、記事で定期請求やAPI連携を知った顧客が、その設定を聞いてきている。"
            "一方で「解決しましたか」の「はい」は71%、記事経由の自己解決は推計で週900件。",
            "The help centre went live on 25 May. In two weeks inquiries rose by 12% instead of "
            "falling. Reading them, customers who learnt of recurring invoices and the API from "
            "the articles now ask how to set them up. Meanwhile 71% answer \"yes, solved\", an "
            "estimated 900 self-service resolutions a week.",
        ),
        date="2026-06-08",
    )

    # ------------------------------------------------------------ phase 3: people and money change
    element(
        "people",
        "ライターが6月末で退任。記事はCS 5名が分担して書く（1人週4時間）。開発の協力は月10時間のまま",
        "The writer left at the end of June; the 5 support staff share the writing "
        "(4 hours a week each). Developer help stays at 10 hours a month",
    )
    comment(chart_element(s, "people"), "red", "書き手がいなくなった", "No dedicated writer any more")
    element(
        "money",
        "下期予算は30%減の252万円。ライター費はなくなり、ボットは安いプランに変更",
        "Second-half budget cut by 30% to 2.52M yen: no writer fee, the bot on a cheaper plan",
    )
    comment(chart_element(s, "money"), "red", "全社のコスト見直しで30%削減", "Cut 30% in a company-wide cost review")
    s.apply("remove_measure", m_video)
    s.apply("set_progress", m_articles, 75)
    comment(
        m_articles, "red",
        "残り約12本がライター退任で止まっている",
        "About 12 articles left, stalled since the writer left",
    )
    m_template = measure(
        "m-template", p_content, "green",
        "記事のひな形を作り、CSの誰でも30分で1本書けるようにする",
        "An article template, so anyone in support can write one in 30 minutes",
        progress=50,
    )
    s.apply("set_progress", m_bot, 100)
    comment(
        m_bot, "blue",
        "ボットに請求書の再発行・プラン変更の日割りなど課金の質問が集まる",
        "The bot draws billing questions: reissuing invoices, pro-rated plan changes",
    )
    m_billing = measure(
        "m-billing", p_reach, "red",
        "課金まわりの質問にボットの答えと記事を用意する",
        "Prepare bot answers and articles for billing questions",
        progress=20,
    )
    s.apply("set_progress", m_tags, 100)
    s.apply("set_progress", m_weekly, 60)
    measured(k_monthly, -8)
    comment(
        win, "red",
        "件数は公開前比 -8%。30%減は見えない",
        "Inquiries at -8% of the pre-launch level; -30% is nowhere in sight",
    )
    project.snapshot(
        title=say("ライター退任と予算削減", "The writer leaves, the budget is cut"),
        happened=say(
            "6月末で業務委託のライターが契約を終えた（本業の都合）。同じ週に全社のコスト見直しがあり、"
            "下期のCS予算が30%削られた。6月15日に公開したボットは上位50件にはよく答えるが、"
            "請求書の再発行やプラン変更の日割りなど、課金の質問が新しく集まってきた。",
            "The contract writer finished at the end of June, called back to her own business. "
            "The same week a company-wide cost review cut the support budget for the second half "
            "by 30%. The bot, live since 15 June, answers the top 50 well, but a new theme "
            "gathers there: billing questions, reissued invoices, pro-rated plan changes.",
        ),
        date="2026-07-13",
    )

    # ------------------------------------------------------------ phase 4: the win condition changes
    s.apply(
        "set_text",
        win,
        say(
            "顧客1社あたりの月間問い合わせ率が0.25件から0.18件に下がり、一次解決率が80%を超えている"
            "（この2つでCSを評価することに、CS部長と事業部長が合意している）",
            "The monthly inquiry rate per customer falls from 0.25 to 0.18 and the one-stop "
            "resolution rate passes 80% (the head of support and the business head agree to "
            "judge support by these two)",
        ),
    )
    s.apply("remove_metric", k_monthly)  # the old yardstick: -5% by now, no longer what counts
    yardstick(
        "k-rate", "問い合わせ率", "Inquiry rate", ("件/社・月", "per customer a month"),
        baseline=0.25, target=0.18, direction="lower", value=0.19,
        note=say("CS部長と事業部長が合意（9月3日）", "Agreed by the head of support and the business head (3 Sept.)"),
    )
    yardstick(
        "k-one-stop", "一次解決率（ワンストップ処理率）", "One-stop resolution rate", ("%", "%"),
        baseline=58, target=80, value=74,
        note=say("最初の接触で解決した割合", "Share solved at the first contact"),
    )
    comment(
        win, "blue",
        "9月3日の評価会議で合意。旧：公開から3か月で月間問い合わせ件数30%減",
        "Agreed at the evaluation meeting on 3 September. Was: monthly inquiries down 30% "
        "three months after launch",
    )
    s.apply(
        "set_text",
        p_team,
        say(
            "CSの評価指標が問い合わせ率と一次解決率に変わり、チームと上長が合意している状態",
            "Support is judged by the inquiry rate and the one-stop resolution rate, "
            "and the team and its managers agree",
        ),
    )
    s.apply("set_progress", m_yardstick, 100)
    comment(
        m_yardstick, "green",
        "局面1から話していたので、評価会議で指標の変更がすぐ通った",
        "Talked about since phase 1, so the change of yardstick passed quickly",
    )
    measure(
        "m-report", p_team, "red",
        "月次の経営報告に問い合わせ率・一次解決率・自己解決数を載せる",
        "Put the inquiry rate, one-stop resolution and self-service counts in the monthly "
        "management report",
        progress=100,
    )
    p_product = purpose(
        "p-product",
        "課金まわりの問い合わせの原因が開発に届き、画面が直っている状態",
        "The causes of billing questions reach the developers, and the screens get fixed",
    )
    measure(
        "m-insight", p_product, "red",
        "問い合わせのタグから、課金画面の改善点を毎月開発に渡す",
        "Every month, hand the developers the billing-screen fixes the tags point to",
        progress=30,
    )
    s.apply("link_measure", m_tags, p_product)
    measure(
        "m-invoice", p_product, "white",
        "請求書の再発行を顧客が画面で自分でできるようにする",
        "Let customers reissue invoices themselves on screen",
    )
    s.apply("set_progress", m_billing, 100)
    s.apply("set_progress", m_articles, 100)
    comment(
        m_articles, "green",
        "ひな形を使ってCSで書き切った",
        "Finished by the support team, using the template",
    )
    s.apply("set_progress", m_template, 100)
    s.apply("set_progress", m_weekly, 100)
    s.apply("set_progress", m_handover, 100)
    s.apply("set_progress", m_review, 100)
    s.apply("set_progress", m_release, 40)
    element(
        "environment",
        "7月以降、顧客数がさらに20%増えた。件数は増えても1社あたりは減っている",
        "Customers grew another 20% since July: more inquiries in total, fewer per customer",
    )
    project.snapshot(
        title=say("勝利条件を変える", "The win condition changes"),
        happened=say(
            "7月以降に顧客数が20%増えたため、件数は公開前比-5%にとどまった。"
            "一方で顧客1社あたりの問い合わせ率は0.25件から0.19件に下がり、"
            "最初の接触で解決した割合は58%から74%に上がった。9月3日の評価会議で、"
            "勝利条件を「件数30%減」から「問い合わせ率と一次解決率」に変えることに合意した。",
            "Customers grew 20% since July, so the count is only 5% below the pre-launch level. "
            "But inquiries per customer fell from 0.25 to 0.19 a month, and the share solved at "
            "the first contact rose from 58% to 74%. At the evaluation meeting on 3 September "
            "the managers agreed to change the win condition from \"30% fewer inquiries\" to the "
            "inquiry rate and the one-stop resolution rate.",
        ),
        date="2026-09-07",
    )

    # ------------------------------------------------------------ 感想戦: review notes
    lead = say("佐藤（CSリーダー）", "Sato (support lead)")
    member = say("田中（CS）", "Tanaka (support)")
    notes = [
        (2, win, member, "bad",
         "件数だけを勝利条件にしたので、顧客が新しい機能を使い始めたという良い変化まで「失敗」に見えた。",
         "With the count as the only win condition, even a good change, customers taking up new "
         "features, looked like failure.",
         "2026-09-10T10:00:00+09:00"),
        (2, m_solved, lead, "good",
         "「解決しましたか」を最初から入れておいたので、件数とは別の手応えを数字で示せた。",
         "Having \"Did this solve your problem?\" from day one gave us a number to show besides "
         "the count.",
         "2026-09-10T10:05:00+09:00"),
        (3, chart_element_in(project, 3, "people"), lead, "lesson",
         "記事を一人のライターに頼る座組は脆い。ひな形を作って、最初から全員が書ける形にしておくべきだった。",
         "Relying on one writer was fragile. We should have built the template and had everyone "
         "writing from the start.",
         "2026-09-10T10:12:00+09:00"),
        (3, m_bot, member, "question",
         "課金の質問がボットに集まるのは、ボットがうまくいった証拠なのか、請求画面の問題なのか？",
         "Billing questions gathering at the bot: a sign the bot works, or a problem with the "
         "billing screens?",
         "2026-09-10T10:20:00+09:00"),
        (4, win, lead, "lesson",
         "物差しを変えるときは、上長と数字の定義から合意する。局面1で青の施策にしておいたのが効いた。",
         "To change the yardstick, agree with the managers on how the numbers are defined. "
         "Making it a blue measure in phase 1 paid off.",
         "2026-09-10T10:30:00+09:00"),
    ]
    for index, (phase, part, author, kind, ja, en, created) in enumerate(notes, start=1):
        project.add_note(phase, author, kind, say(ja, en), part=part, created=created)
        project.notes[-1] = project.notes[-1].model_copy(update={"id": pid(f"note-{index}")})
    return project


def chart_element(session: Session, key: str) -> str:
    """The id of one of the eight elements in the draft."""
    return session.chart.element(key)


def chart_element_in(project: Project, phase: int, key: str) -> str:
    """The id of one of the eight elements in a recorded phase."""
    return project.phase_chart(phase).element(key)
