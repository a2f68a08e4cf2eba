"""Initiatives that scale CS beyond one-to-one answers: the customer's voice, prevention, peers.

After Square's scalable-CS programme: prevent inquiries (a product-insight team, a bug team),
promote self-service, and let customers help each other in a community.
"""

from __future__ import annotations

from ..spec import TemplateSpec, measure, metric, purpose

VOC_LOOP = TemplateSpec(
    name="voc-loop",
    description=(
        "顧客の声（VoC）を製品に届けるループ：集める、まとめる、届ける、直ったことを顧客に返す",
        "A voice-of-the-customer loop into the product: gather, sum up, deliver, and tell "
        "customers what changed",
    ),
    title=("顧客の声を製品に届けるループ", "A voice-of-the-customer loop into the product"),
    goal=(
        "顧客の声が製品の改善につながり、その結果が顧客に返ってくる仕組みをつくる",
        "A loop where customers' voices lead to product changes, and the changes come back "
        "to the customers",
    ),
    win=(
        "四半期ごとに、顧客の声をもとにした改善が○件リリースされ、声を寄せた顧客に結果が届いている",
        "Every quarter, X changes based on customer voices are released, and the customers "
        "who raised them hear about it",
    ),
    purposes=(
        purpose(
            "p1",
            "問い合わせ・アンケート・商談の声が、一か所に集まっている状態",
            "Voices from inquiries, surveys and sales calls gather in one place",
            measure("red", "声を集める場所と、タグの付け方を決める",
                    "Choose where voices are collected and how they are tagged"),
            measure("green", "担当者が毎回の応対で声を記録する",
                    "Staff record the voice in every contact"),
        ),
        purpose(
            "p2",
            "声が、開発が判断できる形（件数・影響・事例）にまとまっている状態",
            "Voices are summed up in a form developers can act on: counts, impact, examples",
            measure("red", "月次で声の上位テーマと影響の大きさをまとめる",
                    "A monthly summary of the top themes and their impact"),
            measure("white", "テーマごとに顧客の生の言葉を添える",
                    "Add customers' own words to each theme"),
        ),
        purpose(
            "p3",
            "開発の優先順位を決める場に、CSが出ている状態",
            "Support has a seat where development priorities are set",
            measure("red", "開発の計画会議にCSの枠をもらう",
                    "Get a standing slot for support in the development planning meeting"),
            measure("blue", "採用しなかった声とその理由も記録する",
                    "Record the voices not taken up, and why", also=("p4",)),
        ),
        purpose(
            "p4",
            "改善の結果が、声を寄せた顧客とチームに伝わっている状態",
            "The customers who spoke up, and the team, learn what came of it",
            measure("white", "リリース時に、声を寄せた顧客へ個別に知らせる",
                    "On release, tell each customer who asked for it"),
            measure("white", "声から生まれた改善をチームで共有する",
                    "Share with the team the changes that came from voices"),
            measure("yellow", "改善の歩みを公開の更新履歴で紹介する",
                    "Tell the story in a public changelog"),
        ),
    ),
    elements={
        "people": (
            "声を記録するCSの担当、まとめる人、開発側の受け手（PM）を書く",
            "Write who in support records voices, who sums them up, and who receives them in "
            "development (the product manager)",
        ),
        "money": (
            "声を集めるツールの費用と、まとめ役の工数を書く",
            "Write the cost of the feedback tool and the hours of whoever sums up",
        ),
        "time": (
            "開発の計画サイクル（四半期・スプリント）と、まとめを出す時期を書く",
            "Write the development planning cycle (quarter, sprint) and when summaries are due",
        ),
        "quality": (
            "開発が動ける「良い声のまとめ」の条件を書く（件数、影響する売上、再現手順）",
            "Write what a summary needs for developers to act (counts, revenue at stake, steps "
            "to reproduce)",
        ),
        "businessScheme": (
            "製品の優先順位を誰が決めるか、CSの意見がどう扱われているかを書く",
            "Write who sets product priorities and how support's view is treated today",
        ),
        "environment": (
            "声の量と出どころ（問い合わせ、アンケート、営業、SNS）を書く",
            "Write how many voices come in and from where (inquiries, surveys, sales, social "
            "media)",
        ),
        "rival": (
            "顧客の要望に速く応えている競合を書く",
            "Write the rivals that respond quickly to customer requests",
        ),
        "foreignEnemy": (
            "大口顧客の声だけが通る力学や、「声は言い訳」と見る空気を書く",
            "Write the pull of the biggest customer's voice, and the feeling that voices are "
            "excuses",
        ),
    },
    metrics=(
        metric("顧客の声からの改善リリース", "Changes released from customer voices", ("件/四半期", "a quarter")),
        metric("結果を伝えた顧客の割合", "Customers told of the result", ("%", "%")),
    ),
)

INQUIRY_PREVENTION = TemplateSpec(
    name="inquiry-prevention",
    description=(
        "問い合わせを未然に防ぐ：全件を読むインサイトチームと、開発に届けるバグトリアージチーム",
        "Preventing inquiries: an insight team that reads every inquiry, and a bug-triage "
        "team that filters reports for the developers",
    ),
    title=("問い合わせを未然に防ぐ", "Preventing inquiries"),
    goal=(
        "問い合わせの原因を製品とヘルプの側で取り除き、そもそも問い合わせが生まれない状態に近づける",
        "Remove the causes of inquiries in the product and the help pages, so fewer "
        "inquiries arise at all",
    ),
    win=(
        "半年で、原因を取り除いたテーマの問い合わせが○%減り、全体の問い合わせ率が○%下がっている",
        "In six months, inquiries on the themes fixed are down X%, and the overall inquiry "
        "rate is down X%",
    ),
    purposes=(
        purpose(
            "p1",
            "インサイトチームが全件を読み、問い合わせの原因がわかっている状態",
            "An insight team reads every inquiry, and the causes are known",
            measure("red", "インサイトの担当を決め、全件を読む時間を確保する",
                    "Name the insight team and give it time to read every inquiry"),
            measure("green", "原因別のタグを決め、全件に付ける",
                    "Define cause tags and apply them to every inquiry"),
            measure("white", "原因の上位を月次で報告する",
                    "Report the top causes every month"),
        ),
        purpose(
            "p2",
            "バグ報告が選別され、再現できる形で開発に届いている状態",
            "Bug reports are filtered and reach the developers in reproducible form",
            measure("red", "バグトリアージの担当と、開発への報告の書式を決める",
                    "Name the bug-triage team and agree a report format with the developers"),
            measure("white", "重複する報告をまとめ、影響した顧客数を添える",
                    "Merge duplicate reports and add how many customers were affected"),
            measure("blue", "重大なバグの連絡経路を決め、夜間でも開発に届くようにする",
                    "A route for critical bugs that reaches developers even at night"),
        ),
        purpose(
            "p3",
            "原因の多いところから、製品とヘルプが直っている状態",
            "The product and the help pages are fixed where causes are most common",
            measure("red", "開発と毎月、直すものの優先順位を決める",
                    "Set priorities for fixes with the developers every month"),
            measure("white", "製品で直すまでの間、ヘルプ記事で回避策を示す",
                    "Until the product is fixed, give the workaround in a help article"),
        ),
        purpose(
            "p4",
            "直したことで問い合わせが減ったかが、数字で確かめられている状態",
            "Whether fixes reduced inquiries is checked in the numbers",
            measure("green", "直したテーマの問い合わせ件数を前後で比べる",
                    "Compare inquiries on each fixed theme before and after",
                    also=("p3",)),
            measure("yellow", "防げた問い合わせを工数に換算して報告する",
                    "Report the prevented inquiries as hours saved"),
        ),
    ),
    elements={
        "people": (
            "インサイト担当・バグトリアージ担当（誰が、週何時間）と、開発側の窓口を書く",
            "Write who does insight and bug triage (who, how many hours a week) and who receives "
            "the findings in development",
        ),
        "money": (
            "分析ツールの費用と、専任を置くための人件費を書く",
            "Write the cost of analysis tools and of dedicating people to the work",
        ),
        "time": (
            "報告の周期と、開発が直すまでにかかる期間を書く",
            "Write how often you report and how long development takes to fix things",
        ),
        "quality": (
            "開発が受け取れる報告の条件を書く（再現手順、影響範囲、頻度）",
            "Write what a report needs for developers to accept it (steps, scope, frequency)",
        ),
        "businessScheme": (
            "問い合わせ削減の成果を、CSと開発のどちらの成果と数えるかを書く",
            "Write whether fewer inquiries count as support's result or development's",
        ),
        "environment": (
            "問い合わせの量、製品のリリース頻度、既知のバグの数を書く",
            "Write the volume of inquiries, the release frequency and the number of known bugs",
        ),
        "rival": (
            "品質や安定性で評価されている競合を書く",
            "Write the rivals known for quality and stability",
        ),
        "foreignEnemy": (
            "新機能に押されてバグ修正が後回しになる開発計画、原因を読む時間を奪う目先の対応を書く",
            "Write the roadmap that pushes bug fixes behind new features, and the daily rush "
            "that leaves no time to read for causes",
        ),
    },
    metrics=(
        metric("対象テーマの問い合わせ", "Inquiries on the themes fixed", ("件/月", "a month"), lower=True),
        metric("問い合わせ率", "Inquiry rate", ("件/顧客", "per customer"), lower=True),
    ),
)

CUSTOMER_COMMUNITY = TemplateSpec(
    name="customer-community",
    description=(
        "顧客コミュニティ：顧客同士が教え合い、解決し合う場をつくる",
        "A customer community: a place where customers teach and help each other",
    ),
    title=("顧客コミュニティをつくる", "Building a customer community"),
    goal=(
        "顧客同士が質問に答え合い、使い方を教え合うコミュニティをつくる",
        "A community where customers answer each other's questions and share how they use "
        "the product",
    ),
    win=(
        "コミュニティの質問の○%に顧客同士で答えがつき、月間の活動参加者が○人を超えている",
        "X% of community questions are answered by other customers, and over X people take "
        "part each month",
    ),
    purposes=(
        purpose(
            "p1",
            "質問と答えが集まる場があり、顧客がそこを知っている状態",
            "A place for questions and answers exists, and customers know of it",
            measure("red", "コミュニティの場を開き、参加のルールを決める",
                    "Open the community and set its rules"),
            measure("white", "ヘルプ記事や問い合わせの返信からコミュニティへ案内する",
                    "Point to the community from help articles and support replies"),
        ),
        purpose(
            "p2",
            "答えてくれる顧客がいて、続けたくなる理由がある状態",
            "Some customers answer the others, and have reasons to keep going",
            measure("red", "最初の数か月は社員が答え、答える顧客を見つけて声をかける",
                    "Staff answer at first, and invite customers who answer well"),
            measure("white", "よく答える顧客を紹介し、感謝を形にする",
                    "Feature the customers who answer most, and thank them visibly"),
            measure("yellow", "オフラインの交流会を開く",
                    "Hold meet-ups in person"),
        ),
        purpose(
            "p3",
            "答えが正確で、安心して読める場になっている状態",
            "Answers are accurate, and the place is safe to read",
            measure("green", "毎日見回り、誤った答えや荒れた投稿に対応する",
                    "Moderate daily: correct wrong answers and handle abusive posts"),
            measure("blue", "個人情報や障害の報告は、すぐサポートに引き取る",
                    "Take personal data and outage reports straight to support"),
        ),
        purpose(
            "p4",
            "コミュニティでの解決が、数字でCSの成果として見えている状態",
            "Resolutions in the community show in numbers as support's result",
            measure("white", "顧客同士の解決数と問い合わせの減り方を毎月報告する",
                    "Report peer resolutions and the drop in inquiries every month"),
            measure("white", "よい答えをヘルプ記事に取り込む",
                    "Bring the best answers into the help articles", also=("p1",)),
        ),
    ),
    elements={
        "people": (
            "コミュニティの運営者、答える社員、最初に協力してくれそうな顧客を書く",
            "Write the community manager, the staff who answer, and the customers likely to "
            "help first",
        ),
        "money": (
            "コミュニティの場の費用、感謝の品や交流会の予算を書く",
            "Write the cost of the platform, and the budget for thank-you gifts and meet-ups",
        ),
        "time": (
            "顧客同士で回り始めるまでの見込み（半年〜1年）と、見回りの時間を書く",
            "Write how long until customers carry it (six months to a year) and the time for "
            "moderation",
        ),
        "quality": (
            "答えの正確さの基準と、社員が介入する条件を書く",
            "Write the standard for accurate answers, and when staff step in",
        ),
        "businessScheme": (
            "コミュニティの費用を誰が持ち、成果をCS・マーケティングのどちらで数えるかを書く",
            "Write who pays for the community, and whether support or marketing counts its "
            "results",
        ),
        "environment": (
            "顧客がすでに集まっている場所（SNS・外部の掲示板）を書く",
            "Write where customers already gather (social networks, outside forums)",
        ),
        "rival": (
            "活発なコミュニティを持つ競合や、顧客が使う外部の掲示板を書く",
            "Write the rivals with lively communities, and outside forums your customers use",
        ),
        "foreignEnemy": (
            "荒らしや宣伝目的の投稿、不満を広める投稿を書く",
            "Write trolls, spam and posts that spread discontent",
        ),
    },
    metrics=(
        metric("顧客同士で答えがついた質問の割合", "Questions answered by other customers", ("%", "%")),
        metric("月間の活動参加者", "Active members a month", ("人", "people")),
    ),
)

SPECS = [VOC_LOOP, INQUIRY_PREVENTION, CUSTOMER_COMMUNITY]
