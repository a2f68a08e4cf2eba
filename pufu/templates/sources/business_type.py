"""The CS goal by business type: who pays, and whether the service is online or offline.

Four templates, after the practice that the right CS goal depends on the business:
user pays online (Slack-type SaaS), advertiser pays online (Google-type), host pays offline
platform (Airbnb/Uber-type), user pays offline retail (Zappos-type).
"""

from __future__ import annotations

from ..spec import TemplateSpec, measure, metric, purpose

SAAS_USER_PAYS = TemplateSpec(
    name="saas-user-pays",
    description=(
        "CSの目標（ユーザー課金・オンライン、Slack型）：顧客の声を開発に速く届け、手間のかからない製品で問い合わせを減らす",
        "CS goal for a user-paid online service (Slack-like): feed customer voices to the "
        "developers fast, and cut inquiries through an effortless product",
    ),
    title=(
        "CSの目標：ユーザー課金のオンラインサービス",
        "The CS goal: a user-paid online service",
    ),
    goal=(
        "問い合わせなしで使いこなせる製品にして、顧客が増えてもCSの負荷が増えない体制をつくる",
        "A product customers master without asking, so support load does not grow with the "
        "customer base",
    ),
    win=(
        "半年で顧客1社あたりの月間問い合わせ率が○%下がり、解約理由から「使い方がわからない」が消えている",
        "In six months the monthly inquiry rate per customer is down X%, and \"hard to use\" is "
        "gone from the cancellation reasons",
    ),
    purposes=(
        purpose(
            "p1",
            "顧客の声が、毎週開発チームに届いている状態",
            "Customer voices reach the development team every week",
            measure("red", "問い合わせにタグを付け、多い順に毎週開発へ渡す",
                    "Tag every inquiry and hand the top themes to the developers weekly"),
            measure("white", "CSと開発の週次定例で、直す順番を一緒に決める",
                    "A weekly meeting where support and developers agree what to fix first"),
            measure("green", "問い合わせ管理ツールと課題管理ツールをつなぐ",
                    "Connect the helpdesk tool to the issue tracker"),
        ),
        purpose(
            "p2",
            "つまずきの多い画面が、問い合わせの多い順に直っている状態",
            "The screens customers stumble on are being fixed, the most-asked first",
            measure("red", "問い合わせ上位10件の原因になっている画面を特定する",
                    "Find the screens behind the top 10 inquiries"),
            measure("white", "画面の説明文とエラーメッセージを書き直す",
                    "Rewrite on-screen help texts and error messages"),
            measure("blue", "新機能のリリース前にCSが触り、出そうな質問を予測する",
                    "Support tries each new feature before release and predicts the questions"),
        ),
        purpose(
            "p3",
            "よくある質問は、顧客がヘルプで自己解決できている状態",
            "Customers solve the common questions themselves with the help pages",
            measure("red", "問い合わせ上位の答えをヘルプ記事にする",
                    "Turn the answers to the top inquiries into help articles"),
            measure("white", "記事に「解決しましたか？」を付け、低評価の記事を直す",
                    "Ask \"Did this solve your problem?\" on every article; fix the poorly rated ones",
                    also=("p4",)),
            measure("yellow", "使い始めの顧客向けに動画やウェビナーを用意する",
                    "Videos or webinars for customers who are just starting"),
        ),
        purpose(
            "p4",
            "問い合わせ率と自己解決率が、毎月数字で見えている状態",
            "The inquiry rate and the self-service rate are visible every month",
            measure("green", "顧客数あたりの問い合わせ率を毎月集計する",
                    "Compute the inquiry rate per customer every month"),
            measure("blue", "件数ではなく率で評価することを上長と合意しておく",
                    "Agree with the managers to judge support by rates, not ticket counts"),
        ),
    ),
    elements={
        "people": (
            "声を集めるCSの担当と、受け取る開発側の窓口を書く（例：CSリーダー、開発PM、デザイナー）",
            "Write who in support gathers the voices and who in development receives them "
            "(e.g. support lead, product manager, designer)",
        ),
        "money": (
            "ツール連携や分析にかけられる予算を書く（例：ヘルプデスクの上位プラン 月○万円）",
            "Write the budget for tool integration and analysis (e.g. a higher helpdesk plan, "
            "X a month)",
        ),
        "time": (
            "開発のリリース周期と、改善が顧客に届くまでの期間を書く",
            "Write the development release cycle and how long a fix takes to reach customers",
        ),
        "quality": (
            "「手間がない」の基準を書く（例：初回設定を問い合わせなしで終えられる）",
            "Write what \"effortless\" means here (e.g. first set-up done without contacting us)",
        ),
        "businessScheme": (
            "ユーザー課金のSaaS。解約が売上を直撃すること、CSの予算が誰の持ちかを書く",
            "User-paid SaaS: churn hits revenue directly. Write whose budget support is on",
        ),
        "environment": (
            "顧客数の伸び、リリースの頻度、問い合わせの多い時期を書く",
            "Write how fast customers grow, how often you release, and when inquiries peak",
        ),
        "rival": (
            "乗り換え先になりうる競合と、その使いやすさの評判を書く",
            "Write the rivals customers could switch to, and their reputation for ease of use",
        ),
        "foreignEnemy": (
            "改善を後回しにさせるものを書く（例：新機能優先の開発計画、声より勘で決める文化）",
            "Write what pushes fixes down the list (e.g. a roadmap that favours new features, "
            "deciding by hunch rather than by voices)",
        ),
    },
    metrics=(
        metric("問い合わせ率", "Inquiry rate", ("件/社・月", "per customer a month"), lower=True),
        metric("「使い方がわからない」による解約", "Cancellations for \"hard to use\"", ("件/月", "a month"), lower=True),
    ),
)

AD_FUNDED_ONLINE = TemplateSpec(
    name="ad-funded-online",
    description=(
        "CSの目標（広告主課金・オンライン、Google型）：利用者の問い合わせは自動化で低コストに、広告主には手厚く",
        "CS goal for an advertiser-paid online service (Google-like): automate user support "
        "to keep its cost low, and serve the advertisers well",
    ),
    title=(
        "CSの目標：広告主課金のオンラインサービス",
        "The CS goal: an advertiser-paid online service",
    ),
    goal=(
        "利用者の問い合わせを自動化で低コストに解決し、浮いた力を売上を生む広告主の支援に回す",
        "Resolve users' questions cheaply through automation, and spend what that frees on "
        "the advertisers who bring the revenue",
    ),
    win=(
        "利用者対応の1件あたりコストが○円以下で、自動解決率が○%を超え、広告主の継続率が下がっていない",
        "User support costs under X per case, over X% is resolved automatically, and "
        "advertiser retention has not fallen",
    ),
    purposes=(
        purpose(
            "p1",
            "利用者のよくある問い合わせは、人を介さずに解決している状態",
            "Users' common questions are resolved without a person",
            measure("red", "利用者の問い合わせを分類し、自動化できるものを選ぶ",
                    "Classify user inquiries and pick those that can be automated"),
            measure("red", "FAQとチャットボットで定型の答えを返す",
                    "Answer the routine ones with FAQ pages and a chatbot"),
            measure("white", "アカウント復旧などの手続きを画面で完結させる",
                    "Let users finish procedures such as account recovery on screen"),
        ),
        purpose(
            "p2",
            "人が対応すべき問い合わせだけが、人に届いている状態",
            "Only the inquiries that need a person reach a person",
            measure("white", "問い合わせフォームの前に自己解決の道を置く",
                    "Put the self-service path before the contact form", also=("p1",)),
            measure("blue", "不正・安全に関わる報告は自動化せず、優先して人に回す",
                    "Never automate reports on fraud or safety; route them to people first"),
        ),
        purpose(
            "p3",
            "広告主が、相談すればすぐ頼れる窓口を持っている状態",
            "Advertisers have a desk they can rely on the moment they ask",
            measure("red", "広告主専用の窓口と応答時間の目標を決める",
                    "Set up a desk for advertisers, with a response-time target"),
            measure("white", "出稿の立ち上げを手伝うオンボーディングを用意する",
                    "An onboarding that helps advertisers launch their first campaigns"),
            measure("yellow", "大口広告主に担当者をつける",
                    "A named contact for the largest advertisers"),
        ),
        purpose(
            "p4",
            "対応コストと自動解決率が、毎月数字で見えている状態",
            "The cost per case and the automation rate are visible every month",
            measure("green", "自動解決・有人対応それぞれの件数とコストを毎月出す",
                    "Count cases and costs for automated and human support every month"),
            measure("blue", "自動化で不満が増えていないか、評価と再問い合わせを見る",
                    "Watch ratings and repeat contacts, so automation does not breed discontent"),
        ),
    ),
    elements={
        "people": (
            "自動化を設計する人、広告主を担当する人、不正対応の担当を書く",
            "Write who designs the automation, who serves the advertisers, and who handles fraud",
        ),
        "money": (
            "ボットやFAQツールの費用と、有人対応1件あたりの単価を書く",
            "Write the cost of the bot and FAQ tools, and the cost of one human-handled case",
        ),
        "time": (
            "自動化の段階的な公開の予定と、広告主への応答時間の目標を書く",
            "Write the rollout steps of the automation and the response-time target for advertisers",
        ),
        "quality": (
            "自動の答えの正確さと、人に切り替えるべき条件を書く",
            "Write how accurate automated answers must be, and when to switch to a person",
        ),
        "businessScheme": (
            "利用者は無料、売上は広告主から。誰の満足が売上につながるかを書く",
            "Users pay nothing; revenue comes from advertisers. Write whose satisfaction drives "
            "the revenue",
        ),
        "environment": (
            "利用者数の規模、言語や地域の広がり、法規制（個人情報・広告表示）を書く",
            "Write the scale of users, the languages and regions, and the rules on privacy and "
            "advertising",
        ),
        "rival": (
            "広告主が予算を移しうる他の媒体を書く",
            "Write the other media advertisers could move their budgets to",
        ),
        "foreignEnemy": (
            "自動化の抜け穴を突く不正利用者やスパム、炎上を狙う投稿を書く",
            "Write the fraudsters and spammers who exploit automation, and posts that seek a "
            "public outcry",
        ),
    },
    metrics=(
        metric("1件あたりの対応コスト", "Cost per case", ("円/件", "per case"), lower=True),
        metric("自動解決率", "Automated resolution rate", ("%", "%")),
        metric("広告主の継続率", "Advertiser retention", ("%", "%")),
    ),
)

OFFLINE_PLATFORM = TemplateSpec(
    name="offline-platform",
    description=(
        "CSの目標（場の提供者が課金・オフライン、Airbnb/Uber型）：問い合わせは止められないので、現場の担当に解決の権限を渡す",
        "CS goal for a host-paid offline platform (Airbnb/Uber-like): inquiries cannot be "
        "stopped, so give the operators the authority to resolve them fast",
    ),
    title=(
        "CSの目標：場を提供するオフラインのプラットフォーム",
        "The CS goal: an offline platform whose hosts pay",
    ),
    goal=(
        "現地で起きるトラブルを、最初に受けた担当者がその場で解決できる体制をつくる",
        "Whoever first hears of a problem on the ground can resolve it then and there",
    ),
    win=(
        "トラブルの○%が最初の担当者だけで解決し、解決までの時間の中央値が○分以内で、ホストの継続率が下がっていない",
        "X% of problems are solved by the first operator alone, the median time to resolution "
        "is under X minutes, and host retention has not fallen",
    ),
    purposes=(
        purpose(
            "p1",
            "担当者が、上長に聞かずに返金や代替手配を決められる状態",
            "Operators decide refunds and replacements without asking a manager",
            measure("red", "担当者が自分で決めてよい金額と範囲を決める",
                    "Set the amounts and cases an operator may decide alone"),
            measure("white", "判断に迷う事例を集め、判断の目安をつくる",
                    "Collect hard cases and write guidelines from them"),
            measure("blue", "権限の使われ方を毎月見て、乱用と過少利用を防ぐ",
                    "Review each month how the authority is used, against abuse and timidity"),
        ),
        purpose(
            "p2",
            "トラブルの種類ごとに、すぐ動ける手順がそろっている状態",
            "For each kind of trouble, a ready procedure lets people act at once",
            measure("red", "多いトラブル上位10種の対応手順を書く",
                    "Write the procedures for the 10 most common kinds of trouble"),
            measure("green", "緊急時の連絡網と夜間・休日の当番を決める",
                    "Set up the emergency contact chain and the night and weekend rota"),
        ),
        purpose(
            "p3",
            "ホスト（場の提供者）が、よくある問題を自分で防げている状態",
            "Hosts prevent the common problems themselves",
            measure("white", "ホスト向けのチェックリストと事例集を配る",
                    "Give hosts a checklist and a book of cases"),
            measure("white", "トラブルの多いホストに個別に改善を働きかける",
                    "Work one-to-one with the hosts who have the most trouble"),
            measure("yellow", "優良ホストが新しいホストに教える場をつくる",
                    "Let the best hosts teach the new ones"),
        ),
        purpose(
            "p4",
            "一次解決率と解決時間が、地域・種類別に見えている状態",
            "One-stop resolution and time to resolution are visible by region and kind",
            measure("green", "問い合わせに種類と地域のタグを付ける",
                    "Tag every inquiry with its kind and region", also=("p2",)),
            measure("white", "週次で数字を見て、手順と権限を見直す",
                    "Review the numbers weekly and adjust procedures and authority"),
        ),
    ),
    elements={
        "people": (
            "一次対応の担当者、権限を決める上長、現地で動ける人（地域担当・協力会社）を書く",
            "Write the front-line operators, the manager who sets their authority, and who can "
            "act on site (local staff, partners)",
        ),
        "money": (
            "返金・代替手配に使える予算の上限と、その決裁の流れを書く",
            "Write the ceiling for refunds and replacements, and how it is approved",
        ),
        "time": (
            "トラブルが起きやすい時間帯と、解決までに許される時間を書く",
            "Write when trouble tends to happen and how long a resolution may take",
        ),
        "quality": (
            "どこまでを「解決」とするかを書く（例：利用者が予定どおり過ごせた）",
            "Write what counts as resolved (e.g. the guest's plans went ahead)",
        ),
        "businessScheme": (
            "ホストが手数料を払い、利用者と現地で出会う。三者の誰が何を負担するかを書く",
            "Hosts pay a fee and meet users on the ground. Write which costs the platform, the hosts "
            "and the users each bear",
        ),
        "environment": (
            "地域ごとの法規制、天候や季節の波、現地の交通事情などを書く",
            "Write local regulations, weather and seasons, local transport and the like",
        ),
        "rival": (
            "ホストや利用者が移りうる他のプラットフォームを書く",
            "Write the other platforms hosts and users could move to",
        ),
        "foreignEnemy": (
            "返金目当ての不正な申告や、悪質なホスト・利用者を書く",
            "Write false claims made for refunds, and hosts or users acting in bad faith",
        ),
    },
    metrics=(
        metric("最初の担当者で解決した割合", "Solved by the first operator", ("%", "%")),
        metric("解決までの時間（中央値）", "Median time to resolution", ("分", "minutes"), lower=True),
        metric("ホストの継続率", "Host retention", ("%", "%")),
    ),
)

OFFLINE_RETAIL = TemplateSpec(
    name="offline-retail",
    description=(
        "CSの目標（ユーザー課金・オフライン、Zappos型）：サポートを売上とブランドを生む販売・マーケティングの窓口にする",
        "CS goal for user-paid offline retail (Zappos-like): run support as a sales and "
        "marketing channel that converts and builds the brand",
    ),
    title=(
        "CSの目標：ユーザー課金のオフライン事業（小売）",
        "The CS goal: user-paid offline retail",
    ),
    goal=(
        "サポートの応対を、買ってもらえて、また来たくなる体験にして、売上とブランドに貢献する",
        "Make every support contact an experience that sells and brings customers back, "
        "contributing to revenue and the brand",
    ),
    win=(
        "問い合わせからの購入率が○%、応対を受けた顧客の再購入率が受けていない顧客より○ポイント高い",
        "X% of inquiries lead to a purchase, and customers we served buy again X points more "
        "often than those we did not",
    ),
    purposes=(
        purpose(
            "p1",
            "担当者が、顧客に合う商品を自信を持って勧められている状態",
            "Staff recommend the right product for each customer with confidence",
            measure("red", "商品知識の研修と、よく比べられる商品の比較表をつくる",
                    "Product training, and comparison sheets for products often weighed up"),
            measure("white", "応対の記録から、購入につながった会話を共有する",
                    "Share the conversations that led to a purchase"),
        ),
        purpose(
            "p2",
            "応対時間や台本に縛られず、顧客のために動ける状態",
            "Staff are free of time limits and scripts to act for the customer",
            measure("red", "処理時間の目標を外し、担当者の裁量を決める",
                    "Drop handling-time targets and define what staff may decide"),
            measure("yellow", "記憶に残る気配り（手書きのカードなど）に使える予算を用意する",
                    "A small budget for memorable touches, such as a handwritten card"),
            measure("blue", "裁量の使い方の事例を集め、行き過ぎを防ぐ",
                    "Collect examples of discretion used, to keep it within bounds"),
        ),
        purpose(
            "p3",
            "問い合わせから購入・再購入までが数字でつながって見える状態",
            "The path from inquiry to purchase and repurchase shows in numbers",
            measure("green", "問い合わせ記録と購入データを顧客IDでつなぐ",
                    "Link inquiry records to purchase data by customer ID"),
            measure("white", "応対後の購入率と再購入率を毎月報告する",
                    "Report post-contact purchase and repurchase rates every month",
                    also=("p4",)),
        ),
        purpose(
            "p4",
            "経営とマーケティングが、サポートを売上の窓口として認めている状態",
            "Management and marketing accept support as a sales channel",
            measure("red", "サポートの評価指標を、コストから購入率・再購入率に変えることを合意する",
                    "Agree to judge support by purchase and repurchase rates, not by cost"),
            measure("white", "顧客の声をマーケティングの企画会議に持ち込む",
                    "Bring customer voices into marketing's planning meetings"),
        ),
    ),
    elements={
        "people": (
            "電話・チャット・店頭の担当者、商品部の協力者、評価を決める上長を書く",
            "Write the phone, chat and shop-floor staff, the merchandisers who help, and the "
            "manager who sets the evaluation",
        ),
        "money": (
            "人件費、研修費、気配りに使える予算を書く",
            "Write staff costs, training costs and the budget for personal touches",
        ),
        "time": (
            "繁忙期（セール・年末）と、研修に割ける時間を書く",
            "Write the busy seasons (sales, year end) and the time available for training",
        ),
        "quality": (
            "「また来たくなる応対」の基準を書く（例：顧客の名前と前回の買い物を覚えている）",
            "Write what a contact that brings customers back looks like (e.g. we remember the "
            "customer's name and last purchase)",
        ),
        "businessScheme": (
            "顧客が商品代を払う。配送・返品・在庫の負担を誰が持つかを書く",
            "Customers pay for the goods. Write who bears delivery, returns and stock",
        ),
        "environment": (
            "店舗と通販の比率、配送事情、季節の波を書く",
            "Write the mix of shop and mail order, delivery conditions and seasonal swings",
        ),
        "rival": (
            "価格で勝負してくる通販大手や、近くの競合店を書く",
            "Write the big online retailers competing on price, and nearby competing shops",
        ),
        "foreignEnemy": (
            "サポートをコストとだけ見る社内の声、悪質な返品を書く",
            "Write those inside the company who see support only as a cost, and abusive returns",
        ),
    },
    metrics=(
        metric("問い合わせからの購入率", "Purchases from inquiries", ("%", "%")),
        metric("応対した顧客の再購入率の差", "Repeat-purchase lift of customers served", ("ポイント", "pt")),
    ),
)

SPECS = [SAAS_USER_PAYS, AD_FUNDED_ONLINE, OFFLINE_PLATFORM, OFFLINE_RETAIL]
