"""Initiatives that change how a CS team works: self-service, better KPIs, success, brand."""

from __future__ import annotations

from ..spec import TemplateSpec, measure, metric, purpose

SELF_SERVICE_LAUNCH = TemplateSpec(
    name="self-service-launch",
    description=(
        "セルフサービスの立ち上げ：戦略、顧客の動線、測れるコンテンツ、数字による改善",
        "Launching self-service: strategy, the customer's path to help, measurable content, "
        "improvement from the numbers",
    ),
    title=("セルフサービスの立ち上げ", "Launching self-service"),
    goal=(
        "顧客が自分の都合のよいときに、自分で答えにたどり着けるセルフサービスを公開する",
        "Self-service where customers find answers on their own, whenever suits them",
    ),
    win=(
        "公開から3か月で、対象にした問い合わせの○%がセルフサービスで解決し、「解決した」の回答が○%を超えている",
        "Three months after launch, X% of the targeted inquiries are solved by self-service, "
        "and over X% of readers answer \"yes, solved\"",
    ),
    purposes=(
        purpose(
            "p1",
            "どの問い合わせを、誰の時間を空けるために、何で測るかが決まっている状態",
            "It is settled which inquiries to target, whose hours to free, and how to measure",
            measure("red", "過去の問い合わせを分類し、セルフサービスに向くものを選ぶ",
                    "Classify past inquiries and pick those suited to self-service"),
            measure("white", "成功の指標（自己解決率・問い合わせ率）を上長と決める",
                    "Agree the measures of success (self-service rate, inquiry rate) with managers"),
        ),
        purpose(
            "p2",
            "顧客が困った場面で、ヘルプにすぐ出会える状態",
            "Customers meet help at the very moment they are stuck",
            measure("red", "カスタマージャーニー上で、顧客がつまずく場面を洗い出す",
                    "Map where customers get stuck along their journey"),
            measure("white", "画面や問い合わせフォームの手前に関連記事を出す",
                    "Show related articles in the product and before the contact form"),
            measure("blue", "解決しないときは、入力し直さずに人に相談できる道を残す",
                    "Keep a path to a person, with nothing to retype, for when help fails"),
        ),
        purpose(
            "p3",
            "記事とボットの答えが、測れる形でそろっている状態",
            "Articles and bot answers exist, with measurement built in",
            measure("red", "対象の問い合わせに答える記事とボットの答えを書く",
                    "Write the articles and bot answers for the targeted inquiries"),
            measure("white", "全記事に「この記事で解決しましたか？」を付ける",
                    "Ask \"Did this solve your problem?\" on every article", also=("p4",)),
            measure("green", "書き方のルールと、画面変更時の更新手順を決める",
                    "A style guide, and a procedure for updating articles when screens change"),
        ),
        purpose(
            "p4",
            "数字を見て、記事とボットを毎週直している状態",
            "Articles and the bot are improved every week from the numbers",
            measure("white", "見つからなかった検索語と低評価の記事を毎週見直す",
                    "Review failed searches and poorly rated articles every week"),
            measure("yellow", "よく読まれる記事の動画版をつくる",
                    "Video versions of the most-read articles"),
        ),
    ),
    elements={
        "people": (
            "記事を書く人、ボットを設定する人、数字を見る人と、それぞれ週に割ける時間を書く",
            "Write who writes the articles, who sets up the bot, who reads the numbers, and the "
            "hours each can give a week",
        ),
        "money": (
            "ヘルプセンター・ボットのツール費と、外部ライターの費用を書く",
            "Write the cost of the help-centre and bot tools, and of outside writers",
        ),
        "time": (
            "公開日と、効果を判断する時期を書く（例：公開3か月後に評価）",
            "Write the launch date and when you will judge the effect (e.g. three months after)",
        ),
        "quality": (
            "記事の正確さと読みやすさの基準、ボットが答えてはいけない範囲を書く",
            "Write the standard for accuracy and readability, and what the bot must not answer",
        ),
        "businessScheme": (
            "サポートの費用を誰が持ち、空いた時間を何に使うかを書く",
            "Write who pays for support and what the freed hours will be spent on",
        ),
        "environment": (
            "顧客の数と伸び、よく使う端末、製品のリリース頻度を書く",
            "Write how many customers there are and how fast they grow, their devices, and how "
            "often the product changes",
        ),
        "rival": (
            "競合のサポート体制（24時間有人対応など）を書く",
            "Write how rivals support their customers (a person around the clock, and so on)",
        ),
        "foreignEnemy": (
            "「人と話したい」顧客の不満、古くなる記事、社内の「手抜き」という見方を書く",
            "Write the customers who want a person, articles going stale, and the view inside the "
            "company that self-service is cutting corners",
        ),
    },
    metrics=(
        metric("自己解決率", "Self-service resolution rate", ("%", "%")),
        metric("「解決した」回答率", "\"Yes, solved\" answers", ("%", "%")),
    ),
)

INQUIRY_RATE = TemplateSpec(
    name="inquiry-rate-one-stop",
    description=(
        "問い合わせ率を下げ、一次解決率を上げる：処理件数や応答時間に代わる指標へ",
        "Lower the inquiry rate and raise one-stop resolution: better yardsticks than "
        "tickets handled and handling time",
    ),
    title=(
        "問い合わせ率を下げ、一次解決率を上げる",
        "Lower the inquiry rate, raise one-stop resolution",
    ),
    goal=(
        "顧客が増えても問い合わせが増えず、問い合わせた顧客は一度で解決できるサポートにする",
        "Support where inquiries do not grow with the customer base, and whoever asks is "
        "helped in a single contact",
    ),
    win=(
        "半年で顧客1人あたりの月間問い合わせ率が○%下がり、一次解決率が○%を超えている",
        "In six months the monthly inquiry rate per customer is down X%, and one-stop "
        "resolution is over X%",
    ),
    purposes=(
        purpose(
            "p1",
            "問い合わせ率と一次解決率が、正しく毎月測れている状態",
            "The inquiry rate and one-stop resolution are measured correctly every month",
            measure("red", "2つの指標の定義（分母・数え方）を決める",
                    "Define both measures: what is counted, and per what"),
            measure("green", "同じ件の再問い合わせや転送を記録できるようにする",
                    "Record repeat contacts and transfers of the same case"),
        ),
        purpose(
            "p2",
            "最初に受けた担当者が、その場で解決できる状態",
            "The first person to take a case can solve it on the spot",
            measure("red", "転送の多い問い合わせを調べ、一次対応で答えられるようにする",
                    "Study the most-transferred inquiries and make them answerable first time"),
            measure("white", "社内向けナレッジベースを整える",
                    "Build up the internal knowledge base"),
            measure("white", "担当者に返金や例外対応の権限を渡す",
                    "Give staff the authority for refunds and exceptions"),
        ),
        purpose(
            "p3",
            "問い合わせの多い原因が、製品やヘルプの改善で減っている状態",
            "The main causes of inquiries are being removed in the product and the help pages",
            measure("red", "問い合わせ上位の原因を毎月開発に渡す",
                    "Hand the top causes of inquiries to the developers every month"),
            measure("white", "よくある質問をヘルプ記事にする",
                    "Turn common questions into help articles"),
        ),
        purpose(
            "p4",
            "チームと上長が、新しい指標で評価することに合意している状態",
            "The team and its managers agree to be judged by the new measures",
            measure("red", "処理件数・処理時間から新しい指標への切り替えを上長と合意する",
                    "Agree with managers to move from tickets and handling time to the new measures"),
            measure("blue", "切り替え期間は古い指標も並べて見せ、誤解を防ぐ",
                    "Show the old measures beside the new ones during the switch, to avoid "
                    "misreadings", also=("p1",)),
            measure("yellow", "一次解決の良い事例をチームで表彰する",
                    "Celebrate good one-stop resolutions as a team"),
        ),
    ),
    elements={
        "people": (
            "一次対応の担当者、二次対応（専門・開発）の窓口、指標を決める上長を書く",
            "Write the first-line staff, the second line (specialists, developers), and the "
            "manager who decides the measures",
        ),
        "money": (
            "ナレッジベースや集計ツールの費用、研修にかけられる予算を書く",
            "Write the cost of the knowledge base and reporting tools, and the training budget",
        ),
        "time": (
            "指標の切り替え時期と、効果を判断するまでの期間を書く",
            "Write when the measures switch and how long before you judge the effect",
        ),
        "quality": (
            "「解決した」の定義を書く（例：7日以内に同じ件で再問い合わせがない）",
            "Write what counts as solved (e.g. no contact on the same case within 7 days)",
        ),
        "businessScheme": (
            "サポートの評価と予算を誰が決めているか、今の評価指標は何かを書く",
            "Write who sets support's evaluation and budget, and what it is judged by today",
        ),
        "environment": (
            "顧客数の伸びと、問い合わせの波（月末・リリース後など）を書く",
            "Write how fast customers grow and when inquiries peak (month end, after releases)",
        ),
        "rival": (
            "競合のサポートの速さと評判を書く",
            "Write how fast rivals' support is and what customers say of it",
        ),
        "foreignEnemy": (
            "処理件数で人を比べる古い評価の習慣や、転送を生む縦割りの組織を書く",
            "Write the old habit of ranking people by tickets handled, and the silos that "
            "cause transfers",
        ),
    },
    metrics=(
        metric("問い合わせ率", "Inquiry rate", ("件/顧客", "per customer"), lower=True),
        metric("ワンストップ処理率", "One-stop resolution rate", ("%", "%")),
    ),
)

SUPPORT_TO_SUCCESS = TemplateSpec(
    name="support-to-success",
    description=(
        "サポートからサクセスへ：チームの評価軸を変え、上長と合意する",
        "From support to success: change what the team is judged by, and get the managers "
        "to agree",
    ),
    title=("サポートからサクセスへ", "From support to success"),
    goal=(
        "顧客の見えているつまずきも潜在的なつまずきも取り除き、使い続けてもらえるCSチームになる",
        "A CS team that removes customers' bottlenecks, visible and latent, so they keep using "
        "the product",
    ),
    win=(
        "CSの評価が応答時間から継続率と活用度に変わり、半年で対象顧客の継続率が○ポイント上がっている",
        "Support is judged by retention and usage instead of response time, and in six months "
        "retention of the target customers is up X points",
    ),
    purposes=(
        purpose(
            "p1",
            "新しい役割と評価指標を、チームと上長が合意している状態",
            "The team and its managers agree on the new role and how it is judged",
            measure("red", "新しい役割と指標（継続率・活用度）の案をつくる",
                    "Draft the new role and its measures (retention, usage)"),
            measure("red", "上長・経営と指標と評価の仕組みを合意する",
                    "Agree the measures and the appraisal with managers and executives"),
            measure("blue", "古い指標（応答時間）も最低ラインとして残し、サポート品質の低下を防ぐ",
                    "Keep response time as a floor, so support quality does not slip"),
        ),
        purpose(
            "p2",
            "使いこなせていない顧客が、データで見つかっている状態",
            "The customers who are not getting value are found in the data",
            measure("red", "利用データから、活用度の低い顧客の兆候を決める",
                    "Decide from usage data what signals low adoption"),
            measure("green", "利用データとCSの記録を一つの画面で見られるようにする",
                    "Put usage data and support records on one screen", also=("p3",)),
        ),
        purpose(
            "p3",
            "つまずいている顧客に、こちらから働きかけている状態",
            "We reach out to struggling customers before they ask",
            measure("white", "活用度の低い顧客に、使い方の提案を送る",
                    "Send usage suggestions to customers with low adoption"),
            measure("white", "契約更新の前に、活用状況を振り返る面談をする",
                    "A review meeting on usage before each renewal"),
            measure("yellow", "上手に使っている顧客の事例を紹介する",
                    "Share the stories of customers who use it well"),
        ),
        purpose(
            "p4",
            "サポートの品質が落ちず、両方の仕事が回っている状態",
            "Support quality holds, and both kinds of work get done",
            measure("white", "働きかけとサポートの時間配分を決める",
                    "Decide how time is split between outreach and support"),
            measure("green", "よくある問い合わせを記事にして、サポートの時間を空ける",
                    "Turn common questions into articles to free support time"),
        ),
    ),
    elements={
        "people": (
            "CSの誰がサクセスの役割を担うか、評価を決める上長と経営、営業の協力者を書く",
            "Write who in CS takes the success role, the managers and executives who decide the "
            "appraisal, and who in sales helps",
        ),
        "money": (
            "利用データの分析ツールや、働きかけに使える予算を書く",
            "Write the budget for usage analytics and for outreach",
        ),
        "time": (
            "評価制度を変える時期（期初・期末）と、効果が見えるまでの期間を書く",
            "Write when the appraisal can change (start or end of term) and how long until the "
            "effect shows",
        ),
        "quality": (
            "サクセスの働きかけが「売り込み」にならない基準を書く",
            "Write what keeps outreach from turning into a sales pitch",
        ),
        "businessScheme": (
            "継続課金で、解約が売上を減らす。CSと営業のどちらが更新を担うかを書く",
            "A subscription: churn cuts revenue. Write whether CS or sales owns renewals",
        ),
        "environment": (
            "顧客の規模と数、利用データがどこまで取れるかを書く",
            "Write the size and number of customers, and how much usage data you can get",
        ),
        "rival": (
            "サクセス体制を売りにする競合を書く",
            "Write the rivals who make their customer success a selling point",
        ),
        "foreignEnemy": (
            "「CSは問い合わせに答える部署」という社内の思い込みと、古い評価制度を書く",
            "Write the belief inside the company that CS is only there to answer questions, and "
            "the old appraisal system",
        ),
    },
    metrics=(
        metric("対象顧客の継続率", "Retention of the target customers", ("%", "%")),
        metric("主要機能の活用率", "Use of the key features", ("%", "%")),
    ),
)

BRAND_THROUGH_SUPPORT = TemplateSpec(
    name="brand-through-support",
    description=(
        "応対でブランドをつくる：顧客がCSの答えをSNSやブログで紹介したくなる応対",
        "Brand through support: answers so good that customers share them on social media "
        "and blogs",
    ),
    title=("応対でブランドをつくる", "Building the brand through support"),
    goal=(
        "顧客の疑問を最初に受ける窓口として、その答え方で会社のブランドに貢献する",
        "As the first place customers bring their questions, contribute to the company's "
        "brand through how we answer them",
    ),
    win=(
        "応対した顧客が、私たちの答えをSNSやブログで紹介している（月○件）",
        "Customers we answered introduce our answers on social media or their blogs "
        "(X a month)",
    ),
    purposes=(
        purpose(
            "p1",
            "ブランドらしい答え方が言葉になり、チームで共有されている状態",
            "The brand's way of answering is put into words and shared by the team",
            measure("red", "ブランドの人柄と応対の言葉づかいの指針をつくる",
                    "Write the brand's voice and a guide to wording answers"),
            measure("white", "良い応対の実例を集め、毎週チームで読み合わせる",
                    "Collect fine answers and read them together every week"),
        ),
        purpose(
            "p2",
            "担当者が、台本ではなく自分の言葉で答えられている状態",
            "Staff answer in their own words, not from a script",
            measure("red", "定型文を減らし、顧客ごとに書く時間を確保する",
                    "Fewer canned replies, and time to write to each customer"),
            measure("white", "担当者が自分の判断で一歩踏み込んだ対応をしてよい範囲を決める",
                    "Define how far staff may go beyond the rules on their own judgement"),
        ),
        purpose(
            "p3",
            "紹介したくなる答えが、紹介しやすい形になっている状態",
            "Answers worth sharing are easy to share",
            measure("white", "よくある質問の答えを公開記事にし、リンクで渡す",
                    "Publish answers to common questions and send the link"),
            measure("yellow", "図や短い動画で答えられるようにする",
                    "Answer with a picture or a short video when it helps"),
        ),
        purpose(
            "p4",
            "SNSやブログでの紹介が見つけられ、数えられている状態",
            "Mentions on social media and blogs are found and counted",
            measure("green", "SNSとブログの言及を毎週集めて数える",
                    "Gather and count mentions on social media and blogs every week"),
            measure("white", "紹介された応対をチームに共有し、担当者を称える",
                    "Share the answers that were mentioned and credit their authors",
                    also=("p1",)),
            measure("blue", "否定的な言及に素早く応え、炎上を防ぐ",
                    "Respond fast to negative mentions, before they spread"),
        ),
    ),
    elements={
        "people": (
            "応対する担当者、ブランドを担う広報・マーケティング、言及を拾う人を書く",
            "Write the staff who answer, the PR and marketing people who own the brand, and "
            "who watches for mentions",
        ),
        "money": (
            "SNS監視ツールの費用、応対の質を上げる研修費を書く",
            "Write the cost of social listening tools and of training for better answers",
        ),
        "time": (
            "1件の応対にかけてよい時間と、成果を判断するまでの期間を書く",
            "Write how much time one answer may take and how long before you judge the result",
        ),
        "quality": (
            "「紹介したくなる答え」の基準を書く（例：正確、速い、人柄が伝わる）",
            "Write what an answer worth sharing is (e.g. accurate, fast, with a personality)",
        ),
        "businessScheme": (
            "CSの成果をブランドや獲得への貢献として認めてもらう相手（広報・経営）を書く",
            "Write who must recognise support's work as brand and acquisition (PR, executives)",
        ),
        "environment": (
            "顧客がよく使うSNSやコミュニティ、業界での評判を書く",
            "Write the social networks and communities your customers use, and your standing "
            "in the industry",
        ),
        "rival": (
            "応対の評判が高い競合や、他業界のお手本を書く",
            "Write the rivals praised for their support, and models from other industries",
        ),
        "foreignEnemy": (
            "否定的な口コミを広める人、応対時間を削る効率化の圧力を書く",
            "Write those who spread bad word of mouth, and the efficiency push that cuts time "
            "per answer",
        ),
    },
    metrics=(
        metric("SNS・ブログでの紹介", "Mentions on social media and blogs", ("件/月", "a month")),
        metric("応対後の顧客満足度（CSAT）", "Satisfaction after support (CSAT)", ("%", "%")),
    ),
)

SPECS = [SELF_SERVICE_LAUNCH, INQUIRY_RATE, SUPPORT_TO_SUCCESS, BRAND_THROUGH_SUPPORT]
