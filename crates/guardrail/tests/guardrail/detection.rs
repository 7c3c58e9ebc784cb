//! What the detectors find and what they leave alone.

use mimi_guardrail::Label::{self, Address, Email, Person, Phone, PostalCode};

use crate::found;

/// Each text names no person.
fn assert_no_person(texts: &[&str]) {
    for text in texts {
        assert!(!found(text).iter().any(|(_, l)| *l == Person), "{text}");
    }
}

fn assert_finds(text: &str, want: &[(&str, Label)]) {
    let want: Vec<(String, Label)> = want.iter().map(|(t, l)| ((*t).to_owned(), *l)).collect();
    assert_eq!(found(text), want, "in {text:?}");
}

#[test]
fn english_names_are_found_with_titles_pairs_and_cues() {
    assert_finds(
        "Please contact Sarah Chen today.",
        &[("Sarah Chen", Person)],
    );
    assert_finds(
        "Dr. Emily Watson will see you.",
        &[("Emily Watson", Person)],
    );
    assert_finds("Ask for Maria at the desk.", &[("Maria", Person)]);
    assert_finds("Mr Okonkwo called back.", &[("Okonkwo", Person)]);
}

#[test]
fn lone_first_names_are_found_by_how_the_reply_treats_them() {
    // Addressed after thanks, a greeting or an apology, even names that are words or
    // places.
    assert_finds(
        "Thanks for your patience, Florence! Your refund is on its way.",
        &[("Florence", Person)],
    );
    assert_finds(
        "The card reads \"Happy birthday, Bella!\" as you asked.",
        &[("Bella", Person)],
    );
    // Signatures and attributions after a dash.
    assert_finds(
        "We'll hold the room until 6 pm tonight. — Priya, Front Desk",
        &[("Priya", Person)],
    );
    assert_finds(
        "Reviews: \"Best fade in town\" – Marcus T.; \"Super friendly\" – Aaliyah",
        &[("Marcus T.", Person), ("Aaliyah", Person)],
    );
    // A cue before, and a number or a place after.
    assert_finds(
        "Need a sparky fast? Call Bill on 0491 570 156 any time.",
        &[("Bill", Person), ("0491 570 156", Phone)],
    );
    assert_finds(
        "For lost property, contact Maria, ext. 210.",
        &[("Maria", Person)],
    );
    // A pronoun for a person right after.
    assert_finds(
        "Your stylist tomorrow is Paris — she's our colour specialist.",
        &[("Paris", Person)],
    );
    // Lists and pairs of first names.
    assert_finds(
        "I've passed your message to Tom, Anna and Kenji.",
        &[("Tom", Person), ("Anna", Person), ("Kenji", Person)],
    );
    assert_finds(
        "Our team this weekend: Aisha, Diego, Mei Ling and Conor.",
        &[
            ("Aisha", Person),
            ("Diego", Person),
            ("Mei Ling", Person),
            ("Conor", Person),
        ],
    );
    assert_finds(
        "Booking confirmed for Ivy and Rafael Santos, 2 guests.",
        &[("Ivy", Person), ("Rafael Santos", Person)],
    );
    assert_finds(
        "Hunter and Georgia will be your wedding coordinators.",
        &[("Hunter", Person), ("Georgia", Person)],
    );
    // A month that opens a name after a cue; an unlisted surname and an act.
    assert_finds(
        "Your instructor April Dubois says you're ready.",
        &[("April Dubois", Person)],
    );
    assert_finds(
        "Grace Adeyemi hosts our story hour every Saturday.",
        &[("Grace Adeyemi", Person)],
    );
    // An email whose local part is the name; a Japanese honorific after it; a cue and
    // an act ("is", "found"); a signature in bold; a contact after a dash.
    assert_finds(
        "For anything urgent, email Holly directly at holly@evergreenwreaths.com.",
        &[("Holly", Person), ("holly@evergreenwreaths.com", Email)],
    );
    assert_finds("Lisaさんからのご予約を承りました。", &[("Lisa", Person)]);
    assert_finds(
        "Your first session with Summer is at 6:45am by the pier.",
        &[("Summer", Person)],
    );
    assert_finds(
        "Great news, Mateo found your sunglasses under table 7!",
        &[("Mateo", Person)],
    );
    assert_finds(
        "Thanks for your message! — **Priya**, Front Desk",
        &[("Priya", Person)],
    );
    assert_finds(
        "Contact for group bookings: Tyler – 212.555.0109",
        &[("Tyler", Person), ("212.555.0109", Phone)],
    );
    assert_finds("Meet Will! He's our newest walker.", &[("Will", Person)]);
    assert_finds(
        "All done! Receipt sent – thanks again, Máire!",
        &[("Máire", Person)],
    );
    // "the name", an ampersand, a signature inside quotes, a romaji name that acts.
    assert_finds(
        "Table booked under the name Martinez, party of 4.",
        &[("Martinez", Person)],
    );
    assert_finds(
        "\"Reserved for Chloe & James\" is on the card.",
        &[("Chloe", Person), ("James", Person)],
    );
    assert_finds(
        "A note: \"Safe travels, and come back! — Haruto\"",
        &[("Haruto", Person)],
    );
    assert_finds(
        "Takahashi from the kitchen confirms the broth.",
        &[("Takahashi", Person)],
    );
    assert_finds(
        "Your guide will be Kenji Watanabe-san.",
        &[("Kenji Watanabe", Person)],
    );
    assert_finds(
        "To reserve a spot, ask for Captain Declan Murphy.",
        &[("Declan Murphy", Person)],
    );
    assert_finds(
        "The reservation is under O'Connor, party of six.",
        &[("O'Connor", Person)],
    );
    assert_finds("I'm Sunny, the virtual assistant; ask me anything.", &[]);
    // The phrase that says so may lie past the 24 bytes every piece sees after it.
    assert_no_person(&[
        "Hello, I'm Willow, Cedarbrook's virtual assistant. I'm so sorry.",
        "Hi, I'm **Max**, Helpwise's virtual assistant. I can help.",
        "I'm Robin, Harbourside Care's virtual assistant. How can I help?",
        "Hi, I'm Libby, the library's virtual assistant — how can I help?",
        "I'm Justine, the automated assistant for Baxter Reid Accounting.",
    ]);
    // Firms and funeral homes named after people, or like them.
    assert_no_person(&[
        "Abernathy Dunn CPAs is not affiliated with any other firm.",
        "Send it to Baxter Reid Accounting by Friday.",
        "The service is at Golden Lotus Funeral Home, Hall B.",
        "Cards can go to Evergreen Funeral Home.",
    ]);
    // A person's own name before what they do is still theirs.
    assert_finds(
        "Hi, I'm Leo, and I'll be looking after your account.",
        &[("Leo", Person)],
    );
    assert_finds(
        "Hi, I'm Marcus, Helpwise's account manager. I can help.",
        &[("Marcus", Person)],
    );
    for text in [
        "Our cream tea comes with Earl Grey; the flight has Pinot Gris and Pinot Noir.",
        "The Harper Tote is back; the Jack Daniel's flight runs on Fridays.",
        "The ropeway up Mt. Inasa runs every 15 minutes.",
        "Johnson & Johnson and Ben & Jerry's are out of stock.",
        "Our team in Osaka will contact you by email.",
        "The entrance to Fushimi Inari Taisha is by the station; Yamato Transport ships it.",
        "We have branches in Boston, Denver and Seattle.",
        "We ship to Boston, Denver and Austin every week.",
        "Ford Motor, Johnson & Johnson and Wells Fargo staff get 10% off.",
        "Hi! I'm Juniper, the virtual assistant for Paws & Suds.",
        "Will the parcel arrive by Friday? He said it might.",
        "I'm Mochi, the booking assistant – how can I help?",
        "Mr. The Amazon order arrived damaged.",
        "Meet  Isabella  Rossi,  our  new  head  of  customer  experience.",
        "Tim Hortons is across the road; order a Tom Collins at the bar.",
        "Harry Potter fans love the platform at King's Cross.",
        "Head west until you reach Victoria Park, then turn left.",
        "Baker Street, Marble Arch and Bond Street are the nearest stations.",
        "The check-in desk is at Door 12 of the Royal Albert Hall.",
        "Thanks for your patience! Paris is lovely in spring.",
    ] {
        let spans = found(text);
        assert!(
            !spans.iter().any(|(w, l)| *l == Person
                && [
                    "Boston", "Denver", "Austin", "Johnson", "Wells", "Juniper", "Mochi", "The",
                    "Meet", "Paris", "Tim", "Tom", "Harry", "Victoria", "Arch", "Albert",
                    "Johnson", "Jerry", "Osaka", "Inari", "Yamato", "Earl", "Pinot", "Harper",
                    "Jack", "Inasa"
                ]
                .iter()
                .any(|n| w.contains(n))),
            "{text:?}: {spans:?}"
        );
    }
}

#[test]
fn names_from_many_countries_are_found_with_accents_hyphens_and_particles() {
    for (text, names) in [
        (
            "Please send the lease to Diego Ramírez by Friday.",
            &["Diego Ramírez"][..],
        ),
        (
            "The class is led by Siobhán O’Sullivan.",
            &["Siobhán O’Sullivan"],
        ),
        (
            "Charlotte Hughes-Whitby will call you back.",
            &["Charlotte Hughes-Whitby"],
        ),
        (
            "Jean-Baptiste Moreau is our sommelier.",
            &["Jean-Baptiste Moreau"],
        ),
        (
            "The agent is Pieter van der Berg.",
            &["Pieter van der Berg"],
        ),
        ("Ms. de la Cruz runs admissions.", &["de la Cruz"]),
        (
            "Collect it from Fatima Zahra El Idrissi.",
            &["Fatima Zahra El Idrissi"],
        ),
        ("Our driver is Oluwaseun Adeyemi.", &["Oluwaseun Adeyemi"]),
        ("Just ask for Priya at the bar.", &["Priya"]),
        ("You share the charter with Abebe Girma.", &["Abebe Girma"]),
        (
            "The house is run by Bridget and Declan McGuinness.",
            &["Bridget", "Declan McGuinness"],
        ),
        (
            "Katarzyna Nowak replaces Grace, who is on leave.",
            &["Katarzyna Nowak", "Grace"],
        ),
        (
            "Meet Isabella Rossi, our new head chef.",
            &["Isabella Rossi"],
        ),
        ("- **Invoices:** Grace Adeyemi", &["Grace Adeyemi"]),
        (
            "The parcel was signed for by K. Osei at noon.",
            &["K. Osei"],
        ),
        (
            "I can't give out Jessica's home number, sorry.",
            &["Jessica"],
        ),
    ] {
        let want: Vec<(&str, Label)> = names.iter().map(|n| (*n, Person)).collect();
        assert_finds(text, &want);
    }
}

#[test]
fn brands_bots_holidays_and_landmarks_are_not_people() {
    for text in [
        "Hi, I'm Mimi, the assistant for Harbor Light Bistro.",
        "Our Dr. Martens boots are 20% off, and Dr Pepper is back.",
        "We've got Mr Kipling tarts in stock.",
        "Room 1204 has a view of the Sydney Harbour Bridge.",
        "We close early on Christmas Eve.",
        "Contact our support team, or ask for a refund.",
        "We ship from San Diego and San Jose to Santa Clara and Alice Springs.",
        "Our stores in Santa Clara and Mia Tower are open.",
        "We still have Friday 13 June and Sunday 22 June.",
        "It was dispatched today with Royal Mail.",
        "The Trek Domane AL 2 is £849.",
        "We face the Sydney Opera House; the Wellington Cable Car stop is near.",
        "Tell us by Friday, and Lake Tahoe trips are half price.",
    ] {
        assert_finds(text, &[]);
    }
}

#[test]
fn japanese_given_names_in_kana_are_found() {
    assert_finds("講師は渡辺エミです。", &[("渡辺エミ", Person)]);
    assert_finds(
        "店長の鈴木 ゆうこが対応します。",
        &[("鈴木 ゆうこ", Person)],
    );
    assert_finds(
        "朝のクラスはゆうこ先生が担当します。",
        &[("ゆうこ", Person)],
    );
    assert_finds("娘のさくらちゃんのレッスンです。", &[("さくら", Person)]);
    assert_finds(
        "お部屋へは仲居のまゆみ様がご案内します。",
        &[("まゆみ", Person)],
    );
    assert_finds("客室係の大野までお申し付けください。", &[("大野", Person)]);
    assert_finds(
        "中国語のご相談はワン・リーが承ります。",
        &[("ワン・リー", Person)],
    );
    assert_finds("陽翔くんのお迎えは17時です。", &[("陽翔", Person)]);
    assert_finds(
        "整備士のアデバヨ・オラミデがタイヤ交換を担当しました。",
        &[("アデバヨ・オラミデ", Person)],
    );
    assert_finds(
        "当日はヴー・ティ・ランが通訳として同席します。",
        &[("ヴー・ティ・ラン", Person)],
    );
    assert_finds("塾長の石川まで。", &[("石川", Person)]);
    assert_finds(
        "副店長の石井 まゆみまでどうぞ。",
        &[("石井 まゆみ", Person)],
    );
    assert_finds(
        "- 受付：高橋 - 会計：小林",
        &[("高橋", Person), ("小林", Person)],
    );
    assert_finds(
        "森田の個人の連絡先はお伝えできません。",
        &[("森田", Person)],
    );
    assert_finds("夜間：フロント直通です。", &[]);
    assert_finds("スタイリストのひかるで承りました！", &[("ひかる", Person)]);
    assert_finds("ワンちゃんの様子をお送りします。", &[]);
    // Kana words before a honorific that are no names.
    for text in [
        "みなさんのご来店をお待ちしています。",
        "おかあさんと一緒にどうぞ。",
        "担当者のアドレスはこちらです。",
        "札幌営業所の住所は下記の通りです。",
        "お一人様3,300円です。",
    ] {
        assert_finds(text, &[]);
    }
}

#[test]
fn japanese_names_in_lists_and_katakana_names_are_found() {
    // A list with a name found: its other items that may be names.
    assert_finds(
        "担当：佐藤、鈴木、ケンジ（土日のみ）です。",
        &[("佐藤", Person), ("鈴木", Person), ("ケンジ", Person)],
    );
    assert_finds(
        "本日の受付は高橋とジョンが担当しております。",
        &[("高橋", Person), ("ジョン", Person)],
    );
    assert_finds(
        "フロント担当　大野・マリア・陳　までどうぞ。",
        &[("大野", Person), ("マリア", Person), ("陳", Person)],
    );
    // A list counted as people, or marked as written without honorifics.
    assert_finds(
        "土曜日は加藤、ソフィア、ケンジの3名が担当します。",
        &[("ケンジ", Person)],
    );
    assert_finds(
        "本日のシフト：アンナ、ジェームス、小川（敬称略）",
        &[("アンナ", Person), ("ジェームス", Person), ("小川", Person)],
    );
    // Parts joined by `・` that are no common words; a role glued before them.
    assert_finds(
        "担当講師：パク・ジウ（韓国語）、アナ・ソウザ（ポルトガル語）",
        &[("パク・ジウ", Person), ("アナ・ソウザ", Person)],
    );
    assert_finds(
        "ポーランド出身のパティシエアンナ・コワルスカが焼くケーキです。",
        &[("アンナ・コワルスカ", Person)],
    );
    // A contact in brackets after a name, or a name in brackets after a contact.
    assert_finds(
        "韓国語での対応はパク・ジフン（080-7732-1904）まで。",
        &[("パク・ジフン", Person), ("080-7732-1904", Phone)],
    );
    assert_finds(
        "教室長の渡辺（080-5555-2468）までお願いします。",
        &[("渡辺", Person), ("080-5555-2468", Phone)],
    );
    assert_finds(
        "お問い合わせ：０８０－５５５５－１２３４（岡田）",
        &[("０８０－５５５５－１２３４", Phone), ("岡田", Person)],
    );
    // A given name in kana before a duty, or running into a quiet stretch of kana.
    assert_finds("当日ははるかが担当いたします。", &[("はるか", Person)]);
    assert_finds(
        "撮影担当は加藤めぐみ、ヘアメイクはりなが務めます。",
        &[("加藤めぐみ", Person), ("りな", Person)],
    );
    assert_finds(
        "あおいちゃんとゆいちゃんの体験レッスンです。",
        &[("あおい", Person), ("ゆい", Person)],
    );
    assert_finds(
        "ひろみさん、ご予約ありがとうございます！",
        &[("ひろみ", Person)],
    );
    assert_finds("10時からさくら先生が担当します。", &[("さくら", Person)]);
    assert_finds(
        "代講は林 ゆかり先生が担当します。",
        &[("林 ゆかり", Person)],
    );
    assert_finds(
        "新郎山本 大和様の挙式は11時からです。",
        &[("山本 大和", Person)],
    );
    // Kana given names after a role and a colon or "は…です", which are quiet stretches.
    assert_finds("スタイリスト：あやの、ゆうき", &[("あやの", Person)]);
    assert_finds("施術者：ちひろ（ネイリスト歴8年）", &[("ちひろ", Person)]);
    assert_finds("担当スタイリストはさくらです。", &[("さくら", Person)]);
    assert_finds("日時：あさ9時から", &[]);
    assert_finds("店長はさくらが好きです。", &[]);
    // A title after a family name, old forms of kanji, a duty after が, a role in
    // brackets, a honorific after a space, a short listed katakana name after a cue.
    assert_finds("本件は鈴木弁護士が担当いたします。", &[("鈴木", Person)]);
    assert_finds(
        "内科の渡邉医師は本日休診でございます。",
        &[("渡邉", Person)],
    );
    assert_finds("担当の歯科衛生士は髙橋でございます。", &[("髙橋", Person)]);
    assert_finds("配達は森が担当します。", &[("森", Person)]);
    assert_finds("森の中の光が美しい季節です。", &[]);
    assert_finds(
        "夜間は（ヤマモトが対応いたします）。",
        &[("ヤマモト", Person)],
    );
    assert_finds("またどうぞ！ — ミキ（スタッフ）", &[("ミキ", Person)]);
    assert_finds(
        "お届け先：大阪府大阪市北区中崎西２丁目４－１２ 中村 さくら 様",
        &[
            ("大阪府大阪市北区中崎西２丁目４－１２", Address),
            ("中村 さくら", Person),
        ],
    );
    assert_finds("担当はミキです。", &[("ミキ", Person)]);
    assert_finds(
        "アンナ ペトロワ様のご予約を承りました。",
        &[("アンナ ペトロワ", Person)],
    );
    assert_finds("配達員の石井が本日お伺いします。", &[("石井", Person)]);
    assert_finds("（担当：藤井 あゆみ）", &[("藤井 あゆみ", Person)]);
    assert_finds(
        "担当の長谷川、またはエマまでお気軽にどうぞ。",
        &[("長谷川", Person), ("エマ", Person)],
    );
    assert_finds(
        "お荷物は、フロントでケビンがお預かりしております。",
        &[("ケビン", Person)],
    );
    assert_finds(
        "スタッフ一同、木村・林・清水がお待ちしております。",
        &[("木村", Person), ("林", Person), ("清水", Person)],
    );
    assert_finds("請求書は山口宛でお送りください。", &[("山口", Person)]);
    assert_finds(
        "橋本より：本日の営業は17時で終了いたします。",
        &[("橋本", Person)],
    );
    assert_finds("本社より：営業時間が変わります。", &[]);
    assert_finds("ワンちゃんのお名前は「モモ」で承りました。", &[]);
    assert_finds("限定「はなちゃんクッキー缶」です。", &[]);
    // Names in Latin letters after a Japanese cue; a katakana name with a space.
    assert_finds(
        "ご不明な点はインストラクターのKwame（090-5555-6180）までどうぞ。",
        &[("Kwame", Person), ("090-5555-6180", Phone)],
    );
    assert_finds(
        "受付：Ngozi Eze（英語）、ルシア（スペイン語）",
        &[("Ngozi Eze", Person), ("ルシア", Person)],
    );
    assert_finds(
        "バイオリン講師：マイケル ジョーンズ / 体験レッスン無料",
        &[("マイケル ジョーンズ", Person)],
    );
    // Words that are no names, next to names or cues.
    for (text, word) in [
        // Common katakana words after a cue, in a list, or joined by `・`.
        (
            "Wi-Fiのパスワードは受付カウンターに掲示しております。",
            "カウンター",
        ),
        ("7月の営業カレンダーは水曜が定休日です。", "カレンダー"),
        ("アフマド様、ハラール対応の夕食プランです。", "ハラール"),
        ("ケーキ・クッキー・マフィンをご用意しています。", "ケーキ"),
        ("ハリー・ポッター展は土曜までです。", "ハリー"),
        // Brackets that hold no contact; a remote is no email.
        ("こちらの本（ISBN978-4-09-123456-0）は取り寄せです。", "本"),
        (
            "リポジトリ（git@github.com:example/app.git）から取得できます。",
            "リポジトリ",
        ),
        // Honorifics and counts of things.
        ("原田さんが担当している案件です。", "さん"),
        ("ケーキの3個セットです。", "ケーキ"),
    ] {
        let spans = found(text);
        assert!(
            !spans.iter().any(|(s, l)| *l == Person && s.contains(word)),
            "{text:?}: {spans:?}"
        );
    }
}

#[test]
fn romanised_japanese_names_are_found_in_either_order() {
    assert_finds(
        "Kenji Watanabe leads the team.",
        &[("Kenji Watanabe", Person)],
    );
    assert_finds(
        "Watanabe Kenji leads the team.",
        &[("Watanabe Kenji", Person)],
    );
    assert_finds("Suzuki-san agreed.", &[("Suzuki", Person)]);
}

#[test]
fn japanese_names_are_found_with_honorifics_spaces_and_cues() {
    assert_finds("田中様にお伝えください。", &[("田中", Person)]);
    assert_finds("山田 太郎さんが来ます。", &[("山田 太郎", Person)]);
    assert_finds("佐藤花子氏の講演です。", &[("佐藤花子", Person)]);
    assert_finds("担当の高橋がご案内します。", &[("高橋", Person)]);
    assert_finds("ジョン・スミス様へ", &[("ジョン・スミス", Person)]);
}

#[test]
fn emails_are_found_glued_to_japanese_and_in_full_width() {
    assert_finds(
        "メールはtaro@example.co.jpです",
        &[("taro@example.co.jp", Email)],
    );
    assert_finds(
        "ｉｎｆｏ＠ｓｈｏｐ．ｊｐまで",
        &[("ｉｎｆｏ＠ｓｈｏｐ．ｊｐ", Email)],
    );
    // A slash that parts fields, not a locator's.
    assert_finds(
        "ご担当者：総務部／inoue.k@daiwa-kensetsu.example.jp",
        &[("inoue.k@daiwa-kensetsu.example.jp", Email)],
    );
    assert_finds(
        "Tel: 03-1234-5678 / info@shop.example.jp",
        &[("03-1234-5678", Phone), ("info@shop.example.jp", Email)],
    );
    assert_finds(
        "Open https://user@example.com/repo or ssh://git@host.example.com/x",
        &[],
    );
}

#[test]
fn phones_are_found_in_national_and_international_forms() {
    for phone in [
        "(415) 555-0132",
        "1-800-555-0199",
        "+44 20 7946 0958",
        "020 7946 0958",
        "07700 900461",
        "090-1234-5678",
        "03-1234-5678",
        "0120-444-888",
        "050-3123-4567",
        "+81-3-5555-1234",
        "(03)3456-7890",
        "０３－６２１２－４４５５",
        "090ー1234ー5678",
    ] {
        assert_finds(&format!("Call {phone} now."), &[(phone, Phone)]);
    }
}

#[test]
fn phones_with_a_note_or_a_name_glued_to_their_brackets_are_found() {
    assert_finds(
        "緊急時は0800-555-0123（24時間）へ。",
        &[("0800-555-0123", Phone)],
    );
    assert_finds(
        "Call 090-5555-6180(mobile) after six.",
        &[("090-5555-6180", Phone)],
    );
    assert_finds("ISBN(978-4-09-123456-0) is in stock.", &[]);
}

#[test]
fn phones_in_brackets_are_found() {
    assert_finds(
        "ご相談は（+81 90-3316-7420）まで",
        &[("+81 90-3316-7420", Phone)],
    );
    assert_finds("or ring (01) 555 2471 to book", &[("(01) 555 2471", Phone)]);
    assert_finds(
        "call our team on 09 555 0147 today",
        &[("09 555 0147", Phone)],
    );
    assert_finds(
        "call the office on +44 1632 960417 (8am–8pm)",
        &[("+44 1632 960417", Phone)],
    );
}

#[test]
fn postal_codes_are_found_in_context() {
    assert_finds("〒150-0002 渋谷", &[("〒150-0002", PostalCode)]);
    assert_finds("郵便番号は530-0001です", &[("530-0001", PostalCode)]);
    assert_finds("Springfield, IL 62704", &[("62704", PostalCode)]);
    assert_finds("London SW1A 2AA", &[("SW1A 2AA", PostalCode)]);
}

#[test]
fn addresses_are_found_without_their_postal_codes() {
    assert_finds(
        "Ship to 742 Evergreen Terrace, Springfield, IL 62704.",
        &[
            ("742 Evergreen Terrace, Springfield, IL", Address),
            ("62704", PostalCode),
        ],
    );
    assert_finds(
        "住所は大阪府大阪市北区梅田三丁目1番3号です",
        &[("大阪府大阪市北区梅田三丁目1番3号", Address)],
    );
    assert_finds(
        "東京都千代田区丸の内１－９－２　ＡＢＣビル５階",
        &[("東京都千代田区丸の内１－９－２　ＡＢＣビル５階", Address)],
    );
    // A building's name with "The", a place with "Great"; a department, or a name
    // before a flat, is no part of an address read back from its postcode.
    assert_finds(
        "Post them to The Old Forge, 3 Mill Lane, Kenilworth, Warwickshire CV8 1GX.",
        &[
            (
                "The Old Forge, 3 Mill Lane, Kenilworth, Warwickshire",
                Address,
            ),
            ("CV8 1GX", PostalCode),
        ],
    );
    assert_finds(
        "Drop-off is at Old Mill Farm, Hollow Lane, Great Missenden, Buckinghamshire HP16 9QX.",
        &[
            (
                "Old Mill Farm, Hollow Lane, Great Missenden, Buckinghamshire",
                Address,
            ),
            ("HP16 9QX", PostalCode),
        ],
    );
    assert_finds(
        "Returns go to Returns Dept, 9 Mill Lane, Bristol BS1 6TY.",
        &[("9 Mill Lane, Bristol", Address), ("BS1 6TY", PostalCode)],
    );
    assert_finds(
        "Please address parcels to Zofia Nowak, Flat 5, 19 Abbeville Road, Clapham, London SW4 9LA.",
        &[
            ("Zofia Nowak", Person),
            ("Flat 5, 19 Abbeville Road, Clapham, London", Address),
            ("SW4 9LA", PostalCode),
        ],
    );
    assert_finds(
        "The pick-up point is Shop 3, 120 George Street, The Rocks, Sydney NSW, by the bar.",
        &[("Shop 3, 120 George Street, The Rocks, Sydney NSW", Address)],
    );
    // Irish streets with Lower or Upper after the street word.
    assert_finds(
        "Our clinic is at 22 Baggot Street Lower, Dublin 2, beside the pharmacy.",
        &[("22 Baggot Street Lower, Dublin 2", Address)],
    );
    // A unit at the end of a longer part, a dock, a trading estate; a name with a
    // title before the address read back from its postcode.
    assert_finds(
        "The returns address is: Unit 12, Westgate Trading Park, Ashford Road, Canterbury, Kent CT2 7PW.",
        &[
            (
                "Unit 12, Westgate Trading Park, Ashford Road, Canterbury, Kent",
                Address,
            ),
            ("CT2 7PW", PostalCode),
        ],
    );
    assert_finds(
        "Please address the parcel to Mx Robin Ashby, 22 Kingfisher Close, Harrogate, North Yorkshire HG2 8QT.",
        &[
            ("Robin Ashby", Person),
            ("22 Kingfisher Close, Harrogate, North Yorkshire", Address),
            ("HG2 8QT", PostalCode),
        ],
    );
    assert_finds(
        "Deliveries: 4150 Industrial Parkway, Dock 3, Columbus, OH 43228-1145 on weekdays.",
        &[
            ("4150 Industrial Parkway, Dock 3, Columbus, OH", Address),
            ("43228-1145", PostalCode),
        ],
    );
    // Japanese addresses in romaji: two-word towns, one number before a -cho, "City",
    // chome/ban/go, a building and its floor before them.
    assert_finds(
        "Our shop is at 2-14-7 Gion-machi Minamigawa, Higashiyama-ku, Kyoto.",
        &[(
            "2-14-7 Gion-machi Minamigawa, Higashiyama-ku, Kyoto",
            Address,
        )],
    );
    assert_finds(
        "Meet at 609 Nishidaimonji-cho, Nakagyo-ku, Kyoto at nine.",
        &[("609 Nishidaimonji-cho, Nakagyo-ku, Kyoto", Address)],
    );
    assert_finds(
        "Address: 24-3 Noborioji-cho, Nara City, Nara",
        &[("24-3 Noborioji-cho, Nara City, Nara", Address)],
    );
    assert_finds(
        "Our shop: Hakata-ekimae 2-chome 5-ban 11-go, Hakata-ku, Fukuoka (3 min away).",
        &[(
            "Hakata-ekimae 2-chome 5-ban 11-go, Hakata-ku, Fukuoka",
            Address,
        )],
    );
    assert_finds(
        "We are at B1F Tora Bldg., 3-31-5 Shinjuku, Shinjuku-ku, Tokyo, by the store.",
        &[(
            "B1F Tora Bldg., 3-31-5 Shinjuku, Shinjuku-ku, Tokyo",
            Address,
        )],
    );
    assert_finds("We open at 10 Tokyo time, 2-3 Osaka trips a month.", &[]);
    // A building named with a place, its room after a space or with 号.
    assert_finds(
        "埼玉県さいたま市浦和区高砂2-5-8 パークハイツ浦和 207に変更しました。",
        &[(
            "埼玉県さいたま市浦和区高砂2-5-8 パークハイツ浦和 207",
            Address,
        )],
    );
    assert_finds(
        "東京都渋谷区道玄坂1-12-1 ネオパレス渋谷 802号室 松田 蓮様",
        &[
            ("東京都渋谷区道玄坂1-12-1 ネオパレス渋谷 802号室", Address),
            ("松田 蓮", Person),
        ],
    );
    assert_finds(
        "東京都中央区銀座七丁目十番五号 銀座ライトビル九階",
        &[("東京都中央区銀座七丁目十番五号 銀座ライトビル九階", Address)],
    );
    assert_finds(
        "沖縄県宜野湾市大山7丁目10-12 ハイツ大山202号でお間違いないでしょうか。",
        &[("沖縄県宜野湾市大山7丁目10-12 ハイツ大山202号", Address)],
    );
}

#[test]
fn addresses_in_canada_australia_ireland_and_spelt_out_states_are_found() {
    assert_finds(
        "We are at 220 Queen Street West, Toronto, ON M5V 1Z9.",
        &[
            ("220 Queen Street West, Toronto, ON", Address),
            ("M5V 1Z9", PostalCode),
        ],
    );
    assert_finds(
        "Visit 12 Brunswick Street, Fortitude Valley QLD 4006 today.",
        &[
            ("12 Brunswick Street, Fortitude Valley QLD", Address),
            ("4006", PostalCode),
        ],
    );
    assert_finds(
        "Post it to 12 King William Street, Adelaide SA 5000.",
        &[
            ("12 King William Street, Adelaide SA", Address),
            ("5000", PostalCode),
        ],
    );
    assert_finds(
        "Our shop is at 5 Merrion Row, Dublin 2 now.",
        &[("5 Merrion Row, Dublin 2", Address)],
    );
    assert_finds(
        "Deliver to 77 Harbor Road, Mystic, Connecticut before noon.",
        &[("77 Harbor Road, Mystic, Connecticut", Address)],
    );
    assert_finds(
        "Post it to 3 Mill Lane, Ashby-de-la-Zouch, Leicestershire LE65 1AB.",
        &[
            ("3 Mill Lane, Ashby-de-la-Zouch, Leicestershire", Address),
            ("LE65 1AB", PostalCode),
        ],
    );
    assert_finds(
        "Pick up at 2100 Industrial Parkway, Building C, Hayward, CA 94545.",
        &[
            ("2100 Industrial Parkway, Building C, Hayward, CA", Address),
            ("94545", PostalCode),
        ],
    );
    assert_finds(
        "The clinic is on the 2nd Floor, 88 St Vincent Street, Glasgow G2 5UB.",
        &[
            ("2nd Floor, 88 St Vincent Street, Glasgow", Address),
            ("G2 5UB", PostalCode),
        ],
    );
    assert_finds(
        "住所は金沢市東山一丁目十三番七号 ルミエール東山4階です。",
        &[("金沢市東山一丁目十三番七号 ルミエール東山4階", Address)],
    );
    assert_finds(
        "ご返却は埼玉県さいたま市大宮区桜木町２丁目３番地５の本店まで。",
        &[("埼玉県さいたま市大宮区桜木町２丁目３番地５", Address)],
    );
    assert_finds(
        "配達先は大阪市北区天神橋4-8-17 コーポ天神302に変更",
        &[("大阪市北区天神橋4-8-17 コーポ天神302", Address)],
    );
    assert_finds(
        "送付先は福岡市博多区博多駅前2-19-27 博多中央ビル301、です。",
        &[("福岡市博多区博多駅前2-19-27 博多中央ビル301", Address)],
    );
    assert_finds(
        "Our inn is at 1-5-22 Yumoto, Hakone-machi, Ashigarashimo-gun, Kanagawa 250-0311.",
        &[
            (
                "1-5-22 Yumoto, Hakone-machi, Ashigarashimo-gun, Kanagawa",
                Address,
            ),
            ("250-0311", PostalCode),
        ],
    );
    assert_finds(
        "札幌店は北海道札幌市中央区南一条西四丁目十三番地 すずらんビル3階です。",
        &[(
            "北海道札幌市中央区南一条西四丁目十三番地 すずらんビル3階",
            Address,
        )],
    );
    assert_finds(
        "教室は広島市中区基町１０番５号 紙屋町スクエア４Ｆです。",
        &[("広島市中区基町１０番５号 紙屋町スクエア４Ｆ", Address)],
    );
    assert_finds(
        "京都市中京区河原町通三条上る恵比須町427番地 305号室でお間違いないでしょうか。",
        &[(
            "京都市中京区河原町通三条上る恵比須町427番地 305号室",
            Address,
        )],
    );
    // Four digits or a code shape without a state or province before them.
    assert_finds("Your PIN is 4006 and the code is M5V 1Z9.", &[]);
}

#[test]
fn look_alikes_are_left_alone() {
    for text in [
        "Your order number is 555-123-4567.",
        "Tracking 1Z999AA10123456784 shipped 2024-05-01 at 09:00.",
        "The price is $1,299.99 and the version is 2.3.1.",
        "ISBN 978-4-12-345678-9, JAN 4901234567894, SKU AB-1234-XY.",
        "Clone git@github.com:mimi/app.git or https://user@example.com/repo.",
        "Ford Motor is a company. Paris is lovely. Hope Street.",
        "Will you come in May? April showers. I hope so.",
        "鈴木商店は松本駅の近くです。森と光の公園。",
        "注文番号は123-4567です。お客様と皆様へ。",
    ] {
        assert_finds(text, &[]);
    }
}

#[test]
fn names_are_found_by_possessives_teams_family_words_and_quiet_cues() {
    assert_finds(
        "Sorry, Declan's Thursday class is full.",
        &[("Declan", Person)],
    );
    assert_finds(
        "We'll go by Imogen's notes for the fitting.",
        &[("Imogen", Person)],
    );
    assert_finds(
        "Merry Christmas from Frank and the team at Hollybush Books!",
        &[("Frank", Person)],
    );
    assert_finds(
        "She has named her daughter, Efua Mensah, as the second contact.",
        &[("Efua Mensah", Person)],
    );
    assert_finds(
        "Your instructor tomorrow is Priyanka, see you at 10.",
        &[("Priyanka", Person)],
    );
    assert_finds(
        "Please let Rory know on 07700 900 321 if you are late.",
        &[("Rory", Person), ("07700 900 321", Phone)],
    );
    assert_finds(
        "Thanks Wojciech! The parcel is on its way.",
        &[("Wojciech", Person)],
    );
    assert_finds(
        "Send the form to coach.tamsin@example.org. Tamsin will reply by Monday.",
        &[("coach.tamsin@example.org", Email), ("Tamsin", Person)],
    );
    assert_finds(
        "Pastor Grace leads the service and Father O'Dowd the choir.",
        &[("Grace", Person), ("O'Dowd", Person)],
    );
}

#[test]
fn romanised_names_with_the_family_name_in_capitals_are_found() {
    assert_finds(
        "Lead guest: WATANABE Yui, 2 adults.",
        &[("WATANABE Yui", Person)],
    );
    assert_finds(
        "Your guide is Sota KIMURA from our Kyoto office.",
        &[("Sota KIMURA", Person)],
    );
    assert_finds(
        "担当のKATO Mei様までご連絡ください。",
        &[("KATO Mei", Person)],
    );
    assert_finds("通訳はHaruka Itōが担当します。", &[("Haruka Itō", Person)]);
}

#[test]
fn things_named_after_people_are_not_people() {
    for text in [
        "The Ted Lasso mug is back in stock.",
        "The Ruth Bader exhibition opens on Friday.",
        "Our Huntington's disease clinic meets in Room 4.",
        "Bookings for the Charlie Parker tribute concert open today.",
        "The Anna Sui perfume ships in 2 days.",
        "Tickets for \"An Afternoon with Roald Dahl\" are £8.",
        "The Harriet Tubman Jr. Day parade starts at noon.",
        "Hughes, Whitfield & Amin LLP act for the seller.",
        "Sorry, May orders shipped late.",
        "Our Stanley FlexiGrip range starts at £12.",
    ] {
        assert_finds(text, &[]);
    }
    // A name quoted as what to say is a person.
    assert_finds(
        "Just say \"Ask for Tomasz\" at the door.",
        &[("Tomasz", Person)],
    );
}

#[test]
fn japanese_names_before_titles_and_after_roles_are_found() {
    assert_finds("内科の石黒 遼医師が診察します。", &[("石黒 遼", Person)]);
    assert_finds(
        "顧問の御手洗 千尋先生にも確認しました。",
        &[("御手洗 千尋", Person)],
    );
    assert_finds(
        "書類は総務部の金子 あゆみ宛てにお送りください。",
        &[("金子 あゆみ", Person)],
    );
    assert_finds(
        "連絡網：佐野コーチ 090-1234-5678",
        &[("佐野", Person), ("090-1234-5678", Phone)],
    );
    assert_finds("受付で宮下をお呼びください。", &[("宮下", Person)]);
    for text in [
        "「加藤さんちの野菜セット」は完売しました。",
        "『トム・ソーヤーの冒険』は貸出中です。",
        "団体様のご予約は2週間前までにお願いします。",
        "内容：七五三の撮影",
        "山本屋さんのお団子をいただきました。",
    ] {
        assert_finds(text, &[]);
    }
}

#[test]
fn addresses_with_buildings_units_and_japanese_rooms_are_found() {
    // A floor or a room before a building before the street; a Scottish flat's number.
    assert_finds(
        "📍 3rd Floor, Cobden House, 91 Tanner Street, Manchester M1 7HD",
        &[
            (
                "3rd Floor, Cobden House, 91 Tanner Street, Manchester",
                Address,
            ),
            ("M1 7HD", PostalCode),
        ],
    );
    assert_finds(
        "It will be posted to Room 214, Halvorsen Hall, 55 College Walk, New Haven, CT 06511.",
        &[
            (
                "Room 214, Halvorsen Hall, 55 College Walk, New Haven, CT",
                Address,
            ),
            ("06511", PostalCode),
        ],
    );
    assert_finds(
        "📍 Apartment 14, Skyline Quarter, 220 Deansgate, Manchester M3 4LY",
        &[
            (
                "Apartment 14, Skyline Quarter, 220 Deansgate, Manchester",
                Address,
            ),
            ("M3 4LY", PostalCode),
        ],
    );
    assert_finds(
        "Offers are invited for 16/3 Marchmont Crescent, Edinburgh EH9 1HN.",
        &[
            ("16/3 Marchmont Crescent, Edinburgh", Address),
            ("EH9 1HN", PostalCode),
        ],
    );
    // A hall alone is a venue.
    assert_finds(
        "Meet us at Halvorsen Hall, 55 College Walk.",
        &[("55 College Walk", Address)],
    );
    assert_finds(
        "Post it to Ivy Cottage, 4 Church Lane, Ambleside LA22 9BX.",
        &[
            ("Ivy Cottage, 4 Church Lane, Ambleside", Address),
            ("LA22 9BX", PostalCode),
        ],
    );
    assert_finds(
        "Our studio: Floor 2, 15 Quay Street, Bristol BS1 4DB.",
        &[
            ("Floor 2, 15 Quay Street, Bristol", Address),
            ("BS1 4DB", PostalCode),
        ],
    );
    assert_finds(
        "Addressed to Harriet Ng, 7 Ash Grove, York YO1 7HH.",
        &[
            ("Harriet Ng", Person),
            ("7 Ash Grove, York", Address),
            ("YO1 7HH", PostalCode),
        ],
    );
    assert_finds(
        "Ship to 900 NE Oak St, 4th Floor, Portland, OR 97232.",
        &[
            ("900 NE Oak St, 4th Floor, Portland, OR", Address),
            ("97232", PostalCode),
        ],
    );
    assert_finds(
        "Leave it at No. 3 Rose Terrace, Ranelagh, Dublin 6.",
        &[("No. 3 Rose Terrace, Ranelagh, Dublin 6", Address)],
    );
    assert_finds(
        "Our office: Room 310, Sakura Heights, 3-4-5 Higashi-Ikebukuro, Toshima-ku, Tokyo.",
        &[(
            "Room 310, Sakura Heights, 3-4-5 Higashi-Ikebukuro, Toshima-ku, Tokyo",
            Address,
        )],
    );
    assert_finds(
        "送付先：東京都品川区大井一丁目二番三号 大井ハイツ四〇五号室",
        &[(
            "東京都品川区大井一丁目二番三号 大井ハイツ四〇五号室",
            Address,
        )],
    );
    assert_finds(
        "住所は大阪府吹田市青山台3番地の7 コーポ青山202です。",
        &[("大阪府吹田市青山台3番地の7 コーポ青山202", Address)],
    );
    assert_finds(
        "会場は愛知県豊田市元町二丁目三番の市民センターです。",
        &[("愛知県豊田市元町二丁目三番", Address)],
    );
}

#[test]
fn a_number_after_an_order_number_can_still_be_a_phone() {
    assert_finds(
        "Updates for order 88-102-3344 go to (617) 555-0182.",
        &[("(617) 555-0182", Phone)],
    );
    assert_finds(
        "ご登録の番号（(03)5555-0100）にお電話します。",
        &[("(03)5555-0100", Phone)],
    );
}

#[test]
fn streets_without_a_street_word_rural_routes_and_eircodes_are_found() {
    assert_finds(
        "Find us at 9 Briggate, Leeds LS1 6HD.",
        &[("9 Briggate, Leeds", Address), ("LS1 6HD", PostalCode)],
    );
    assert_finds(
        "Returns go to 410 Camino del Rio, Taos, NM 87571.",
        &[
            ("410 Camino del Rio, Taos, NM", Address),
            ("87571", PostalCode),
        ],
    );
    assert_finds(
        "The farm stand is at 1200 Route 28, Chatham, MA 02633.",
        &[
            ("1200 Route 28, Chatham, MA", Address),
            ("02633", PostalCode),
        ],
    );
    assert_finds(
        "Mail it to HC 3 Box 52, Hermosa, SD 57744.",
        &[("HC 3 Box 52, Hermosa, SD", Address), ("57744", PostalCode)],
    );
    assert_finds(
        "Our Cork shop: 5 Oliver Plunkett Street, Cork, T12 X8K4.",
        &[
            ("5 Oliver Plunkett Street, Cork", Address),
            ("T12 X8K4", PostalCode),
        ],
    );
    // Not after an Irish place, or no digit and letter mixed: a product code.
    for text in ["Model A12 B3C4 ships today.", "Order T12 XKNP is packed."] {
        assert_finds(text, &[]);
    }
    assert_finds(
        "住所：京都府京都市北区紫野西町五〇〇番地の2 紫野ハイツ三〇一号室",
        &[(
            "京都府京都市北区紫野西町五〇〇番地の2 紫野ハイツ三〇一号室",
            Address,
        )],
    );
}

#[test]
fn family_names_in_hiragana_before_a_given_name_are_found() {
    assert_finds(
        "ご予約者：やまだ はなこ様（2名）",
        &[("やまだ はなこ", Person)],
    );
    assert_finds(
        "担任のもりした ゆうこまでご連絡ください。",
        &[("もりした ゆうこ", Person)],
    );
    // A word before a space is no family name.
    assert_finds("ありがとう ございます。", &[]);
}

#[test]
fn names_in_staff_notes_appositions_and_after_day_ranges_are_found() {
    assert_finds(
        "On call: Imran (nights) and Beatriz (weekends).",
        &[("Imran", Person), ("Beatriz", Person)],
    );
    assert_finds(
        "Our head coach, Jordan, will run the trials.",
        &[("Jordan", Person)],
    );
    assert_finds(
        "Your trainer on Thursday is Oskar, see you at 6.",
        &[("Oskar", Person)],
    );
    assert_finds(
        "Hope will be your guide for the morning walk.",
        &[("Hope", Person)],
    );
    assert_finds(
        "The bread class is taught by Eilidh every Sunday.",
        &[("Eilidh", Person)],
    );
    assert_finds(
        "Duty nurses: Mon–Wed Chiara Rossi, Thu–Fri Tomasz Nowak.",
        &[("Chiara Rossi", Person), ("Tomasz Nowak", Person)],
    );
    // A courier set off by commas stays a company; a title in quotes names a person.
    assert_finds("Our courier, Evri, will collect it.", &[]);
    assert_finds(
        "You asked whether \"Dr Menon\" works on Fridays.",
        &[("Menon", Person)],
    );
}

#[test]
fn japanese_names_after_labels_and_desks_and_before_duties_are_found() {
    assert_finds("【講師】村田", &[("村田", Person)]);
    assert_finds(
        "今後ともよろしくお願いいたします。旅館はなぶさ フロント 大野",
        &[("大野", Person)],
    );
    assert_finds(
        "ただいま不在のため、吉川より明日あらためてご連絡いたします。",
        &[("吉川", Person)],
    );
    assert_finds("店主の夫と妻の香織が営んでいます。", &[("香織", Person)]);
    assert_finds("先日田村さんからご相談がありました。", &[("田村", Person)]);
    // A word after a role is no given name.
    assert_finds("建物はオーナーの所有であり、管理は当社です。", &[]);
}

#[test]
fn english_names_addressed_quoted_or_speaking_are_found() {
    assert_finds(
        "Hannah, I've sent the invoice; let me know if it doesn't arrive.",
        &[("Hannah", Person)],
    );
    assert_finds(
        "Emily, your coffee subscription renews on 3 March.",
        &[("Emily", Person)],
    );
    assert_finds(
        "Hi there! Grace said you wanted to add a dessert platter.",
        &[("Grace", Person)],
    );
    assert_finds(
        "Will from our kitchen team will call you back.",
        &[("Will", Person)],
    );
    assert_finds(
        "Your courier today is Bill, riding a white Vespa.",
        &[("Bill", Person)],
    );
    assert_finds(
        "Your host tonight is Margaret (\"Maggie\"), who'll greet you.",
        &[("Margaret", Person), ("Maggie", Person)],
    );
    assert_finds(
        "The banner should read \"Congratulations Oluwaseun!\" — is that right?",
        &[("Oluwaseun", Person)],
    );
    assert_finds(
        "We have the order under the surname Zhang.",
        &[("Zhang", Person)],
    );
    assert_finds(
        "Your freelancer, Nils, has marked the milestone complete.",
        &[("Nils", Person)],
    );
    assert_finds(
        "For bread orders, phone Tom on 0161 496 0752.",
        &[("Tom", Person), ("0161 496 0752", Phone)],
    );
    // Places, months and chains stay what they are; a bot's titled name is no one.
    assert_finds(
        "Paris, your gateway to Europe, is a short flight away.",
        &[],
    );
    assert_finds("May, June and July are our busiest months.", &[]);
    assert_finds("The best month is May.", &[]);
    assert_finds("Sorry, McDonald's gift cards can't be used here.", &[]);
    assert_finds(
        "I'm Captain Byte, the PixelFix assistant! How can I help?",
        &[],
    );
}

#[test]
fn japanese_staff_after_office_roles_and_in_bracketed_roles_are_found() {
    assert_finds(
        "オペレーターの遠藤に交代いたしました。",
        &[("遠藤", Person)],
    );
    assert_finds(
        "担当エンジニアの鈴木が、明日の午後にお伺いします。",
        &[("鈴木", Person)],
    );
    assert_finds(
        "０９０－１２３４－５６７８（店長・高橋）までお電話ください。",
        &[("０９０－１２３４－５６７８", Phone), ("高橋", Person)],
    );
    // Firms before 様 and a building are no one.
    assert_finds("伊藤園様のキャンペーンLP制作は延長で合意済みです。", &[]);
    assert_finds("トヨタ自動車様の社内ポータル改修案件です。", &[]);
    assert_finds("受付はビルの２階にございます。", &[]);
}

#[test]
fn contacts_after_ordering_words_and_field_slashes_are_found() {
    assert_finds(
        "ＦＡＸでのご注文は06-6123-4567にて承ります。",
        &[("06-6123-4567", Phone)],
    );
    assert_finds("ご注文番号は0901-2345-6789-01です。", &[]);
    assert_finds(
        "連絡先：０９０‐５５５５‐６６６６／taku.nishi＠gmail.com",
        &[
            ("０９０‐５５５５‐６６６６", Phone),
            ("taku.nishi＠gmail.com", Email),
        ],
    );
}

#[test]
fn flats_after_the_street_and_kanji_lots_and_rooms_after_the_block_are_found() {
    assert_finds(
        "The courier will collect from 42 Elm Grove, Flat B, Brighton BN2 3DA.",
        &[
            ("42 Elm Grove, Flat B, Brighton", Address),
            ("BN2 3DA", PostalCode),
        ],
    );
    assert_finds(
        "ご指定の千葉県千葉市美浜区中瀬二丁目六番地一は配達エリア外です。",
        &[("千葉県千葉市美浜区中瀬二丁目六番地一", Address)],
    );
    assert_finds(
        "お届け先を沖縄県那覇市おもろまち四丁目十一番地 ２０２号に変更しました。",
        &[("沖縄県那覇市おもろまち四丁目十一番地 ２０２号", Address)],
    );
    assert_finds(
        "横浜市西区みなとみらい二丁目３番１号 クイーンズタワーＡ ２０階に変更しました。",
        &[(
            "横浜市西区みなとみらい二丁目３番１号 クイーンズタワーＡ ２０階",
            Address,
        )],
    );
}

#[test]
fn names_of_rooms_shows_works_and_shops_are_left_alone() {
    assert_finds("Miss Marple's Tearoom is our sister shop in Bath.", &[]);
    assert_finds(
        "The Franklin and Jefferson suites both have sea views.",
        &[],
    );
    assert_finds("Room 12 is the Elizabeth Suite, our largest.", &[]);
    assert_finds(
        "Hi Patrick, your Morris Minor is booked in for its MOT.",
        &[("Patrick", Person)],
    );
    assert_finds(
        "Tour guide Sato Kenta speaks English, Japanese and Korean.",
        &[("Sato Kenta", Person)],
    );
    assert_finds(
        "\"Rembrandt and Vermeer: Dutch Masters\" is on Level 2.",
        &[],
    );
    assert_finds("\"Ansel Adams: The Mural Project\" is included.", &[]);
    // Tools named after their makers, clubs, and a thing's noun after a lone name.
    assert_finds("Yes, **Stanley** knife blades are standard.", &[]);
    assert_finds("For an Allen-head alternative, see SC-M8-40.", &[]);
    assert_finds("- **Club:** Eastbank Harriers", &[]);
    assert_finds("**Thomas & Friends** wooden track works with Brio.", &[]);
    assert_finds("Tue 9 Sep 08:40, Dr Farah's room 3.", &[("Farah", Person)]);
    // A family name in capitals before a given name, as passports write it.
    assert_finds(
        "- **Name:** ROSSI Federica\n- **Phone:** on file",
        &[("ROSSI Federica", Person)],
    );
    assert_finds("お名前：SHARMA Anjali様", &[("SHARMA Anjali", Person)]);
    assert_finds("She studied at UC Davis before joining us.", &[]);
    // A nickname in quotes inside a full name; a public figure's is no one's.
    assert_finds(
        "**In loving memory of Albert \"Bert\" Nowak**",
        &[("Albert \"Bert\" Nowak", Person)],
    );
    assert_finds(
        "Contact James “Jim” O’Neill on the front desk.",
        &[("James “Jim” O’Neill", Person)],
    );
    assert_finds("Try the Grace \"Classic\" Blend today.", &[]);
    // Ages, a birthday, a nickname and who received or pressed a thing as cues.
    assert_finds(
        "What stars! Eight-year-old Ollie sold lemonade all summer.",
        &[("Ollie", Person)],
    );
    assert_finds("Happy early birthday to Lily! 🎉", &[("Lily", Person)]);
    assert_finds(
        "Posted by Ignatius Fairweather, who goes by Iggy.",
        &[("Ignatius Fairweather", Person), ("Iggy", Person)],
    );
    assert_finds("It goes by Special Delivery (£8.50).", &[]);
    assert_finds(
        "- Pressing: in progress (pressed by Inés)",
        &[("Inés", Person)],
    );
    assert_finds(
        "I can help with Gift Aid and receipts; we are registered in Scotland.",
        &[],
    );
    // Coaches and praise as cues.
    assert_finds(
        "Our negotiator Will Harrow will meet you at the main entrance.",
        &[("Will Harrow", Person)],
    );
    assert_finds(
        "Our Saturday group is coached by Lucía. Meet outside the shop.",
        &[("Lucía", Person)],
    );
    assert_finds(
        "That's a PB by 22 seconds — nice work, Ivy!",
        &[("Ivy", Person)],
    );
    assert_finds("Well done, Ivy!", &[("Ivy", Person)]);
    assert_finds(
        "Lane 6 is yours from 7:30 pm, Harriet! The booking is under Whitcombe.",
        &[("Harriet", Person), ("Whitcombe", Person)],
    );
    assert_finds("Good luck, Paris is lovely in May.", &[]);
    // Makers' lines, houses named after hairdressers, athletes and characters.
    assert_finds("Try the **Nike Vomero** 18 or the Asics Novablast.", &[]);
    assert_finds(
        "We're an accredited **Vidal Sassoon** education partner!",
        &[],
    );
    assert_finds("The **Dr. Eggman** figure comes with his Egg Mobile.", &[]);
    assert_finds("Michael Jordan wore the original colourway in 1985.", &[]);
    assert_finds("セットにはジャイアンとスネ夫が入っています。", &[]);
    assert_finds(
        "Kevin from our salon team will call you back.",
        &[("Kevin", Person)],
    );
    // Films by their year, elders by what the family calls them, a sign-off's word.
    assert_finds("- *Captain Phillips* (2013), Tue 25 June", &[]);
    assert_finds("FILM      Annie Hall (1977) – 4K restoration", &[]);
    assert_finds(
        "**Deceased:** Florence Adeyemi-Clarke (1938–2025)",
        &[("Florence Adeyemi-Clarke", Person)],
    );
    assert_finds("Nana can add her own notes in the app.", &[]);
    assert_finds(
        "To Grandad Wilfred, 80 years young!\nLove, Hattie",
        &[("Wilfred", Person), ("Hattie", Person)],
    );
    // A station after its city.
    assert_finds(
        "Our 10:00 from King's Cross to Edinburgh Waverley follows the same route.",
        &[],
    );
    // Sitters and heads of a class as cues.
    assert_finds("シッターの森本がお伺いします。", &[("森本", Person)]);
    assert_finds("教室長の岩崎に共有いたしました。", &[("岩崎", Person)]);
    assert_finds("冷蔵庫に貼っておくと、シッターが安心です。", &[]);
    // A listed family name and a given name in katakana after a space.
    assert_finds(
        "拾った真壁 ゆり子さんが届けてくれました。",
        &[("真壁 ゆり子", Person)],
    );
    assert_finds("田中 いつも子供たちがお世話になっております。", &[]);
    assert_finds("- 支配人：森田 ラファエル", &[("森田 ラファエル", Person)]);
    assert_finds(
        "| 岡部 ベアトリス | okabe.b@keijiban.example.jp |",
        &[
            ("岡部 ベアトリス", Person),
            ("okabe.b@keijiban.example.jp", Email),
        ],
    );
    assert_finds(
        "担当：田中 カウンター前でお待ちください",
        &[("田中", Person)],
    );
    // A team's name in brackets after チーム; a pet with its animal in brackets.
    assert_finds("記録はチーム「ハリーの手錠軍団」が達成しました。", &[]);
    assert_finds("**名前：** モモ（柴犬・メス・赤毛）", &[]);
    assert_finds("- **源内のからくり屋敷**：仕掛けを解く部屋です。", &[]);
    // A company after its legal form; a word that goes on in kana.
    assert_finds(
        "職員は「鈴木ケアサービス」のロゴ入り名札をつけています。",
        &[],
    );
    assert_finds("- 『椿三十郎』（1962年）", &[]);
    assert_finds("- **余韻：** 長く、ドライ", &[]);
    assert_finds("「杜氏さんのお話がとても面白く」", &[]);
    assert_finds("- 出演：田中くん", &[("田中", Person)]);
    assert_finds(
        "この度は株式会社ブライトウェル様の社員研修として承ります。",
        &[],
    );
    assert_finds(
        "> 北央保険サービス株式会社 村上 拓也 宛",
        &[("村上 拓也", Person)],
    );
    assert_finds("- **講座：**着付け 自装入門 第3回", &[]);
    // Namesakes: whom a thing is named after, and historical figures.
    assert_finds(
        "Fun fact: the design is named after Henry F. Phillips, who popularised it.",
        &[],
    );
    assert_finds(
        "The units honour Henri Becquerel, Marie Curie and Rolf Sievert.",
        &[],
    );
    assert_finds(
        "Ask for Rolf Sievert on the trade counter.",
        &[("Rolf Sievert", Person)],
    );
    assert_finds("宗旦好みは千宗旦が好んだ意匠です。", &[]);
    assert_finds("- **明治時代：**小原雲心が小原流を広めました。", &[]);
    // One's own days are no era.
    assert_finds(
        "- **学生時代：** 田中先生にお世話になりました。",
        &[("田中", Person)],
    );
    assert_finds("- 30年：吉田 昌子（経理部）", &[("吉田 昌子", Person)]);
    // Titles in italics, which folding reads without their marks.
    assert_finds(
        "Tickets are for *Dear Evan Hansen* on 2 March, 7:30 PM.",
        &[],
    );
    assert_finds("Yes, *Marie & Jacques* is the name of the 2025 tour.", &[]);
    assert_finds(
        "The encore closes with *Goodbye, Mr. Hollis*, from their debut.",
        &[],
    );
    // A name alone in italics, or after what one writes to reach someone, is someone.
    assert_finds(
        "The booking is under the name *Fiona McAllister*, Row K.",
        &[("Fiona McAllister", Person)],
    );
    assert_finds(
        "Mark the envelope *FAO Gareth Llewellyn, HR*.",
        &[("Gareth Llewellyn", Person)],
    );
    assert_finds("Thanks again! *Best, Tanya*", &[("Tanya", Person)]);
    assert_finds(
        "\"Reserved for Chloe & James\" is on the card.",
        &[("Chloe", Person), ("James", Person)],
    );
    assert_finds(
        "The Frida Kahlo and Diego Rivera retrospective opens on May 3.",
        &[],
    );
    // A doctor's clinic in the possessive is still the doctor's.
    assert_finds(
        "Dr Nguyen's Thursday clinic is fully booked.",
        &[("Nguyen", Person)],
    );
    assert_finds(
        "Got it, Jess — we'll hold the last two sponges for you.",
        &[("Jess", Person)],
    );
    assert_finds("夏目漱石ルームは最大8名様までご利用いただけます。", &[]);
    assert_finds("「坂本龍馬」という地酒を仕入れました。", &[]);
    assert_finds(
        "宮沢賢治の「注文の多い料理店」をテーマにしたコースです。",
        &[],
    );
    assert_finds(
        "「葛飾北斎と歌川広重　浮世絵の風景」展のチケットです。",
        &[],
    );
    assert_finds(
        "京都駅八条口から嵐山行きのバスは毎時00分に発車します。",
        &[],
    );
    assert_finds(
        "ヴァイオリンの小林 千尋さんとピアノのアンナ・コヴァレンコさんです。",
        &[("小林 千尋", Person), ("アンナ・コヴァレンコ", Person)],
    );
}

#[test]
fn japanese_given_names_after_roles_and_bare_postal_codes_are_found() {
    assert_finds("本日のバリスタは蓮です。", &[("蓮", Person)]);
    assert_finds("受付は左です。", &[]);
    assert_finds(
        "本日のシェフ大輔のおすすめは、鯛のカルパッチョです。",
        &[("大輔", Person)],
    );
    assert_finds(
        "家庭教師の中島 拓海が、毎週土曜日に伺います。",
        &[("中島 拓海", Person)],
    );
    assert_finds(
        "ご登録の郵便番号は0600042です。",
        &[("0600042", PostalCode)],
    );
}

#[test]
fn pets_bots_events_and_times_are_left_alone() {
    assert_finds(
        "齋藤 千尋様のワンちゃん（モモちゃん）の接種は完了しております。",
        &[("齋藤 千尋", Person)],
    );
    assert_finds("私はAIアシスタントの「ミライ」です。", &[]);
    assert_finds(
        "本チャットボット「ひかりちゃん」はAIによる自動応答です。",
        &[],
    );
    assert_finds(
        "佐々木 悠真様、ジムの入会手続きが完了しました。",
        &[("佐々木 悠真", Person)],
    );
    assert_finds("源氏物語ミュージアムまでは、宇治駅から徒歩15分です。", &[]);
    assert_finds("Dr. Seuss Read-Aloud Day is March 2.", &[]);
    assert_finds("Order 61-0038812 contains Levi's 501 jeans.", &[]);
    assert_finds("The Superior Court of California is closed on Monday.", &[]);
    assert_finds(
        "Call our Tokyo office at +81 3-5555-0123 (9:00–18:00 JST).",
        &[("+81 3-5555-0123", Phone)],
    );
    // Lists of things named like people stay things.
    assert_finds("Will, Hope and Grace are our three meeting rooms.", &[]);
}

#[test]
fn children_in_kana_double_barrelled_katakana_and_coordinated_names_are_found() {
    assert_finds(
        "ゆうとくん（8歳）用の浴衣もご用意しております。",
        &[("ゆうと", Person)],
    );
    assert_finds(
        "当日は通訳ボランティアのひなたちゃんがお手伝いします。",
        &[("ひなた", Person)],
    );
    assert_finds("あかちゃんのおむつ替えスペースがございます。", &[]);
    assert_finds(
        "シェフのジャン＝ピエール・ルノーが季節のコースをご用意いたします。",
        &[("ジャン＝ピエール・ルノー", Person)],
    );
    assert_finds(
        "Please confirm whether Grace and Tobias Lindqvist will need a cot.",
        &[("Grace", Person), ("Tobias Lindqvist", Person)],
    );
    assert_finds(
        "Vouchers can be collected from Wendy or Mark at the till.",
        &[("Wendy", Person), ("Mark", Person)],
    );
}

#[test]
fn names_before_a_role_and_unlisted_spaced_names_are_found_and_airports_left_alone() {
    assert_finds(
        "I've flagged this for Hope, our events coordinator, who'll reply.",
        &[("Hope", Person)],
    );
    assert_finds("Paris, the city of light, is lovely in May.", &[]);
    assert_finds("Flight JL 44 to Tokyo Haneda is showing a delay.", &[]);
    assert_finds(
        "茶道体験の講師は裏辻 宗和先生です。",
        &[("裏辻 宗和", Person)],
    );
}

#[test]
fn names_after_a_caller_s_opening_and_doctors_in_katakana_are_found() {
    assert_finds(
        "こちらKaitoです！明日のレッスンは8時集合です。",
        &[("Kaito", Person)],
    );
    assert_finds("こちらの本は取り寄せに1週間ほどかかります。", &[]);
    assert_finds(
        "通訳スタッフの王芳がご案内いたします。",
        &[("王芳", Person)],
    );
    assert_finds("建物はオーナーの所有であり、管理は当社です。", &[]);
    assert_finds(
        "アンネリーゼ・クレーガー博士が意見書を作成します。",
        &[("アンネリーゼ・クレーガー", Person)],
    );
    assert_finds(
        "Send the photos and Mike will get back to you within a day.",
        &[("Mike", Person)],
    );
    assert_finds(
        "Quote your booking — Olivia on the night shift will sort it out.",
        &[("Olivia", Person)],
    );
}

#[test]
fn titles_of_other_languages_and_romaji_before_a_japanese_honorific_are_found() {
    assert_finds(
        "Hello! Señora Rodriguez has confirmed your son's Spanish tutoring.",
        &[("Rodriguez", Person)],
    );
    assert_finds(
        "For urgent matters contact Sensei Nakamura at 090-1234-5678.",
        &[("Nakamura", Person), ("090-1234-5678", Phone)],
    );
    assert_finds("The group visits Madame Tussauds after lunch.", &[]);
    assert_finds(
        "Yamamoto様のご予約は、７月３日（水）１５時で承りました。",
        &[("Yamamoto", Person)],
    );
    assert_finds(
        "Good news, Tom — your dentures are back from the lab!",
        &[("Tom", Person)],
    );
    assert_finds("Good news, Paris is sunny — your tour is on.", &[]);
    assert_finds(
        "Questions can go to our nutritionist, Chloe, at the front desk.",
        &[("Chloe", Person)],
    );
}

#[test]
fn wards_halls_and_rooms_named_after_people_are_left_alone() {
    assert_finds("The Darwin Ward is for post-surgical recovery.", &[]);
    assert_finds("Patients on Darwin Ward can have visitors.", &[]);
    assert_finds("Sarah Ward will see you at 3.", &[("Sarah Ward", Person)]);
    assert_finds("ベートーヴェン・ホールでの発表会は３月２０日です。", &[]);
    assert_finds(
        "夏目漱石ゆかりの「漱石の間」は、館内で最も人気のお部屋です。",
        &[],
    );
    assert_finds("宮本武蔵にちなんだ「武蔵の間」は二間続きの和室です。", &[]);
}

#[test]
fn japanese_names_after_a_staff_role_or_before_a_phone_number_are_found() {
    assert_finds(
        "予約の変更は岡田まで、0422-55-8899にてお受けします。",
        &[("岡田", Person), ("0422-55-8899", Phone)],
    );
    assert_finds(
        "東京駅まで、03-1234-5678にお電話ください。",
        &[("03-1234-5678", Phone)],
    );
    assert_finds(
        "キャンセル待ちは村上までお申し付けください。",
        &[("村上", Person)],
    );
    assert_finds(
        "動物看護師の愛が、お散歩後の体重測定を行います。",
        &[("愛", Person)],
    );
    assert_finds("担当の方がご案内します。", &[]);
    assert_finds(
        "作業員の鈴木から当日朝にお電話いたします。",
        &[("鈴木", Person)],
    );
}

#[test]
fn a_uk_house_number_and_street_without_a_street_word_before_the_town_is_an_address() {
    assert_finds(
        "The driving school office is at 18 Kingsway, Manchester M19 2LL, opposite the library.",
        &[
            ("18 Kingsway, Manchester", Address),
            ("M19 2LL", PostalCode),
        ],
    );
    assert_finds(
        "Send the deposit cheque to Melody Lane Music, 55 High Street, Cambridge CB2 1LA.",
        &[
            ("55 High Street, Cambridge", Address),
            ("CB2 1LA", PostalCode),
        ],
    );
}

#[test]
fn names_in_capitals_before_an_honorific_and_after_a_deed_are_found() {
    assert_finds(
        "TANAKA HIROSHI様、ご予約ありがとうございます。",
        &[("TANAKA HIROSHI", Person)],
    );
    assert_finds(
        "TANAKA様、お荷物の搬入が完了いたしました。",
        &[("TANAKA", Person)],
    );
    assert_finds("NOTE様式をご利用ください。", &[]);
    assert_finds(
        "Your nails were done by Thuy last time; shall I book you in with her again?",
        &[("Thuy", Person)],
    );
    assert_finds("The logo was done by Pentagram in 2019.", &[]);
    assert_finds(
        "Thank you to Yusuf and the whole housekeeping team!",
        &[("Yusuf", Person)],
    );
    assert_finds(
        "Noted — I'll tell Hamid to bring the wardrobe boxes.",
        &[("Hamid", Person)],
    );
}

#[test]
fn caller_ids_flats_before_a_building_wings_and_glued_labels_are_read_right() {
    assert_finds(
        "Caller ID shows 0161 496 0785 — that's our surveyor, so do pick up.",
        &[("0161 496 0785", Phone)],
    );
    assert_finds("Your member ID 0161 496 0785 is active.", &[]);
    assert_finds(
        "Our Dublin branch: 14 Camden Row, Dublin 8, Eircode D08 K2C7.",
        &[
            ("14 Camden Row, Dublin 8", Address),
            ("D08 K2C7", PostalCode),
        ],
    );
    assert_finds(
        "The tenancy at Flat 9, Regent Court, 140 Bath Road, Slough can start on the 1st.",
        &[("Flat 9, Regent Court, 140 Bath Road, Slough", Address)],
    );
    assert_finds(
        "郵便番号〒812-0011と住所福岡市博多区博多駅前二丁目１番１号を確認しました。",
        &[
            ("〒812-0011", PostalCode),
            ("福岡市博多区博多駅前二丁目１番１号", Address),
        ],
    );
    assert_finds(
        "お届け先は東京都港区六本木６丁目１０－１ 六本木ヒルズレジデンスB棟１２０２です。",
        &[(
            "東京都港区六本木６丁目１０－１ 六本木ヒルズレジデンスB棟１２０２",
            Address,
        )],
    );
}

#[test]
fn roles_as_titles_self_introductions_and_romaji_in_capitals_are_found() {
    assert_finds(
        "We'll pass your kind words on to Coach Dunn.",
        &[("Dunn", Person)],
    );
    assert_finds("Coach Parking is behind the stadium.", &[]);
    assert_finds(
        "The referee for Sunday's match is Peter Lindqvist; disputes go to the office.",
        &[("Peter Lindqvist", Person)],
    );
    assert_finds(
        "Hi there! Lena here, your yoga instructor — class moves to Studio B tonight.",
        &[("Lena", Person)],
    );
    assert_finds(
        "パスポートと同じ「YUKI TANAKA」でよろしいでしょうか？",
        &[("YUKI TANAKA", Person)],
    );
    assert_finds("OUR TOKYO OSAKA ROUTE RUNS DAILY.", &[]);
    assert_finds(
        "公正証書の正本は、前田公証人から直接お渡しします。",
        &[("前田", Person)],
    );
}

#[test]
fn courts_named_after_players_and_lessons_after_a_coach_are_left_alone() {
    assert_finds("The Serena Williams Court is closed for resurfacing.", &[]);
    assert_finds(
        "清水コーチのテニスレッスンは、雨天の場合インドアコートで実施します。",
        &[("清水", Person)],
    );
}

#[test]
fn kana_family_names_after_a_role_initials_and_numbers_glued_to_their_label_are_found() {
    assert_finds(
        "お花のお届けは、スタッフのたかはしが明日伺います。",
        &[("たかはし", Person)],
    );
    assert_finds("パピー教室の講師はまるやまです。", &[("まるやま", Person)]);
    assert_finds("スタッフのほうがご案内します。", &[]);
    assert_finds(
        "営業時間外は、店主の真由美の携帯070-5555-0198までご連絡ください。",
        &[("真由美", Person), ("070-5555-0198", Phone)],
    );
    assert_finds(
        "申込書はＦＡＸ０３－３４５６－７８９０へお送りください。",
        &[("０３－３４５６－７８９０", Phone)],
    );
    assert_finds("HOTEL0312345678", &[]);
    assert_finds(
        "Yes, Rosie at our Bath shop is a qualified dog groomer.",
        &[("Rosie", Person)],
    );
    assert_finds(
        "住所変更のお届け（150-0002 渋谷区渋谷３－１２－８）を承りました。",
        &[
            ("150-0002", PostalCode),
            ("渋谷区渋谷３－１２－８", Address),
        ],
    );
    assert_finds("品番150-0002の区間です。", &[]);
    assert_finds(
        "Your flowers were signed for at 11:42 by K. Morrison at the reception desk.",
        &[("K. Morrison", Person)],
    );
    assert_finds(
        "夏目漱石フェアの特製トートバッグは、お一人様2点までです。",
        &[],
    );
    assert_finds(
        "ハリー・ポッターの杖型ペンセットは、お一人様2点までです。",
        &[],
    );
}

#[test]
fn names_before_their_own_email_trades_and_self_introductions_are_found() {
    // The dot inside the address does not end the sentence the name is read in.
    assert_finds(
        "Send the reading to Brian at brian.o@sparkright.ie before 5pm.",
        &[("Brian", Person), ("brian.o@sparkright.ie", Email)],
    );
    assert_finds(
        "The locksmith, Ray, says your new lock is fitted.",
        &[("Ray", Person)],
    );
    assert_finds(
        "Ngozi at the travel agency will email your tickets today.",
        &[("Ngozi", Person)],
    );
    assert_finds("Meet us in Paris at the office.", &[]);
    assert_finds(
        "Have a great weekend, Sophie! Our sale ends on Sunday.",
        &[("Sophie", Person)],
    );
    assert_finds(
        "Ahmed here from Clearflow Drains — we found tree roots.",
        &[("Ahmed", Person)],
    );
    assert_finds(
        "Claims are marked for the attention of Jon.",
        &[("Jon", Person)],
    );
    // Two surnames joined by "&" name a firm or a game, unless they act.
    assert_finds("We fit genuine Briggs & Stratton parts.", &[]);
    assert_finds(
        "Chloe & James will greet you.",
        &[("Chloe", Person), ("James", Person)],
    );
    assert_finds(
        "水道修理の田村です。折り返しご連絡いたします。",
        &[("田村", Person)],
    );
    assert_finds("大工の木村が明日伺います。", &[("木村", Person)]);
    assert_finds("行き先は長野の松本です。", &[]);
    assert_finds(
        "Kim Min-jun様、仁川からの便の到着後にお迎えします。",
        &[("Kim Min-jun", Person)],
    );
    assert_finds("レンタカーはトヨタ・ヤリスをご用意しております。", &[]);
    assert_finds("ジョン・レノンゆかりのスポットを巡ります。", &[]);
}

#[test]
fn japanese_lots_without_a_block_wings_and_kanji_blocks_are_addresses() {
    assert_finds(
        "所在地は山梨県南都留郡富士河口湖町船津１２３４です。",
        &[("山梨県南都留郡富士河口湖町船津１２３４", Address)],
    );
    assert_finds("東京都渋谷区の2店舗で販売中です。", &[]);
    assert_finds("港区3名様でご予約を承りました。", &[]);
    assert_finds(
        "送付先は東京都千代田区丸の内１－９－２ 丸の内テラス南館１８階です。",
        &[(
            "東京都千代田区丸の内１－９－２ 丸の内テラス南館１８階",
            Address,
        )],
    );
    assert_finds(
        "静岡県静岡市葵区追手町九番六号 コーポ追手二〇三号室へ郵送します。",
        &[(
            "静岡県静岡市葵区追手町九番六号 コーポ追手二〇三号室",
            Address,
        )],
    );
}

#[test]
fn names_in_brackets_after_a_number_and_before_an_address_are_found_firms_are_not() {
    assert_finds(
        "国際電話は+81 90 2468 1357（Lee）までどうぞ。",
        &[("+81 90 2468 1357", Phone), ("Lee", Person)],
    );
    assert_finds(
        "Call 0161 496 0753 (Mon) for help.",
        &[("0161 496 0753", Phone)],
    );
    assert_finds(
        "Mail the keys to R. Singh, 3021 Maple Drive, Columbus, OH 43215.",
        &[
            ("R. Singh", Person),
            ("3021 Maple Drive, Columbus, OH", Address),
            ("43215", PostalCode),
        ],
    );
    assert_finds(
        "I've passed your details to Olivia; she'll phone you later.",
        &[("Olivia", Person)],
    );
    assert_finds(
        "Bookings for the Dublin area go to dublin@fixitcrew.ie.",
        &[("dublin@fixitcrew.ie", Email)],
    );
    assert_finds(
        "Claims are handled by our partner, Aviva, under ref 77120-AV.",
        &[],
    );
    assert_finds(
        "The \"Frank Lloyd Wright\" package includes oak shelving.",
        &[],
    );
    assert_finds("Sorry, Marriott Bonvoy points can't be redeemed here!", &[]);
    assert_finds(
        "The van will park outside 5 Station Approach, Woking.",
        &[("5 Station Approach, Woking", Address)],
    );
}

#[test]
fn a_name_found_once_is_found_again_alone_but_not_in_what_is_named_after_it() {
    assert_finds(
        "Should the card be addressed to Dr Emily Hartmann or just Emily?",
        &[("Emily Hartmann", Person), ("Emily", Person)],
    );
    assert_finds(
        "Our founder Ben Hartley opened Ben's Bikes in 1998.",
        &[("Ben Hartley", Person)],
    );
    assert_finds(
        "Classes are taught by Joy Nakamura, not our Joy of Painting series!",
        &[("Joy Nakamura", Person)],
    );
}

#[test]
fn escalations_departments_closing_vocatives_and_addressees_after_an_address_are_read_right() {
    assert_finds(
        "Case 55-10293 has been escalated to Marta, and you will hear back soon.",
        &[("Marta", Person)],
    );
    assert_finds(
        "Beatriz in accounts confirmed the charge has been reversed.",
        &[("Beatriz", Person)],
    );
    assert_finds(
        "I've scheduled a callback for 3:15pm tomorrow, Oliver.",
        &[("Oliver", Person)],
    );
    assert_finds(
        "The customer on the booking, Ahmed, can collect the laptop.",
        &[("Ahmed", Person)],
    );
    assert_finds(
        "Greetings, Olumide! Your reduction is approved.",
        &[("Olumide", Person)],
    );
    assert_finds(
        "Hannah — your appointment is confirmed.",
        &[("Hannah", Person)],
    );
    // A number after "on" must be long enough to be a phone's.
    assert_finds("The range is printed in Milan on 120 gsm paper.", &[]);
    assert_finds(
        "Your package is held at the post office, collection code 482-913; they can be reached on 020 7946 0958.",
        &[("020 7946 0958", Phone)],
    );
    assert_finds(
        "Your gift will be sent to 73 Harbour View, Flat 2, Brighton on Friday.",
        &[("73 Harbour View, Flat 2, Brighton", Address)],
    );
    assert_finds(
        "ご返送先：北海道札幌市北区北六条西六丁目１番地　物流センター宛て",
        &[("北海道札幌市北区北六条西六丁目１番地", Address)],
    );
    assert_finds(
        "沖縄県那覇市久茂地一丁目七番一号 那覇オフィス二〇五号室宛てに発送済みです。",
        &[(
            "沖縄県那覇市久茂地一丁目七番一号 那覇オフィス二〇五号室",
            Address,
        )],
    );
    assert_finds(
        "北海道札幌市中央区大通西5丁目11番地 大五ビル4Fにオフィスを移転しました。",
        &[("北海道札幌市中央区大通西5丁目11番地 大五ビル4F", Address)],
    );
    assert_finds(
        "新住所は長野県松本市中央一丁目１８番１号 コーポ中央２Ｃです。",
        &[("長野県松本市中央一丁目１８番１号 コーポ中央２Ｃ", Address)],
    );
    assert_finds(
        "配送先の郵便番号が1000005となっております。",
        &[("1000005", PostalCode)],
    );
    assert_finds(
        "当店スタッフの翼が、サイズ選びをお手伝いします。",
        &[("翼", Person)],
    );
    assert_finds(
        "ご指定の受取人木村 拓也様宛に送金しました。",
        &[("木村 拓也", Person)],
    );
    assert_finds("坂本龍馬の記念切手シートは完売しました。", &[]);
    assert_finds("夏目漱石デザインのブックカバーを販売中です。", &[]);
    assert_finds("SKU: LBL-500-A（宛名ラベル500枚）は明日入荷です。", &[]);
}

#[test]
fn staff_cards_titles_before_the_addressee_mark_and_car_models_are_read_right() {
    assert_finds(
        "担当者：渡辺　直通：052-961-3307",
        &[("渡辺", Person), ("052-961-3307", Phone)],
    );
    assert_finds(
        "藤田部長宛ての請求書をお送りください。",
        &[("藤田", Person)],
    );
    assert_finds("お見積りは前田宛てにお送りください。", &[("前田", Person)]);
    assert_finds("ご指名の運転手伊藤は本日非番です。", &[("伊藤", Person)]);
    assert_finds(
        "ご質問はエミリーまでお気軽にどうぞ。",
        &[("エミリー", Person)],
    );
    assert_finds(
        "住所は東京都千代田区外神田三丁目一〇番七号です。",
        &[("東京都千代田区外神田三丁目一〇番七号", Address)],
    );
    assert_finds(
        "Siobhan left a note that your saddle was swapped.",
        &[("Siobhan", Person)],
    );
    assert_finds("The Ferrari Roma on the forecourt has a full history.", &[]);
    assert_finds("Your deposit has been received for the Kia Niro.", &[]);
}

#[test]
fn temples_shops_by_their_wares_the_late_and_venues_of_the_business_are_read_right() {
    assert_finds(
        "故高橋 正男様の告別式は明日執り行います。",
        &[("高橋 正男", Person)],
    );
    assert_finds(
        "ご住職の岡田 宗円師が読経を担当されます。",
        &[("岡田 宗円", Person)],
    );
    assert_finds("神主の加藤が準備に伺います。", &[("加藤", Person)]);
    assert_finds(
        "魚屋の松本が、おすすめはカツオだと申しております。",
        &[("松本", Person)],
    );
    assert_finds("午後３時以降は本殿前での撮影が可能です。", &[]);
    assert_finds(
        "I'm sorry your salmon arrived warm, Rachel; we'll refund it today.",
        &[("Rachel", Person)],
    );
    assert_finds(
        "Lucy from dispatch will phone you once the van leaves.",
        &[("Lucy", Person)],
    );
    // A name that is also a word, from a department: "Will from customer services".
    assert_finds(
        "Will from customer services has your refund.",
        &[("Will", Person)],
    );
    assert_finds(
        "Reservations for the Elvis Presley-themed night are open.",
        &[],
    );
    assert_finds("Our Victorian Hall can be split into two rooms.", &[]);
    assert_finds(
        "We will drop the box at 9 Mill Cottages, Hexham on Wednesday.",
        &[("9 Mill Cottages, Hexham", Address)],
    );
}

#[test]
fn care_roles_labels_before_a_number_and_venue_titles_are_read_right() {
    assert_finds(
        "The carer assigned to your grandmother is Precious.",
        &[("Precious", Person)],
    );
    assert_finds(
        "Our senior carer, Grace Mbeki, will lead the coffee morning.",
        &[("Grace Mbeki", Person)],
    );
    assert_finds("Please copy in Jake on the contract.", &[("Jake", Person)]);
    assert_finds(
        "Sam at our ticket desk has your tickets.",
        &[("Sam", Person)],
    );
    assert_finds("相談員の石井に引き継ぎました。", &[("石井", Person)]);
    assert_finds("藤原館長の講演会は３月に開催します。", &[("藤原", Person)]);
    // A state's abbreviation after a lower-case word is a label.
    assert_finds("Your show (event ID 40021) will be refunded.", &[]);
    assert_finds(
        "Ship it to 12 Main Street, Boise, ID 83702 today.",
        &[
            ("12 Main Street, Boise, ID", Address),
            ("83702", PostalCode),
        ],
    );
}

#[test]
fn markdown_emphasis_tables_and_lists_are_read_through() {
    // Emphasis marks are dropped before detection, and spans keep out of them.
    assert_finds(
        "## Physios\n\n1. **James Whitby** – sports\n2. **Ravi** – rehab, Saturdays",
        &[("James Whitby", Person), ("Ravi", Person)],
    );
    assert_finds("フィールド担当の**松田**が伺います。", &[("松田", Person)]);
    assert_finds("今週の管理人は**ゆうき**さんです。", &[("ゆうき", Person)]);
    assert_finds(
        "- **担当：** 大塚\n- **電話：** 048-555-0418",
        &[("大塚", Person), ("048-555-0418", Phone)],
    );
    assert_finds(
        "**Instructor:** Dimitra Kouris **Room:** 3B",
        &[("Dimitra Kouris", Person)],
    );
    // A name alone in a cell of a column whose header names people, however far
    // above; not in another column, nor in a table of rooms.
    let hosts = "Who is on:\n\n| Time | Host | Room |\n|---|---|---|\n\
        | 10:00 | Luke Harrington | Library |\n| 12:00 | Beatriz | Garden |\n\
        | 14:00 | Rob | Grace |\n";
    assert_finds(
        hosts,
        &[
            ("Luke Harrington", Person),
            ("Beatriz", Person),
            ("Rob", Person),
        ],
    );
    assert_finds("| Room | Floor |\n|---|---|\n| Grace | 2 |\n", &[]);
    assert_finds(
        "| 店舗 | 店長 |\n|---|---|\n| 福岡店 | 木村 |\n| 横浜店 | 中村ゆい |\n",
        &[("木村", Person), ("中村ゆい", Person)],
    );
    // A family name alone in a table's cell, before a cell that holds a role.
    assert_finds("| 吉田 | 請求担当 | 212 |", &[("吉田", Person)]);
    assert_finds("| 本館 | 受付 | 1F |", &[]);
    // Emphasised words are words: "My" opens no name, in emphasis or out of it.
    assert_finds("Track it in the app under *My Requests*.", &[]);
    assert_finds(
        "We only list homes with **Meadowbank Lettings** or *Hope Springs* Realty.",
        &[],
    );
    // Words set apart by emphasis are not joined into a name once the marks are gone.
    assert_finds(
        "Our **April** and **May** Cherry Blossom tours depart soon.",
        &[],
    );
    assert_finds("- **車両：** 白のアルファード", &[]);
    // A firm before 様 is no one, bold or not.
    assert_finds("**本田モータース**様のベンダーポータルです。", &[]);
    assert_finds("Bathrooms are stocked with *Grace Lounge* towels.", &[]);
    // A table runs on without a quiet unit: each row is a piece of its own, so the
    // second row's phone number is not cut in two.
    let table = "| Clinic | Address | Phone |\n|---|---|---|\n\
        | Northside Animal ER | 455 Elm Ave, Portland, OR 97214 | (503) 555-0110 |\n\
        | Paws & Claws 24/7 | 19 Burnside Rd, Gresham, OR 97030 | (503) 555-0166 |\n";
    let phones: Vec<String> = found(table)
        .into_iter()
        .filter(|(_, l)| *l == Phone)
        .map(|(t, _)| t)
        .collect();
    assert_eq!(phones, ["(503) 555-0110", "(503) 555-0166"]);
}

#[test]
fn doctors_returns_and_requests_to_a_family_name_are_read_right() {
    assert_finds(
        "本件はシニアエンジニアの田中博士にエスカレーションしました。",
        &[("田中", Person)],
    );
    assert_finds("鍵は天王寺店の前田へご返却ください。", &[("前田", Person)]);
    assert_finds(
        "法人営業部の渡辺までお願いいたします。",
        &[("渡辺", Person)],
    );
    assert_finds("ご回答は明日までお願いいたします。", &[]);
    assert_finds("博士課程の学生向けの奨学金です。", &[]);
    assert_finds("多くの企業様にご利用いただいています。", &[]);
}

#[test]
fn salon_and_kitchen_roles_passages_and_shops_by_their_wares_are_read_right() {
    assert_finds(
        "Our senior barber, **Tony**, is the one to ask.",
        &[("Tony", Person)],
    );
    assert_finds("The barber shop opens at 9.", &[]);
    assert_finds(
        "Find us at 14 Camden Passage, London N1 8EA.",
        &[
            ("14 Camden Passage, London", Address),
            ("N1 8EA", PostalCode),
        ],
    );
    assert_finds("田中シェフが毎朝市場で仕入れます。", &[("田中", Person)]);
    assert_finds("担当はカラーリストの小川です。", &[("小川", Person)]);
    assert_finds("果物は松本駅前の田中青果さんから仕入れています。", &[]);
    assert_finds("鈴木商店ツアーズ様との提携プランです。", &[]);
    assert_finds("Try our Frida Kahlo-inspired Mexican tasting menu.", &[]);
}

#[test]
fn rooms_counters_teams_and_labelled_numbers_in_lists_are_read_right() {
    assert_finds(
        "- **Amelia Foster**: Membership, +44 20 7946 0321",
        &[("Amelia Foster", Person), ("+44 20 7946 0321", Phone)],
    );
    assert_finds("Your membership no. 4471 2210 9983 is active.", &[]);
    assert_finds(
        "| Grace Whitfield | Customer Success Manager | 301 |",
        &[("Grace Whitfield", Person)],
    );
    assert_finds("Dinner is in The Grace Kelly Ballroom.", &[]);
    assert_finds(
        "| 氏名 | 担当 |\n|---|---|\n| ヤマダ タケシ | 会場装飾 |\n",
        &[("ヤマダ タケシ", Person)],
    );
    assert_finds(
        "| 氏名 | 担当 |\n|---|---|\n| カット メンズ | 550円 |\n",
        &[],
    );
    assert_finds("- **会議室：** 一葉（6名）", &[]);
    assert_finds("- **受付：** 一葉", &[("一葉", Person)]);
    assert_finds("担当のカスタマーサクセスをご案内します。", &[]);
    assert_finds("次回募集は9月1日開始です。", &[]);
}

#[test]
fn landmarks_models_hotels_and_seminars_named_after_people_are_no_one() {
    assert_finds("The tour visits the Liberty Bell at 10:00.", &[]);
    assert_finds(
        "Your driver is Liberty Bell, who meets you at 10:00.",
        &[("Liberty Bell", Person)],
    );
    assert_finds("- **Vehicle:** Mercedes V-Class (up to 7)", &[]);
    // A time after a label's colon is no contact number.
    assert_finds("- **Tuesday–Friday:** 9:00 AM – 7:30 PM", &[]);
    assert_finds(
        "- Rachel: 07700 900123",
        &[("Rachel", Person), ("07700 900123", Phone)],
    );
    assert_finds("2. Hotel Wilhelm Tell, Lucerne – 2 nights", &[]);
    assert_finds("セミナー「渋沢栄一に学ぶ事業承継」を開催します。", &[]);
    assert_finds("「夏目漱石と温泉」朗読会は図書室です。", &[]);
}

#[test]
fn a_part_of_a_name_found_earlier_in_the_reply_names_that_person_again() {
    // The first mention lies well before the second, outside the second piece's left
    // context: only what the driver carries can tie them.
    let table = "| Name | Title |\n|---|---|\n| Olivia Grant | CEO |\n| Tom Becker | Creative Director |\n\n";
    assert_finds(
        &format!("{table}Olivia built the agency in 2015 after a decade in advertising."),
        &[
            ("Olivia Grant", Person),
            ("Tom Becker", Person),
            ("Olivia", Person),
        ],
    );
    // Without the earlier name, the same sentence names no one.
    assert_finds(
        "Olivia built the agency in 2015 after a decade in advertising.",
        &[],
    );
    // A firm or a disease named after the person, a word, another name's part.
    assert_finds(
        "Please contact our agent, Fiona MacLeod, about the lease and the deposit. \
         The flat is let by MacLeod & Sons Lettings.",
        &[("Fiona MacLeod", Person)],
    );
    assert_finds(
        "Dr. Alan Parkinson runs our cardiology clinic on the second floor, which is \
         separate from the Parkinson's disease service.",
        &[("Alan Parkinson", Person)],
    );
    assert_finds(
        "社会保険労務士の長谷川 智子が2011年に開設しました。大学を卒業後、メーカーの人事部で\
         十五年勤務しました。長谷川は現在、労務相談を担当しています。",
        &[("長谷川 智子", Person), ("長谷川", Person)],
    );
    assert_finds("長谷川は現在、労務相談を担当しています。", &[]);
    // The same family name with another given name, and inside a word.
    assert_finds(
        "院長 小川 恵子、副院長 小川 亮、理学療法士 ホセ・ガルシアの3名体制で診療しております。\
         駐車場はホテル小川の裏です。",
        &[
            ("小川 恵子", Person),
            ("小川 亮", Person),
            ("ホセ・ガルシア", Person),
        ],
    );
}

#[test]
fn a_list_item_that_gives_a_role_after_a_dash_introduces_a_person() {
    assert_finds(
        "## The crew\n\n- **Dev** — owner and head mechanic.\n- **Pete** — fitting specialist, trained in Boulder\n",
        &[("Dev", Person), ("Pete", Person)],
    );
    assert_finds(
        "3. **Yolanda** — Office manager and notary",
        &[("Yolanda", Person)],
    );
    assert_finds(
        "- **近藤** — 介護福祉士。入居のご相談を担当しています。",
        &[("近藤", Person)],
    );
    // Things so listed have no role after the dash, or one that heads no phrase.
    assert_finds(
        "- **Monet Room** — Impressionist prints, permanent display",
        &[],
    );
    assert_finds("- **Paris** — our tour guide team", &[]);
    assert_finds("- **Bookkeeping** — from £95/month", &[]);
    assert_finds("- **Grace** — our bestselling blend, on sale", &[]);
    assert_finds("- **Grace** — head baker", &[("Grace", Person)]);
}

#[test]
fn a_japanese_name_before_a_mail_or_a_call_to_it_is_a_person() {
    assert_finds(
        "- [森田にメールする](mailto:morita@shortstay-aoi.jp)",
        &[("森田", Person), ("morita@shortstay-aoi.jp", Email)],
    );
    assert_finds(
        "- [本社にメールする](mailto:info@shortstay-aoi.jp)",
        &[("info@shortstay-aoi.jp", Email)],
    );
    assert_finds(
        "森田が不在の場合は、代わりの者が対応します。",
        &[("森田", Person)],
    );
    assert_finds(
        "ご相談は、佐藤までsato＠flower-miyabi.jpでどうぞ。",
        &[("佐藤", Person), ("sato＠flower-miyabi.jp", Email)],
    );
    assert_finds(
        "ご相談は、受付までinfo＠flower-miyabi.jpでどうぞ。",
        &[("info＠flower-miyabi.jp", Email)],
    );
    assert_finds("経理担当の真由美に申し伝えました。", &[("真由美", Person)]);
    assert_finds("経理担当の部署に申し伝えました。", &[]);
}

#[test]
fn capitalised_words_after_at_name_a_place_or_a_firm() {
    assert_finds(
        "Before joining us he worked for eight years at Kaiser Permanente.",
        &[],
    );
    assert_finds(
        "Our head chef trained at Le Cordon Bleu and cooked at Chez Panisse.",
        &[],
    );
    // A name before "at", or a title after it, is still a person's.
    assert_finds(
        "Please email Tom Baker at tom@example.com.",
        &[("Tom Baker", Person), ("tom@example.com", Email)],
    );
    assert_finds(
        "Your check-up is at Dr. Patel's clinic.",
        &[("Patel", Person)],
    );
}

#[test]
fn prizes_nights_bars_and_terraces_named_after_people_are_no_one() {
    assert_finds(
        "The **Ada Lovelace Coding Night** runs every second Tuesday.",
        &[],
    );
    assert_finds("- James Beard Award semifinalist, 2019", &[]);
    assert_finds(
        "- **Frida Kahlo Terrace** — summer café, June to September",
        &[],
    );
    assert_finds("- **The Churchill Bar:** open daily from 5 pm", &[]);
    assert_finds(
        "Ask for Ada Lovelace when you arrive.",
        &[("Ada Lovelace", Person)],
    );
}

#[test]
fn schools_firms_and_kinds_of_staff_that_read_as_japanese_names_are_no_one() {
    assert_finds("長谷川は一橋大学を卒業後、メーカーに勤務しました。", &[]);
    assert_finds("醸造責任者はボルドー大学で醸造学を学びました。", &[]);
    assert_finds("メンバーの多くは富士通、NTTデータなどの出身です。", &[]);
    assert_finds("連合会の研修講師も務めています。", &[]);
    assert_finds("現在の杜氏は南部杜氏の流れをくむ職人です。", &[]);
    // A name before a title, and a family name before 氏, still are.
    assert_finds("鈴木講師のクラスは満席です。", &[("鈴木", Person)]);
    assert_finds("担当は南部氏です。", &[("南部", Person)]);
}

#[test]
fn degrees_certifications_prizes_and_buildings_named_after_someone_are_no_one() {
    assert_finds("- **Certifications:** ATA-certified (JA→EN)", &[]);
    assert_finds(
        "Colin was named *Tradesperson of the Year* in 2020.",
        &[("Colin", Person)],
    );
    assert_finds("The gallery occupies a former Hudson Bay warehouse.", &[]);
    assert_finds(
        "- Fiona (Maths) — PhD, University of Edinburgh",
        &[("Fiona", Person)],
    );
    // A signature after a firm that follows "at" is still a name.
    assert_finds(
        "On behalf of everyone at Hartley & Finch Funeral Directors, Matteo Bianchi.",
        &[("Matteo Bianchi", Person)],
    );
}

#[test]
fn a_japanese_postal_code_in_english_follows_a_ward_in_romaji_or_the_word_a_sentence_before() {
    assert_finds(
        "Send it to 3-5-8 Nishiki, Naka-ku, Nagoya 460-0003.",
        &[
            ("3-5-8 Nishiki, Naka-ku, Nagoya", Address),
            ("460-0003", PostalCode),
        ],
    );
    assert_finds(
        "The postal code for deliveries is 111-0032.",
        &[("111-0032", PostalCode)],
    );
    assert_finds("Order number 460-0003 has shipped.", &[]);
    assert_finds("Your order for deliveries is 111-0032.", &[]);
}

#[test]
fn katakana_staff_roles_after_a_cue_are_no_one() {
    assert_finds("担当のケアマネジャーにご相談ください。", &[]);
    assert_finds("スタッフはフラワーデザイナー資格を持っています。", &[]);
    assert_finds("担当のマリアにご相談ください。", &[("マリア", Person)]);
}

#[test]
fn a_japanese_figure_in_the_title_of_an_event_is_no_one() {
    assert_finds("- **特別展：** 「手塚治虫の世界」9月1日まで", &[]);
    assert_finds(
        "夏休みには「野口英世こども科学教室」も予定しています。",
        &[],
    );
    assert_finds("| 宮沢賢治よみきかせ会 | 3月2日 | 図書コーナー |", &[]);
    // A teacher's class, and a name before its particle.
    assert_finds(
        "発表会の受付は林先生の教室で行っています。",
        &[("林", Person)],
    );
    assert_finds("「清水と申します。」", &[("清水", Person)]);
}

#[test]
fn a_form_s_number_is_no_phone_number() {
    assert_finds(
        "You need **Form 210-555-4471** (Household Income Declaration).",
        &[],
    );
    assert_finds(
        "Fax the signed form to +1 617-555-0143 today.",
        &[("+1 617-555-0143", Phone)],
    );
    assert_finds(
        "Our booking platform 0120-444-555 is free to call.",
        &[("0120-444-555", Phone)],
    );
}

#[test]
fn a_town_named_after_a_saint_ends_an_address() {
    assert_finds(
        "4120 Lindell Ave, Suite 210, St. Louis, MO 63108-2214",
        &[
            ("4120 Lindell Ave, Suite 210, St. Louis, MO", Address),
            ("63108-2214", PostalCode),
        ],
    );
    // A saint's day after an address is no part of it.
    assert_finds(
        "We're at 12 Main Street, Leeds. St. Patrick's Day is busy.",
        &[("12 Main Street, Leeds", Address)],
    );
}

#[test]
fn an_unlisted_or_a_full_name_filling_a_cell_of_people_is_a_person() {
    assert_finds(
        "| Instructor | Experience |\n|---|---|\n| Morwenna | 8 seasons, lifeguard |\n| Pilates | Mat classes |\n",
        &[("Morwenna", Person)],
    );
    assert_finds(
        "| Partner | Practice area |\n|---|---|\n| Sun-Hee Park | Immigration |\n| Ana Lopez | Estate Planning |\n",
        &[("Sun-Hee Park", Person), ("Ana Lopez", Person)],
    );
    // Not under a header of people.
    assert_finds(
        "| Area | Note |\n|---|---|\n| Morwenna | 8 seasons |\n",
        &[],
    );
}

#[test]
fn a_hiragana_given_name_filling_a_cell_of_people_is_a_person() {
    assert_finds(
        "| 曜日 | 担当 | 携帯 |\n|---|---|---|\n| 月 | ひかる | 090-1111-2222 |\n| 火 | めぐ | 080-3333-4444 |\n",
        &[
            ("ひかる", Person),
            ("090-1111-2222", Phone),
            ("めぐ", Person),
            ("080-3333-4444", Phone),
        ],
    );
    // Not a listed name, or not under a header of people.
    assert_finds("| 曜日 | 担当 |\n|---|---|\n| 月 | おやすみ |\n", &[]);
    assert_finds("| 曜日 | メニュー |\n|---|---|\n| 月 | ひかる |\n", &[]);
}

#[test]
fn a_phone_in_a_field_of_a_csv_row_is_found() {
    assert_finds(
        "name,phone\nSofia Marchetti,+39 06 5550 4412\nAhmed Karimi,+1 (905) 555-0119\n",
        &[
            ("Sofia Marchetti", Person),
            ("+39 06 5550 4412", Phone),
            ("Ahmed Karimi", Person),
            ("+1 (905) 555-0119", Phone),
        ],
    );
    assert_finds(
        "氏名,電話\n桜井 光,０９２－５５５－０１９０\n",
        &[("桜井 光", Person), ("０９２－５５５－０１９０", Phone)],
    );
    // A comma after a digit parts thousands.
    assert_finds("Total: 1,234,567,890 points", &[]);
}

#[test]
fn a_kanji_honorific_after_a_space_marks_the_name_before_it() {
    assert_finds(
        "| お名前 | 数量 |\n|---|---|\n| 松田 様 | 2箱 |\n",
        &[("松田", Person)],
    );
    assert_finds("松田 様にお届けします。", &[("松田", Person)]);
    // "様式" is a form, not a honorific.
    assert_finds("松田 様式の書類をご用意ください。", &[]);
}

#[test]
fn a_department_or_a_team_before_a_family_name_cues_a_person() {
    assert_finds(
        "受付で「人事部の佐藤と面接の約束がある」とお伝えください。",
        &[("佐藤", Person)],
    );
    assert_finds(
        "API チームの小川がログを監視しています。",
        &[("小川", Person)],
    );
    assert_finds("- **管理担当：** 総務部 菅原\n", &[("菅原", Person)]);
    assert_finds(
        "エクスポートの再生成が終わり次第、データチームの彩からご連絡します。",
        &[("彩", Person)],
    );
    // A department's own place or thing.
    assert_finds("人事部の松本出張所までお越しください。", &[]);
}

#[test]
fn a_title_after_a_family_name_in_its_run_marks_it() {
    assert_finds(
        "当日は岩崎師範による形の指導があります。",
        &[("岩崎", Person)],
    );
    assert_finds("小池監督が指揮を執ります。", &[("小池", Person)]);
}

#[test]
fn a_kana_given_name_ends_at_the_end_of_a_line_or_a_cell() {
    assert_finds(
        "- **面接官：** 人事課 中村 あかり\n- **場所：** 本社\n",
        &[("中村 あかり", Person)],
    );
    assert_finds(
        "| 担当 |\n|---|\n| 吉田 さくら |\n",
        &[("吉田 さくら", Person)],
    );
}

#[test]
fn a_role_before_a_first_name_is_a_title() {
    assert_finds(
        "Applications are reviewed by **Nurse Manager Grace Adeyemi**.",
        &[("Grace Adeyemi", Person)],
    );
    assert_finds(
        "[Call Farmer Dan](tel:+15035550199) today.",
        &[("Dan", Person), ("+15035550199", Phone)],
    );
    assert_finds(
        "Skipper Angus MacLeod brought in 40 kg.",
        &[("Angus MacLeod", Person)],
    );
    // Not before a word that is no first name.
    assert_finds("The Farmer Market opens at 9.", &[]);
    assert_finds("Our Manager Portal is live.", &[]);
}

#[test]
fn someone_on_a_team_is_a_person() {
    assert_finds(
        "Marco on our team processed it the same day.",
        &[("Marco", Person)],
    );
    assert_finds(
        "Tariq on the API team is watching the logs.",
        &[("Tariq", Person)],
    );
    // "On" a desk is no team.
    assert_finds("April on the calendar is busy.", &[]);
}

#[test]
fn a_word_joined_to_itself_names_a_firm() {
    assert_finds(
        "Two companies called **Johnson & Johnson** and **Johnson and Johnson**.",
        &[],
    );
    assert_finds("Ask Maria and Maria Lopez.", &[("Maria Lopez", Person)]);
}

#[test]
fn a_town_before_a_state_code_is_a_place() {
    assert_finds("Openings:\n- Portland, OR\n- Boise, ID\n", &[]);
    // "OK" after a comma is a question.
    assert_finds("Please call Maria, OK? She is in.", &[("Maria", Person)]);
}

#[test]
fn a_postal_code_under_a_key_of_structured_data_is_found() {
    assert_finds(
        "```yaml\nbilling:\n  postal_code: \"530-0001\"\n```",
        &[("530-0001", PostalCode)],
    );
    assert_finds(
        "```json\n{\"zip\": \"0600042\", \"order_id\": \"0600043\"}\n```",
        &[("0600042", PostalCode)],
    );
    assert_finds(
        "```csv\nname,address,zip\nCarl Vickery,\"88 Birch Hollow Rd, Dayton, OH\",45419\n```",
        &[
            ("Carl Vickery", Person),
            ("88 Birch Hollow Rd, Dayton, OH", Address),
            ("45419", PostalCode),
        ],
    );
}

#[test]
fn a_block_written_with_cho_alone_ends_a_japanese_address() {
    assert_finds(
        "住所：大阪府堺市西区築港新町3丁8番地",
        &[("大阪府堺市西区築港新町3丁8番地", Address)],
    );
    // "八丁堀" is a town's name, not a block.
    assert_finds(
        "広島県広島市中区八丁堀１５－１０ 八丁堀ＳＱビル９階",
        &[(
            "広島県広島市中区八丁堀１５－１０ 八丁堀ＳＱビル９階",
            Address,
        )],
    );
}

#[test]
fn a_title_after_a_space_marks_a_full_name() {
    assert_finds(
        "- **道場長：** 岩崎 宗一郎 師範（六段）",
        &[("岩崎 宗一郎", Person)],
    );
    // A word that is also a family name is none before an act.
    assert_finds("### 道場のご案内", &[]);
    assert_finds("- **日当：** 8,000円（交通費別途支給）", &[]);
}

#[test]
fn the_value_of_a_field_or_a_class_is_no_name() {
    assert_finds("- **ステータス：** 対応中\n- **優先度：** 高\n", &[]);
    assert_finds("- **担当：** パワーヨガ（水曜 19:00〜）", &[]);
    // A person in charge still is.
    assert_finds("- **担当：** ケイコ（水曜 19:00〜）", &[("ケイコ", Person)]);
}

#[test]
fn a_name_under_a_name_key_of_json_is_a_person() {
    assert_finds(
        "```json\n{\"id\": 1419, \"name\": \"ワタナベ ツバサ\", \"plan\": \"プレミアム プラン\"}\n```",
        &[("ワタナベ ツバサ", Person)],
    );
    // Not under another key.
    assert_finds("{\"product_name\": \"ワタナベ ツバサ\"}", &[]);
}

#[test]
fn a_family_name_in_bold_before_a_particle_acts() {
    assert_finds(
        "個人情報保護管理者の **石田** までご連絡ください。",
        &[("石田", Person)],
    );
}

#[test]
fn a_french_article_opens_a_place_not_a_name() {
    assert_finds("The restaurant Le Jardin is open until ten.", &[]);
    assert_finds("Your seats for \"Les Misérables\" are confirmed.", &[]);
    // A first name after "Le" is a Vietnamese name.
    assert_finds("Ask for Le Minh at the desk.", &[("Le Minh", Person)]);
}

#[test]
fn an_initial_and_a_listed_surname_are_a_person() {
    assert_finds(
        "We found a bag with the name tag *R. Singh* in the changing room.",
        &[("R. Singh", Person)],
    );
    // A firm after it, or the end of "B&B".
    assert_finds("Shop at J. Sainsbury Ltd today.", &[]);
    let bnb = found("Welcome to Briarwood B&B. Arthur cooks breakfast.");
    assert!(bnb.iter().all(|(s, _)| !s.starts_with("B.")), "{bnb:?}");
}

#[test]
fn a_csv_row_keeps_a_japanese_address_whole() {
    assert_finds(
        "```csv\n氏名,郵便番号,住所\n岡本 直樹,812-0011,\"福岡県福岡市博多区博多駅前3-2-8, 博多シティハイツ1104\"\n```",
        &[
            ("岡本 直樹", Person),
            ("812-0011", PostalCode),
            (
                "福岡県福岡市博多区博多駅前3-2-8, 博多シティハイツ1104",
                Address,
            ),
        ],
    );
    // A code of the same shape before no address is none.
    assert_finds("品番,在庫\n812-0011,\"12個\"\n", &[]);
}

#[test]
fn a_kana_given_name_ends_before_a_coach() {
    assert_finds(
        "3. マスターズ：加藤 ひろみコーチ\n",
        &[("加藤 ひろみ", Person)],
    );
}

#[test]
fn places_under_a_label_of_places_or_before_a_date_are_no_one() {
    assert_finds("行程：京都（3泊）、奈良（1泊）、吉野（1泊）。", &[]);
    assert_finds(
        "札幌・名古屋・福岡の3都市で開催します。\n\n- **名古屋：** 10月5日\n- **福岡：** 11月2日\n",
        &[],
    );
    // A person's contact after the colon still acts.
    assert_finds(
        "- **田中：** 080-1234-5678\n",
        &[("田中", Person), ("080-1234-5678", Phone)],
    );
    // A full name after a label.
    assert_finds("## 講師紹介：石川 遼子\n", &[("石川 遼子", Person)]);
}

#[test]
fn a_range_of_days_after_a_label_is_no_name() {
    assert_finds("- Performances: Thu–Sun, July 10 – August 3", &[]);
    assert_finds("Hours: Thu-Sun", &[]);
    assert_finds("Ask Sun-Hee Park.", &[("Sun-Hee Park", Person)]);
}

#[test]
fn a_family_name_after_a_role_in_brackets_or_before_the_addressee_mark_is_a_person() {
    assert_finds(
        "| 添乗員（岡田） | +81-90-5555-3381 |",
        &[("岡田", Person), ("+81-90-5555-3381", Phone)],
    );
    assert_finds(
        "経理担当（松本）宛てにご連絡ください。",
        &[("松本", Person)],
    );
    assert_finds("経理部井上宛てにお願いいたします。", &[("井上", Person)]);
    assert_finds(
        "採用担当青木宛に書類をお送りください。",
        &[("青木", Person)],
    );
    // A place in brackets after a desk.
    assert_finds("担当（東京）までお問い合わせください。", &[]);
}

#[test]
fn a_given_name_after_a_cue_may_end_before_made() {
    assert_finds(
        "オーナーの真理子までお知らせください。",
        &[("真理子", Person)],
    );
    assert_finds("管理人の翔太にお電話ください。", &[("翔太", Person)]);
}

#[test]
fn a_word_before_an_organisation_word_is_no_name() {
    assert_finds(
        "The dojo is located at:\n\n**Kaizen Karate Dojo**\n2140 Alder Street, Eugene, OR 97405",
        &[
            ("2140 Alder Street, Eugene, OR", Address),
            ("97405", PostalCode),
        ],
    );
    assert_finds("The school:\n\n**Kaizen Academy**\nOpen daily.", &[]);
    // A month that is a first name after a greeting is still one.
    assert_finds(
        "Hi April! Your box is out for delivery.",
        &[("April", Person)],
    );
}

#[test]
fn a_name_in_underscore_emphasis_is_read_as_one_in_asterisks() {
    assert_finds(
        "If you have trouble attaching the file, _Nurse Patel_ can help you at the desk.",
        &[("Patel", Person)],
    );
    // An underscore inside an address or an identifier still glues.
    assert_finds(
        "Write to john_Smith@example.com; the field user_Name is required.",
        &[("john_Smith@example.com", Email)],
    );
}

#[test]
fn a_listed_katakana_name_glued_to_its_role_is_a_person() {
    assert_finds(
        "初心者クラスはケンコーチが担当します。",
        &[("ケン", Person)],
    );
    // A word before the role.
    assert_finds("ヘッドコーチとパーソナルトレーナーが担当します。", &[]);
}

#[test]
fn half_width_katakana_is_read_as_full_width() {
    // A bank account's holder and a building, as older systems write them.
    assert_finds(
        "- 名義：ｽｽﾞｷ ﾊﾅｺ\n- お届け先：東京都新宿区西新宿1-2-3 ﾊﾟｰｸｻｲﾄﾞ201",
        &[
            ("ｽｽﾞｷ ﾊﾅｺ", Person),
            ("東京都新宿区西新宿1-2-3 ﾊﾟｰｸｻｲﾄﾞ201", Address),
        ],
    );
    // A company's account, and a common word.
    assert_finds("口座名義：ｶ)ﾔﾏﾀﾞｼｮｳﾃﾝ、ﾃｽﾄ ｻｰﾋﾞｽ中です。", &[]);
    // The half-width prolonged sound mark is still a hyphen between digits.
    assert_finds(
        "電話 ０３ｰ１２３４ｰ５６７８",
        &[("０３ｰ１２３４ｰ５６７８", Phone)],
    );
}

#[test]
fn a_family_name_that_is_also_a_word_joins_a_listed_given_name() {
    assert_finds(
        "スズキ イチロウ様、お待ちしております。",
        &[("スズキ イチロウ", Person)],
    );
    // The maker alone.
    assert_finds("スズキの軽自動車もございます。", &[]);
}

#[test]
fn a_katakana_family_and_given_name_is_a_person_as_bank_accounts_write_it() {
    assert_finds(
        "口座名義は `ｶﾄｳ ｹﾝ` です（全角なら「カトウ　ケン」）。",
        &[("ｶﾄｳ ｹﾝ", Person), ("カトウ　ケン", Person)],
    );
    assert_finds(
        "**ヤマモト ユウキ** 名義の口座へお願いいたします。",
        &[("ヤマモト ユウキ", Person)],
    );
    // A legal entity in katakana, and two words.
    assert_finds("名義：ｲｯﾊﾟﾝｻﾞｲﾀﾞﾝﾎｳｼﾞﾝ ｵﾝｶﾞｸｼﾝｺｳｶｲ", &[]);
    assert_finds("本日のランチ：ハヤシ ライスです。", &[]);
}

#[test]
fn a_kana_given_name_may_end_at_code_or_emphasis() {
    assert_finds("_書記：村上 あゆみ_", &[("村上 あゆみ", Person)]);
}

#[test]
fn an_associations_officers_are_named_before_their_titles() {
    assert_finds(
        "- 出席：松本理事長、森田副理事長、光井理事\n- 欠席：岡本理事",
        &[
            ("松本", Person),
            ("森田", Person),
            ("光井", Person),
            ("岡本", Person),
        ],
    );
    // The board itself, and an officer named by title alone.
    assert_finds(
        "第３回理事会の議事録です。副理事長が司会を務めました。",
        &[],
    );
}

#[test]
fn trading_names_street_types_and_trades_firms_are_no_names() {
    assert_finds(
        "Account name: Oliver Hartley t/a Hartley Joinery",
        &[("Oliver Hartley", Person)],
    );
    assert_finds("Overflow parking is on Maple Ave tonight.", &[]);
    assert_finds(
        "The regatta is sponsored by Wilson Marine and Johnson Outboards.",
        &[],
    );
    // A name after them still is one.
    assert_finds(
        "Parking is on Maple Ave, courtesy of Father Tom Reilly.",
        &[("Tom Reilly", Person)],
    );
}

#[test]
fn a_first_name_that_is_a_country_needs_a_second_signal() {
    assert_finds(
        "Our host contact in France is Lucien Marchand.",
        &[("Lucien Marchand", Person)],
    );
    assert_finds(
        "Call France Dupont at the desk.",
        &[("France Dupont", Person)],
    );
}

#[test]
fn m_before_a_full_name_is_the_french_title() {
    assert_finds(
        "Our contact in Lyon is M. Lucien Marchand.",
        &[("Lucien Marchand", Person)],
    );
    // An initial before a surname stays part of the name.
    assert_finds("Signed for by K. Morrison.", &[("K. Morrison", Person)]);
}

#[test]
fn a_uk_address_block_opens_at_its_line_and_may_end_above_its_postcode() {
    assert_finds(
        "Post cheques to our treasurer at:\n\nThe Old Rectory, Church Road, Little Shelford, Cambridge CB22 5HG",
        &[
            (
                "The Old Rectory, Church Road, Little Shelford, Cambridge",
                Address,
            ),
            ("CB22 5HG", PostalCode),
        ],
    );
    assert_finds(
        "**Kestrel Accounting**\nUnit 7, Riverside Business Park, 41 Mill Lane, Bristol\nBS3 4QT",
        &[
            (
                "Unit 7, Riverside Business Park, 41 Mill Lane, Bristol",
                Address,
            ),
            ("BS3 4QT", PostalCode),
        ],
    );
    // A Glasgow flat ("3/2") before the numbered street; a date after words is none.
    assert_finds(
        "3/2, 18 Hyndland Road, Glasgow G12 9UP",
        &[
            ("3/2, 18 Hyndland Road, Glasgow", Address),
            ("G12 9UP", PostalCode),
        ],
    );
    assert_finds(
        "Due on 3/2, 18 Hyndland Road, Glasgow G12 9UP",
        &[
            ("18 Hyndland Road, Glasgow", Address),
            ("G12 9UP", PostalCode),
        ],
    );
}

#[test]
fn a_names_reading_in_brackets_is_part_of_the_personal_data() {
    assert_finds(
        "- 担当：石井（いしい）",
        &[("石井", Person), ("いしい", Person)],
    );
    // A family and a given name read out vouch for a name no list holds, and the
    // reading is theirs too; a family name joined by a small katakana is whole.
    assert_finds(
        "土地家屋調査士の四十物 昇（あいもの のぼる）が伺います。",
        &[("四十物 昇", Person), ("あいもの のぼる", Person)],
    );
    assert_finds(
        "故 四月一日 灯（ワタヌキ アカリ）様のお別れ会",
        &[("四月一日 灯", Person), ("ワタヌキ アカリ", Person)],
    );
    assert_finds("担当弁護士は一ノ瀬 遥です。", &[("一ノ瀬 遥", Person)]);
    // Two words in brackets that are no reading.
    assert_finds("新宿 本店（しんじゅく ほんてん）", &[]);
    // A name in romaji, then in kanji.
    assert_finds(
        "- 退任：取締役 Haruto Sato（佐藤 陽翔）",
        &[("Haruto Sato", Person), ("佐藤 陽翔", Person)],
    );
    // A role or a duty in brackets.
    assert_finds(
        "- **担当：** 佐藤 美咲（ケアマネジャー）、加藤（受付）",
        &[("佐藤 美咲", Person), ("加藤", Person)],
    );
}

#[test]
fn a_japanese_address_keeps_a_warehouse_wing_as_its_building() {
    assert_finds(
        "返品先は埼玉県川口市領家五丁目14番20号 みどり倉庫B棟です。",
        &[("埼玉県川口市領家五丁目14番20号 みどり倉庫B棟", Address)],
    );
    // A warehouse without its wing is what the address holds, not part of it.
    assert_finds(
        "埼玉県川口市領家五丁目14番20号の倉庫から出荷します。",
        &[("埼玉県川口市領家五丁目14番20号", Address)],
    );
}

#[test]
fn a_family_name_between_a_department_and_a_spaced_addressee_mark_is_a_person() {
    assert_finds("- **宛先：** 通関部 石井 宛", &[("石井", Person)]);
    // A place before the mark.
    assert_finds("大阪 宛の荷物は本日発送します。", &[]);
}

#[test]
fn minutes_taken_by_and_good_catch_cue_a_first_name() {
    assert_finds("_Minutes taken by Pete._", &[("Pete", Person)]);
    assert_finds(
        "Good catch, Lena!\n\nThe date on your booking was wrong.",
        &[("Lena", Person)],
    );
    // A firm after a label.
    assert_finds("Mailing address: **Maple Leaf Landscaping**", &[]);
}

#[test]
fn a_katakana_name_takes_a_honorific_after_a_space() {
    assert_finds(
        "バディは **イ・ソヨン** さんです。",
        &[("イ・ソヨン", Person)],
    );
    assert_finds(
        "| グエン・ティ・ラン 先生 | 日本語支援 |",
        &[("グエン・ティ・ラン", Person)],
    );
    // A professor's office hours are no one's name.
    assert_finds("山田教授のオフィスアワーは月曜です。", &[("山田", Person)]);
}

#[test]
fn assistant_professors_are_named_before_their_title() {
    assert_finds(
        "演習は大野 翼助教が担当します。井上助教にご相談ください。",
        &[("大野 翼", Person), ("井上", Person)],
    );
}

#[test]
fn a_japanese_address_keeps_a_campus_hall_and_its_room() {
    assert_finds(
        "愛知県名古屋市千種区不老町五丁目4番 理学部E館 ３０２号室",
        &[(
            "愛知県名古屋市千種区不老町五丁目4番 理学部E館 ３０２号室",
            Address,
        )],
    );
    // A hall without a room is what the address holds, not part of it.
    assert_finds(
        "北海道札幌市北区北八条西五丁目の学務棟で受け付けます。",
        &[("北海道札幌市北区北八条西五丁目", Address)],
    );
}

#[test]
fn storms_car_models_and_garages_are_no_names() {
    assert_finds(
        "If your home was damaged by Storm Henk, your Ford Focus claim goes to Jackson Auto Body.",
        &[],
    );
    // A name after them still is one.
    assert_finds(
        "Your Ford Focus is ready; ask for Marco Ruiz at the desk.",
        &[("Marco Ruiz", Person)],
    );
}

#[test]
fn a_column_of_professors_holds_names() {
    assert_finds(
        "| Professor | Room |\n|---|---|\n| Okafor | Lavoisier Hall 2.14 |\n| Delgado-Ruiz | Curie Annex 105 |",
        &[("Okafor", Person), ("Delgado-Ruiz", Person)],
    );
}

#[test]
fn a_hall_with_a_room_number_is_a_building() {
    assert_finds("- **Room:** Keller Hall 412", &[]);
    assert_finds("Drop in at Pascal Hall (Room 204) any weekday.", &[]);
    // A name before a phone number is still one.
    assert_finds(
        "- Ann Hall 07700 900123",
        &[("Ann Hall", Person), ("07700 900123", Phone)],
    );
}

#[test]
fn an_address_may_open_with_a_room_written_short_or_with_a_dot() {
    assert_finds(
        "Rm 3021, 480 Campus Drive, Ithaca, NY 14853-2701",
        &[
            ("Rm 3021, 480 Campus Drive, Ithaca, NY", Address),
            ("14853-2701", PostalCode),
        ],
    );
    assert_finds(
        "Room 1.12, Armstrong Building, 4 Kings Walk, Newcastle NE1 7RU",
        &[
            (
                "Room 1.12, Armstrong Building, 4 Kings Walk, Newcastle",
                Address,
            ),
            ("NE1 7RU", PostalCode),
        ],
    );
}

#[test]
fn a_code_alone_in_a_column_of_postal_codes_is_one() {
    assert_finds(
        "| 店舗 | 郵便番号 | 電話 |\n|---|---|---|\n| 札幌店 | 060-0042 | 011-555-0100 |",
        &[("060-0042", PostalCode), ("011-555-0100", Phone)],
    );
    assert_finds(
        "| Store | ZIP |\n|---|---|\n| Mission | 94103 |",
        &[("94103", PostalCode)],
    );
    // The same shapes under other headers.
    assert_finds(
        "| 店舗 | 会員番号 |\n|---|---|\n| 札幌店 | 060-0042 |\n\n| Store | Units |\n|---|---|\n| Mission | 94103 |",
        &[],
    );
}

#[test]
fn katakana_places_joined_by_a_middle_dot_name_no_one() {
    assert_finds(
        "### 担当：パク・ヒョヌ\n\n韓国・アメリカ・イギリスの大学出願をサポートします。",
        &[("パク・ヒョヌ", Person)],
    );
}

#[test]
fn a_part_of_a_name_found_earlier_in_the_same_stretch_names_that_person_again() {
    assert_finds(
        "### 担当鑑定人：渡辺 健二\n\n渡辺は企業物件の鑑定を専門としています。",
        &[("渡辺 健二", Person), ("渡辺", Person)],
    );
    // The same word before the name is no one yet.
    assert_finds(
        "渡辺は初めてです。\n\n担当鑑定人：渡辺 健二",
        &[("渡辺 健二", Person)],
    );
}

#[test]
fn a_technician_and_a_dotted_name_in_a_column_of_people_are_persons() {
    assert_finds("技術員の大野が再設定しました。", &[("大野", Person)]);
    assert_finds(
        "| 氏名 | 担当 |\n|---|---|\n| ジェームズ・ホワイト | 確定申告 |",
        &[("ジェームズ・ホワイト", Person)],
    );
    // Things in such a column.
    assert_finds(
        "| 氏名 | 担当 |\n|---|---|\n| ケーキ・クッキー | 販売 |",
        &[],
    );
}

#[test]
fn a_name_of_parts_joined_by_a_middle_dot_may_start_with_a_place() {
    // ソフィア is a city too.
    assert_finds(
        "- **ソフィア・ミュラー**：イベント担当",
        &[("ソフィア・ミュラー", Person)],
    );
}

#[test]
fn winners_a_basement_floor_and_a_tax_firm() {
    assert_finds(
        "| Winner | Seat |\n|---|---|\n| Josh Park | A-14 |",
        &[("Josh Park", Person)],
    );
    assert_finds(
        "東京都渋谷区神南一丁目十二番三号 神南スクエアビルB1",
        &[(
            "東京都渋谷区神南一丁目十二番三号 神南スクエアビルB1",
            Address,
        )],
    );
    assert_finds("H&R Block and Jackson Hewitt both offer free filing.", &[]);
}

#[test]
fn a_name_in_quotes_takes_the_honorific_after_them() {
    assert_finds("ご予約名は「*松井*」様です。", &[("松井", Person)]);
    // A shop in quotes.
    assert_finds("「田中商店」様よりご注文いただきました。", &[]);
}

#[test]
fn a_public_figures_name_names_a_thing() {
    assert_finds(
        "- **Frida Kahlo painting workshop** — July 26\n- The Frank Lloyd Wright Open House",
        &[],
    );
    assert_finds(
        "夏期講座「夏目漱石と英文学」、野口英世アフリカ賞、モーツァルト・キャンドルナイト",
        &[],
    );
    // Someone who shares a part of such a name is a person.
    assert_finds(
        "Please ask Tom Wright at the desk.",
        &[("Tom Wright", Person)],
    );
}

#[test]
fn recent_japanese_given_names_are_found() {
    // Names IPADIC (2007) lacks, from SudachiDict: after a family name and a space,
    // after a cue, and in kana before the honorific.
    assert_finds(
        "受付で「森 陽菜の紹介」とお伝えください。",
        &[("森 陽菜", Person)],
    );
    assert_finds("- **7番** 村上 海斗\n", &[("村上 海斗", Person)]);
    assert_finds(
        "車椅子席は、アクセシビリティ担当の陽菜までお電話ください。",
        &[("陽菜", Person)],
    );
    assert_finds(
        "新婦井上 ことは様の挙式は10月12日です。",
        &[("井上 ことは", Person)],
    );
    // An unlisted kana given name between a family name and a honorific in kanji.
    assert_finds(
        "飼い主様は高橋 ひなた様で登録いたしました。",
        &[("高橋 ひなた", Person)],
    );
    assert_finds(
        "お名前は「小林 ひなた」様でお間違いないでしょうか。",
        &[("小林 ひなた", Person)],
    );
    // Words the list leaves out: no given name.
    assert_finds("結果は本日中にご連絡します。", &[]);
    assert_finds("相続・遺言を中心に担当しています。", &[]);
}

#[test]
fn a_japanese_given_name_acting_needs_no_cue() {
    assert_finds(
        "翔太と申します。よろしくお願いいたします。",
        &[("翔太", Person)],
    );
    assert_finds("当日は拓也がご案内いたします。", &[("拓也", Person)]);
    // A given name that is also a word needs a cue.
    assert_finds("希望があればご連絡ください。", &[]);
}

#[test]
fn a_title_before_a_month_and_a_surname_and_a_couple_joined_by_an_ampersand() {
    assert_finds(
        "Dr. June Park offers Saturday appointments.",
        &[("June Park", Person)],
    );
    // A month alone after a title is still a month.
    assert_finds("See Dr. June on Monday.", &[]);
    assert_finds(
        "> — Margaret & Colin Abernathy",
        &[("Margaret", Person), ("Colin Abernathy", Person)],
    );
    // Firms.
    assert_finds("Our agency, Kelly & Hart Talent, handles placements.", &[]);
    assert_finds("Johnson & Johnson and Marks & Spencer", &[]);
}

#[test]
fn japanese_kin_posts_and_words_around_a_name() {
    // Kin as cues, and "the day of" kin names no one.
    assert_finds("シロップを考案したのは孫の陽菜です。", &[("陽菜", Person)]);
    assert_finds("母の日と父の日のギフト", &[]);
    // No name opens inside the role a run ends in.
    assert_finds(
        "- **検査結果：** 看護師長 吉田 恵子",
        &[("吉田 恵子", Person)],
    );
    // A day or a customer after a name or a honorific.
    assert_finds(
        "報告者：川口\u{3000}来月もよろしくお願いします！",
        &[("川口", Person)],
    );
    assert_finds("常連さんから素敵なお言葉をいただきました。", &[]);
    // A post in brackets after a name in kanji is no reading.
    assert_finds("- 長男の嫁：由美（ホール）", &[("由美", Person)]);
}

#[test]
fn a_kana_given_name_right_after_a_role_or_a_colon_and_a_space() {
    assert_finds(
        "来週水曜に衛生士あかりとのクリーニングをお取りしました。",
        &[("あかり", Person)],
    );
    assert_finds("* **受付：** みお", &[("みお", Person)]);
    // "There is" after a colon or a service is no name.
    assert_finds("- **座敷席：** あり（6卓）", &[]);
    assert_finds(
        "質疑応答：Oliver Brown（通訳あり）",
        &[("Oliver Brown", Person)],
    );
}

#[test]
fn a_family_name_before_a_spaced_title_or_addressee_mark() {
    assert_finds("スポーツキッズ札幌 高木 宛\n", &[("高木", Person)]);
    assert_finds(
        "| 曜日 | 担当医 |\n|---|---|\n| 月 | 木村 医師 |",
        &[("木村", Person)],
    );
    // Where a parcel goes.
    assert_finds("大阪 宛の荷物はこちらです。", &[]);
    // A name as read, in quotes, before 様; not a pet.
    assert_finds("ご予約名は「ヨシダ」様、2名様です。", &[("ヨシダ", Person)]);
    assert_finds("お名前は「モモ」ちゃんですね。", &[]);
}

#[test]
fn japanese_names_glued_to_a_day_requested_in_brackets_and_on_leave() {
    assert_finds("後日松本からご連絡いたします。", &[("松本", Person)]);
    assert_finds(
        "備考欄に「田中指名」とご記入ください。",
        &[("田中", Person)],
    );
    assert_finds(
        "伊集院が休職に入ったため、後任が引き継ぎます。",
        &[("伊集院", Person)],
    );
    assert_finds(
        "英語対応スタッフ（エミリー）が対応いたします。",
        &[("エミリー", Person)],
    );
    // The script a form asks for, and a place.
    assert_finds("3. 口座名義（カナ）", &[]);
    // "りょう" before "まで", not "りょうま" before "で".
    assert_finds(
        "ご質問はスタッフのりょうまで気軽にどうぞ。",
        &[("りょう", Person)],
    );
}

#[test]
fn english_names_after_a_role_and_is_a_booking_and_kin() {
    assert_finds(
        "The shift leader tonight is **Kowalczyk**.",
        &[("Kowalczyk", Person)],
    );
    assert_finds(
        "The booking is under **Okafor**, party of 3.",
        &[("Okafor", Person)],
    );
    assert_finds(
        "If Auntie Leilani picks up, tell her.",
        &[("Leilani", Person)],
    );
    // A name in brackets after a phone's label; not a department.
    assert_finds(
        "- **Mobile (Tom):** 07700 900461",
        &[("Tom", Person), ("07700 900461", Phone)],
    );
    assert_finds(
        "Phone (Main Office): 020 7946 0000",
        &[("020 7946 0000", Phone)],
    );
    // Firms fill some roles; kin in brands and apples.
    assert_finds("The tracking code is JD0146 and the courier is Dhl.", &[]);
    assert_finds("Granny Smith apples and Uncle Ben's rice", &[]);
}

#[test]
fn a_tracking_numbers_tail_and_a_public_figures_first_name_are_no_pii() {
    assert_finds(
        "Your tracking number is 1Z 999 AA1 01 2345 6784 (UPS).",
        &[],
    );
    // A phone number after an ordinary word is still one.
    assert_finds(
        "Text 202-555-0143 to opt in to delivery alerts.",
        &[("202-555-0143", Phone)],
    );
    // After a word in kana or kanji and a space.
    assert_finds("お電話 03-5555-0123 まで", &[("03-5555-0123", Phone)]);
    assert_finds("- **Fund:** Rosa Parks Scholarship Fund", &[]);
}

#[test]
fn a_bulleted_list_of_single_words_is_no_row_of_signatures() {
    assert_finds(
        "We process visas for:\n\n- Canada (Toronto, Vancouver)\n- Germany (Berlin)\n- Japan",
        &[],
    );
    assert_finds("Plans we accept:\n\n- Aetna\n- Cigna\n- Humana", &[]);
    // A dash before a name alone on the last line signs the reply.
    assert_finds("See you soon!\n- Priyanka", &[("Priyanka", Person)]);
}

#[test]
fn a_word_after_a_polite_prefix_is_no_name_before_a_honorific() {
    assert_finds("このたびは誠にご愁傷様でございます。", &[]);
    assert_finds("皆様、ご苦労様でした。お世話様です。", &[]);
    // A name after a particle is still a name.
    assert_finds("担当の山田様までどうぞ。", &[("山田", Person)]);
}

#[test]
fn a_honorific_set_off_by_a_space_follows_a_name_in_kanji_or_kana() {
    assert_finds(
        "お孫さんの 陽翔 くんと 結衣 ちゃんからのお手紙",
        &[("陽翔", Person), ("結衣", Person)],
    );
    assert_finds(
        "前日までに奥様の さゆり 様（sayuri@example.com）へ",
        &[("さゆり", Person), ("sayuri@example.com", Email)],
    );
    // A word that starts like a honorific is none.
    assert_finds("今日は 公園 さんぽの日です。", &[]);
}

#[test]
fn a_first_name_before_a_verb_in_the_past_tense_acts() {
    assert_finds(
        "In his first twelve months Dan resolved 9,400 calls.",
        &[("Dan", Person)],
    );
    assert_finds(
        "Walt coached our Wildcats for 35 seasons!",
        &[("Walt", Person)],
    );
    assert_finds(
        "If Kwame still can't get in after that, call us.",
        &[("Kwame", Person)],
    );
    // A participle that makes the name a thing's, and a date's month.
    assert_finds("Our Audi approved bodyshop is 5 minutes away.", &[]);
    assert_finds("Holiday hours: 1 Jan closed, 2 Jan 10–4.", &[]);
    assert_finds(
        "The Victoria and Albert themed bookmarks are sold out.",
        &[],
    );
}

#[test]
fn a_family_named_by_its_surname_is_a_person() {
    assert_finds(
        "Sympathy cards can be sent to the Delgado family in care of us.",
        &[("Delgado", Person)],
    );
    assert_finds(
        "The Okoro family wishes to thank everyone.",
        &[("Okoro", Person)],
    );
    // A family of things, and the royal one.
    assert_finds("The Royal family opened the new wing.", &[]);
    assert_finds("Our Hotel family of brands grew this year.", &[]);
}

#[test]
fn kin_and_accented_capitals_lead_to_a_name() {
    assert_finds(
        "I have added your brother Henrik as a second contact.",
        &[("Henrik", Person)],
    );
    assert_finds("Ask for Élodie at the desk.", &[("Élodie", Person)]);
    assert_finds(
        "Catering enquiries go straight to Élodie: elodie@sweetcorner.example.com.",
        &[
            ("Élodie", Person),
            ("elodie@sweetcorner.example.com", Email),
        ],
    );
}

#[test]
fn a_number_keyword_other_words_lead_on_from_does_not_hide_a_phone() {
    assert_finds(
        "Ticket enquiries: 0161 496 0347.",
        &[("0161 496 0347", Phone)],
    );
    assert_finds(
        "I've changed the contact number on your account to 07700 900461 as requested.",
        &[("07700 900461", Phone)],
    );
    assert_finds(
        "### Reception\n\n020 7946 0381 · open 9–5",
        &[("020 7946 0381", Phone)],
    );
    assert_finds(
        "Colleagues can RSVP by texting 555-0199 before Friday.",
        &[("555-0199", Phone)],
    );
    // The keyword's own number, and its code with words in it.
    assert_finds("Order number 0161 496 0347 has shipped.", &[]);
    assert_finds(
        "Barcode 0 12345 67890 5 is the 6-pack; 0 12345 67891 2 is the can.",
        &[],
    );
}

#[test]
fn iwate_land_divisions_and_a_kanji_katakana_building_belong_to_an_address() {
    assert_finds(
        "通夜は 岩手県遠野市松崎町白岩23地割15番地 の公民館にて執り行います。",
        &[("岩手県遠野市松崎町白岩23地割15番地", Address)],
    );
    assert_finds(
        "大阪府大阪市北区菫町5丁目3番18号 梅田グランツ402号室です。",
        &[(
            "大阪府大阪市北区菫町5丁目3番18号 梅田グランツ402号室",
            Address,
        )],
    );
    // A place and a katakana word after an address, no room, are no building.
    assert_finds(
        "大阪府大阪市北区菫町5丁目3番18号 梅田グランツにて開催。",
        &[("大阪府大阪市北区菫町5丁目3番18号", Address)],
    );
}

#[test]
fn landmarks_named_after_someone_name_no_one() {
    assert_no_person(&[
        "It's a 6-minute walk to the Henry Wadsworth Longfellow statue.",
        "- **Samuel Adams statue** outside Faneuil Hall",
        "Stroll down Avenue Victor Hugo to Place Victor Hugo for coffee.",
        "- **Custer State Park** Wildlife Loop Road",
        "**Stops:** Shakespeare's Birthplace → Anne Hathaway's Cottage → Warwick Castle",
        "The Pantheon – Raphael's tomb is inside.",
        "- **Anne Frank House** – tickets are released online",
        "| 15:00 | Noah Webster House, West Hartford | Last entry |",
    ]);
    // A person's own things in the possessive are still theirs.
    assert_finds(
        "Please call Michael Chen's team on Monday.",
        &[("Michael Chen", Person)],
    );
}

#[test]
fn a_pet_is_no_person() {
    assert_no_person(&[
        "Luna's microchip is already registered with the database.",
        "Quick update on Coco's walks: your walker on Wednesday will be new.",
        "This year you can meet Rose, a 3-year-old beagle, at the shelter.",
    ]);
    // A child's records are a person's.
    assert_finds(
        "Email us with a photo of Noah's vaccination record.",
        &[("Noah", Person)],
    );
}

#[test]
fn japanese_pets_breeds_statues_and_halls_name_no_one() {
    assert_no_person(&[
        "ご予約ありがとうございます！ココちゃんのお散歩は明日です。",
        "柴犬の小太郎くんのしつけ教室のご案内です。",
        "- **ジャック・ラッセル・テリア**：賢く活発",
        "ハチ公と飼い主の上野英三郎博士の像は大学にあります。",
        "**瑞鳳殿**: 政宗公の霊屋（拝観料570円）",
        "国宝の社殿と昇殿料300円",
    ]);
    // A notary is a person; so is a child at lunch.
    assert_finds(
        "公正証書の正本は、前田公証人から直接お渡しします。",
        &[("前田", Person)],
    );
    assert_finds(
        "保育園では、ゆいちゃんのごはんを少なめにしています。",
        &[("ゆい", Person)],
    );
}

#[test]
fn an_unlisted_name_before_who_is_a_person() {
    assert_finds(
        "I've escalated your question to Raghavendra Iyer, who typically replies within a day.",
        &[("Raghavendra Iyer", Person)],
    );
    // A place or a team is "who" only loosely, and a question names no one.
    assert_finds("We love Zanzibar, who else would?", &[]);
    assert_finds("Zanzibar? Who knows.", &[]);
}

#[test]
fn a_reviewer_signing_with_an_initial_and_a_honorific_is_a_person() {
    assert_finds(
        "> 「ガイドさんの話が最高でした。」（Yuko T.様）",
        &[("Yuko T.", Person)],
    );
    assert_finds("「楽しかった」（Emily R.様）", &[("Emily R.", Person)]);
}

#[test]
fn a_role_before_a_honorific_is_no_name() {
    assert_finds("「ガイドさんが丁寧に案内してくれました。」", &[]);
    assert_finds("担当トリマーさんのご紹介です。", &[]);
    assert_finds("運転手さんに声をかけてください。", &[]);
}

#[test]
fn a_listed_place_that_starts_with_a_name_is_a_place_whatever_follows() {
    assert_finds(
        "When José Luis Herrera arrived in San Antonio in 1991, he worked nights.",
        &[("José Luis Herrera", Person)],
    );
    assert_finds("We moved from Santa Clara last year; she loved it.", &[]);
    // A first name alone with a pronoun after it is still a name.
    assert_finds("Ask Sandra, she knows the menu.", &[("Sandra", Person)]);
}

#[test]
fn a_name_alone_after_the_names_a_thing() {
    assert_finds("The Apollo is a 5-minute walk from the station.", &[]);
    assert_finds(
        "Cards can go to the Delgado family.",
        &[("Delgado", Person)],
    );
}

#[test]
fn a_given_name_and_an_initial_are_a_person() {
    assert_finds(
        "> \"Fixed the leak in 20 minutes.\" (Sarah K., Leicester)\n> \"Very tidy.\" (Daniel O.)",
        &[("Sarah K.", Person), ("Daniel O.", Person)],
    );
    assert_finds(
        "Our engineer Kenji M. has reproduced the crash.",
        &[("Kenji M.", Person)],
    );
    // A middle initial belongs to a full name, found as one.
    assert_finds(
        "Ask for Sarah K. Jones at the desk.",
        &[("Sarah K. Jones", Person)],
    );
}

#[test]
fn a_name_after_a_department_and_a_space_is_a_person() {
    assert_finds(
        "- 担当：経営企画室 長谷川\n- FAX：045-555-3391",
        &[("長谷川", Person), ("045-555-3391", Phone)],
    );
    assert_finds(
        "回答者：サポートセンター ファン・デル・ベルフ",
        &[("ファン・デル・ベルフ", Person)],
    );
    assert_finds("- 6/11 二次対応：技術サポート 藤井", &[("藤井", Person)]);
    // A classroom is a school's, and its name no one's.
    assert_finds("> 茶道教室 和心 御中", &[]);
}

#[test]
fn a_katakana_family_name_and_a_kanji_given_name_are_one_name() {
    assert_finds(
        "受取時のお名前はウィリアムズ 恵理様です。",
        &[("ウィリアムズ 恵理", Person)],
    );
    assert_finds("担当：オルティス 真理", &[("オルティス 真理", Person)]);
    // A title after the name is none of it.
    assert_finds(
        "講師：アンナ・コワルスキ 博士",
        &[("アンナ・コワルスキ", Person)],
    );
}

#[test]
fn teams_plates_partners_and_firms_name_no_one() {
    assert_finds(
        "担当チームが「チーム桜」から「チーム光」に変更となりました。",
        &[],
    );
    assert_finds("チケットは、チームみなとに割り当てられています。", &[]);
    assert_finds("- 車両ナンバー：品川 300 ね 81-02\n- 到着予定：10:15", &[]);
    assert_finds("導入事例：**株式会社みなと精工様**", &[]);
    assert_finds("取引先様から当社社員宛てに感謝状が届きました。", &[]);
    // A public figure's name joins no list to a thing.
    assert_finds("「徳川家康と江戸のくらし」企画展の団体予約", &[]);
    // A team member is still a person.
    assert_finds("チームリーダーの佐藤がご案内します。", &[("佐藤", Person)]);
}

#[test]
fn a_name_joined_to_a_partner_by_an_ampersand_names_a_firm() {
    assert_finds(
        "Thanks for booking with **Hughes & Sons Plumbing**! Here are your details.",
        &[],
    );
    assert_finds(
        "Our mainland partner, **Wang & Li Consulting Ltd.**, handles work permits.",
        &[],
    );
    assert_finds("We worked with Parker & Lowe Plumbing Ltd on the job.", &[]);
    // Two people so joined are people.
    assert_finds(
        "Contact Ana & Luis Ortega.",
        &[("Ana", Person), ("Luis Ortega", Person)],
    );
}

#[test]
fn the_label_of_a_thing_cues_no_name() {
    assert_finds("- **Product:** Grace Period Scheduler v4.2.1", &[]);
    assert_finds("> **Status:** Case Was Approved", &[]);
    // A label of a person still does.
    assert_finds("**Contact:** Grace Adeyemi", &[("Grace Adeyemi", Person)]);
}

#[test]
fn works_and_councils_name_no_one() {
    assert_finds(
        "- Beethoven: Symphony No. 5 in C minor, Op. 67 (11 Jan)",
        &[],
    );
    assert_finds(
        "Cheques payable to *Cedar Valley Arts Council* can be mailed to us.",
        &[],
    );
}

#[test]
fn performers_and_authors_on_a_bill_are_public_figures() {
    assert_finds(
        "- 19:15 Support: Arooj Aftab\n- 20:30 Headliner: Janelle Monáe\n\nTickets from the box office.",
        &[],
    );
    assert_finds(
        "- 武満徹：ノヴェンバー・ステップス\n- マーラー：交響曲第2番",
        &[],
    );
    // A private person who shares a first name is still found.
    assert_finds("Ask for Janelle at the box office.", &[("Janelle", Person)]);
}

#[test]
fn a_kana_given_name_is_found_before_a_spaced_honorific_or_a_middle_dot() {
    assert_finds(
        "簡易書留にてお送りいたしました。\n\n渡辺 ひなた 様\n郵便番号 060-0042",
        &[("渡辺 ひなた", Person), ("060-0042", PostalCode)],
    );
    assert_finds(
        "> 「ハラハラしました！」（まゆみさん・40代）",
        &[("まゆみ", Person)],
    );
    // A product after the honorific still names no one.
    assert_finds("はなちゃんクッキー缶をどうぞ。", &[]);
}

#[test]
fn a_name_before_a_firm_word_or_after_a_titles_the_names_a_thing() {
    assert_finds("- *Cats*: Gillian Lynne Theatre, Thu–Sun", &[]);
    assert_finds(
        "I've moved your four tickets for *The Lion King* to Sunday.",
        &[],
    );
    // The label of the next field is no firm's word.
    assert_finds(
        "**Instructor:** Dimitra Kouris **Room:** 3B",
        &[("Dimitra Kouris", Person)],
    );
}

#[test]
fn heads_of_state_monarchs_and_brands_name_no_private_person() {
    assert_finds("President John F. Kennedy was buried at Arlington.", &[]);
    assert_finds(
        "Fun fact: Queen Elizabeth II owned more than 30 corgis.",
        &[],
    );
    assert_finds(
        "The gilded Johann Strauss II statue stands in the park.",
        &[],
    );
    // The author after a work's title may be a private person (a contest's winner).
    assert_finds(
        "1. *Autumn Light* by Grace Liu\n2. *Harbor Fog*",
        &[("Grace Liu", Person)],
    );
    assert_finds(
        "We trained at Grant Thornton and Baker Tilly; paint by Benjamin Moore.",
        &[],
    );
    // A surname after a personal title is still a person's.
    assert_finds("Please ask Ms King at reception.", &[("King", Person)]);
}

#[test]
fn castles_and_more_japanese_public_figures_name_no_one() {
    assert_finds("2. **高知城**・追手門（入場料420円）", &[]);
    assert_finds(
        "サーバー名は夏目漱石や森鷗外など明治の文豪にちなんでいます。",
        &[],
    );
}

#[test]
fn medicines_insurers_and_athletes_name_no_private_person() {
    assert_finds(
        "Good question! **Lyrica** is the brand name for pregabalin.",
        &[],
    );
    assert_finds(
        "Your plan (Blue Cross Blue Shield PPO) covers 20 visits.",
        &[],
    );
    assert_finds(
        "The pool is where Michael Phelps won his golds; Adam Peaty trained here.",
        &[],
    );
    assert_finds(
        "Thanks for your review, Sarah K.! We're so glad.",
        &[("Sarah K.", Person)],
    );
}

#[test]
fn firms_buildings_and_childrens_authors_name_no_one_and_a_signature_keeps_its_surname() {
    assert_finds(
        "**Grace Apartments** on Baker Lane are managed by Johnson & Hart Property Group.",
        &[],
    );
    assert_finds(
        "School photos will be taken by **Tempest Photography**.",
        &[],
    );
    assert_finds(
        "1. *The Iron Man*, Ted Hughes\n2. *Charlotte's Web*, E. B. White",
        &[],
    );
    assert_finds(
        "Kind regards,\nHelen Marsh\nProperty Manager",
        &[("Helen Marsh", Person)],
    );
    assert_finds(
        "We found a lunchbox labelled **\"Isla M.\"** in the Hazel Room.",
        &[("Isla M.", Person)],
    );
    assert_finds(
        "- **Property:** Ground Floor Flat, 62 Pellow Crescent, Brighton BN2 9EW",
        &[
            ("Ground Floor Flat, 62 Pellow Crescent, Brighton", Address),
            ("BN2 9EW", PostalCode),
        ],
    );
}

#[test]
fn a_katakana_family_name_is_honoured_after_its_given_name() {
    assert_finds(
        "ハリス 恵美様、キャンセル待ちの登録が完了しました。",
        &[("ハリス 恵美", Person)],
    );
    assert_finds(
        "当道場の合気道は、開祖・植芝盛平の教えを受け継いでいます。",
        &[],
    );
}

#[test]
fn a_name_before_coach_is_a_person_and_a_kind_of_coach_is_not() {
    assert_finds(
        "火曜日のHIITクラスを担当している翼コーチにもお伝えしました。",
        &[("翼", Person)],
    );
    assert_finds(
        "- **土曜午前：** ゆいコーチ、大輔コーチ",
        &[("ゆい", Person), ("大輔", Person)],
    );
    assert_finds("専属コーチによる指導と当番コーチの見回りがあります。", &[]);
}

#[test]
fn a_bot_of_a_plural_name_and_a_name_before_a_things_word_are_no_one() {
    assert_finds("Hi, I'm Juniper, Little Learners' virtual assistant!", &[]);
    assert_finds(
        "We host students funded by the Dr. Elaine Moss Physiotherapy Scholarship.",
        &[],
    );
    // A day after a name is no thing's word.
    assert_finds("You can see Dr Patel Monday morning.", &[("Patel", Person)]);
}

#[test]
fn drinks_wineries_and_nobles_named_after_people_are_no_one() {
    assert_finds(
        "Half iced tea, half lemonade — named after the golfer Arnold Palmer.",
        &[],
    );
    assert_finds(
        "The **Negroni** was created for Count Camillo Negroni in Florence.",
        &[],
    );
    assert_finds(
        "- Château Smith Haut Lafitte 2018\n- I'm Sip, the host for Maison Dubreuil.",
        &[],
    );
    assert_finds("**トム・コリンズ**のレシピはこちらです。", &[]);
    assert_finds("3. **ドメーヌ・タカヒコ**（北海道余市町）", &[]);
}

#[test]
fn dishes_and_makers_firms_named_after_people_are_no_one() {
    assert_finds(
        "The Peach Melba will be served without the tuile; Fettuccine Alfredo is off today.",
        &[],
    );
    assert_finds(
        "Order **#EPJ-30318** from *Eleanor Price Jewellery* is out for delivery.",
        &[],
    );
}

#[test]
fn an_era_is_no_given_name() {
    assert_finds(
        "当館は歌人が大正時代に逗留した宿として知られています。",
        &[],
    );
    assert_finds("江戸時代の茶人が考案した料理です。", &[]);
}

#[test]
fn a_listed_family_name_and_a_two_word_reading_vouch_for_an_unlisted_given_name() {
    assert_finds(
        "刺繍作家の柴崎 紬（しばさき つむぎ）がひとつずつ手で刺しています。",
        &[("柴崎 紬", Person), ("しばさき つむぎ", Person)],
    );
}

#[test]
fn a_given_name_read_out_in_brackets_is_a_person_but_a_house_so_read_is_not() {
    assert_finds(
        "受け取りの際は、スタッフの翼（つばさ）にお声がけください。",
        &[("翼", Person), ("つばさ", Person)],
    );
    assert_finds(
        "担当の翼(つばさ)さん",
        &[("翼", Person), ("つばさ", Person)],
    );
    assert_finds(
        "本校のハウスです。\n\n- **光**（ひかり）\n- **翼**（つばさ）\n\n卒業まで変わりません。",
        &[],
    );
    // Brackets left open, at the end of the text.
    assert_finds("担当の翼（つばさ", &[]);
}

#[test]
fn bartenders_engravers_and_embroidered_names_cue_a_name() {
    assert_finds(
        "詳しくはバーテンダーのルカにお尋ねください。",
        &[("ルカ", Person)],
    );
    assert_finds(
        "- 刺繍文字：「ソフィア」\n- 回収日：未定",
        &[("ソフィア", Person)],
    );
    assert_finds(
        "担当の彫刻師 平松より、48時間以内にご連絡いたします。",
        &[("平松", Person)],
    );
    // A product with a name put on it is no name.
    assert_finds("名入れキーケースは3営業日で発送します。", &[]);
}

#[test]
fn streets_makers_entries_and_more_public_figures_name_no_one() {
    assert_finds("表参道駅から徒歩4分、青山通り沿いのビル1階です。", &[]);
    assert_finds(
        "ミズノ・アシックスのランニングシューズも取り扱っております。",
        &[],
    );
    assert_finds("- 入場：ご宿泊の方は無料\n- 水道メーターの見方です。", &[]);
    assert_finds("ローマの英雄ジュリアス・シーザーとは無関係です。", &[]);
}

#[test]
fn a_birthday_wish_names_its_person() {
    assert_finds(
        "A cake that says \"Happy Birthday Niamh\" should never have gone out.",
        &[("Niamh", Person)],
    );
    assert_finds(
        "Piping changed to **\"Happy 7th Birthday Hope!\"**",
        &[("Hope", Person)],
    );
    assert_finds("Happy Birthday Party packages start at $99.", &[]);
}

#[test]
fn lords_ladies_cats_and_things_opened_by_a_public_figures_name_are_no_one() {
    assert_finds("3. *Crossing the Bar* by Alfred, Lord Tennyson", &[]);
    assert_finds(
        "Mr. Whiskers' prescription diet is ready for collection!",
        &[],
    );
    assert_finds(
        "Marks identifying a living individual, such as \"Taylor Swift Sauce\", need consent.",
        &[],
    );
}

#[test]
fn loanwords_joined_by_a_middle_dot_name_no_one() {
    // Words SudachiDict lists and IPADIC lacks.
    assert_no_person(&[
        "自費診療（ホワイトニング・インプラント）は保険適用外となります。",
        "アレルギーや宗教上の食事制限（ハラール・ベジタリアンなど）をお知らせください。",
        "- アールグレイ・ラテ（L）×2\n- 抹茶ラテ（M）×1",
    ]);
    // A name whose part reads as a word too stays a person: ツバサ is read as a given
    // name, and ラジャ is spelt as an English one.
    assert_finds(
        "本日伺うのはラジャ・クマールです。",
        &[("ラジャ・クマール", Person)],
    );
    assert_finds("口座名義：ワタナベ ツバサ", &[("ワタナベ ツバサ", Person)]);
}

#[test]
fn a_full_stop_after_a_street_word_spelt_out_ends_the_sentence() {
    assert_finds(
        "Thanks for letting us know about the streetlight outside 57 Bramble Lane. I've logged it.",
        &[("57 Bramble Lane", Address)],
    );
    // An abbreviation keeps its own.
    assert_finds(
        "The clinic is at 12 Harbour Rd. in Whitby.",
        &[("12 Harbour Rd.", Address)],
    );
}

#[test]
fn a_japanese_clause_ends_what_a_billing_word_says_of_a_number() {
    assert_finds(
        "郵送請求については、戸籍住民課（０３－５５５５－０２７１）までお問い合わせください。",
        &[("０３－５５５５－０２７１", Phone)],
    );
    // Still the bill's own number when it follows the word.
    assert_finds("請求番号 03-5555-0271 をご確認ください。", &[]);
}

#[test]
fn a_bot_named_in_bold_or_after_a_town_s_name_is_no_one() {
    assert_no_person(&[
        "I'm **Sage**, the virtual recruiter for this site.",
        "Hi, I'm Juniper, the City of Cedar Falls virtual assistant.",
    ]);
    // A person introduced with a role stays one.
    assert_finds(
        "I'm **Sage Porter**, the recruiter for this role.",
        &[("Sage Porter", Person)],
    );
}

#[test]
fn a_signature_s_fields_and_places_in_yards_and_bays_are_no_one() {
    assert_finds(
        "**Oluwaseun Adeyemi-Clarke**, Senior Talent Partner\nTel: 020 7946 0321",
        &[
            ("Oluwaseun Adeyemi-Clarke", Person),
            ("020 7946 0321", Phone),
        ],
    );
    assert_no_person(&[
        "Our offices:\n\n- **New York**: Hudson Yards\n- **Singapore**: Marina Bay",
    ]);
}

#[test]
fn cars_by_maker_and_model_are_no_one() {
    assert_no_person(&[
        "**Third-party vehicle:** Renault Clio, plate BD19 WMX",
        "**Car:** Renault Mégane E-Tech",
        "We have 4 Vauxhall Corsas and 2 Kia Picantos.",
        "- Aston Martin DB12: 6–8 months",
        "Do you have any Aston Martins in stock?",
        "A fun fact about the name: **Dodge** was founded by the Dodge brothers in 1900.",
    ]);
    // A maker's name after a title, and a given name that is also a maker's, before a
    // surname, are people.
    assert_finds("Ask Ms Ferrari at the desk.", &[("Ferrari", Person)]);
    assert_finds(
        "Mercedes Santos will call you.",
        &[("Mercedes Santos", Person)],
    );
}

#[test]
fn houses_and_makers_named_after_their_founders_are_no_one() {
    assert_no_person(&[
        "Good news: **Chanel N°5 Eau de Parfum** is back in stock.",
        "Codes can't be combined and don't apply to Hermès or Chanel.",
        "Christian Dior himself was famously superstitious.",
        "Mikimoto is named after Kokichi Mikimoto, who produced the first cultured pearl.",
        "You might be thinking of **Enzo Ferrari**, who founded Ferrari in 1939.",
        "ポール・スミスは、1970年に英国ノッティンガムで小さなショップを開いたのが始まりです。",
        "トヨタの創業者・豊田喜一郎について知りたい方には",
        "### ポルシェ・フェラーリのお取り扱いについて",
        "申し訳ありません、ロールス・ロイスの車検は承っておりません。",
    ]);
    // A cue still sends the reader to someone who bears the name.
    assert_finds(
        "Please ask for Paul Smith at the front desk.",
        &[("Paul Smith", Person)],
    );
}

#[test]
fn a_family_name_a_comma_and_a_given_name_standing_alone_are_one_person() {
    assert_finds(
        "| 10:00 | Fairweather, Oona | Corset, first fitting |",
        &[("Fairweather, Oona", Person)],
    );
    assert_finds(
        "I found the application filed under **SOKOLOV, Anastasia** (permit BP-2024-0613).",
        &[("SOKOLOV, Anastasia", Person)],
    );
    // A greeting, a place or a given name before the comma is no family name.
    assert_finds("Thanks, Anna", &[("Anna", Person)]);
    assert_no_person(&["**Leicester, Hope**"]);
}

#[test]
fn answers_sign_offs_trades_and_town_officers_cue_a_name() {
    assert_finds(
        "Yes, Tomasz, I can confirm that the payment has cleared.",
        &[("Tomasz", Person)],
    );
    assert_finds(
        "Thirty-nine was just the rehearsal. Love always, Bea x",
        &[("Bea", Person)],
    );
    assert_finds(
        "The hem is done. Our tailor Rosa took them up 3 cm.",
        &[("Rosa", Person)],
    );
    assert_finds(
        "The rezoning passed 5–2, with Commissioner Abernathy voting no.",
        &[("Abernathy", Person)],
    );
    // A word that is also a name stays a word after such a cue.
    assert_no_person(&["Yes, May is our busiest month."]);
}

#[test]
fn part_and_policy_numbers_in_no_national_plan_s_shape_need_phone_context() {
    assert_finds(
        "- フロントブレーキパッド（04465-52320）：8,800円\n- エアコンフィルター（87139-52040）：3,300円",
        &[],
    );
    assert_finds("- 保険証券（証券番号：例 0123-456789）", &[]);
    assert_finds("お客さまを識別する10桁（例：0300-118-842）", &[]);
    // With a phone's cue they are phones; toll-free numbers need none.
    assert_finds("電話：04465-52320", &[("04465-52320", Phone)]);
    assert_finds("（0120-555-319）", &[("0120-555-319", Phone)]);
}

#[test]
fn a_department_and_no_before_a_family_name_cue_it_and_greetings_are_no_names() {
    assert_finds(
        "損害サービス課の佐々木より、本日中にご連絡します。",
        &[("佐々木", Person)],
    );
    assert_finds("担当は地域医療連携室の森です。", &[("森", Person)]);
    // A room named after someone, and thanks after a cue.
    assert_no_person(&[
        "紫式部の間は和室12畳で、床の間付きです。",
        "ご指名ありがとうございます。次回もお待ちしております。",
    ]);
}

#[test]
fn a_place_before_a_colon_labels_what_is_there() {
    assert_no_person(&[
        "勤務地：\n- **札幌**：大通駅近く（2職種）\n- **名古屋**：名駅エリア（5職種）\n- **福岡**：天神（3職種）",
        "- **品川**：運輸支局の地名",
    ]);
    assert_finds("- **山田**：受付", &[("山田", Person)]);
}

#[test]
fn a_honorific_glued_to_a_name_in_a_column_of_people_stays_outside_it() {
    assert_finds(
        "| 卓 | お名前 | ご関係 |\n|---|---|---|\n| A卓 | 山本 一郎様 | 新郎上司 |",
        &[("山本 一郎", Person)],
    );
}

#[test]
fn an_address_before_a_postcode_opens_at_a_label_a_quote_s_mark_or_a_welsh_house() {
    assert_finds(
        "- Delivery address: The Old Rectory, Church Lane, Little Bramford, Suffolk IP8 4BW",
        &[
            (
                "The Old Rectory, Church Lane, Little Bramford, Suffolk",
                Address,
            ),
            ("IP8 4BW", PostalCode),
        ],
    );
    assert_finds(
        "> Returns Dept., Harwick & Bell Ltd\n> Unit 6, Foxglove Trading Estate, Leicester\n> LE4 2ZT",
        &[
            ("Unit 6, Foxglove Trading Estate, Leicester", Address),
            ("LE4 2ZT", PostalCode),
        ],
    );
    assert_finds(
        "The label shows:\n\nTy Gwyn, 8 Heol Maesglas, Llandeilo, Carmarthenshire\nSA19 6QE",
        &[
            (
                "Ty Gwyn, 8 Heol Maesglas, Llandeilo, Carmarthenshire",
                Address,
            ),
            ("SA19 6QE", PostalCode),
        ],
    );
    assert_finds(
        "The parcel remains addressed to you at 15 Quarry Bank, Sheffield, S10 3LP.",
        &[
            ("15 Quarry Bank, Sheffield", Address),
            ("S10 3LP", PostalCode),
        ],
    );
}

#[test]
fn a_japanese_building_after_the_block_and_a_space_keeps_its_room_or_floor() {
    assert_finds(
        "〒060-0042\n北海道札幌市中央区大通西12丁目3番地 ノースゲート大通1105",
        &[
            ("〒060-0042", PostalCode),
            (
                "北海道札幌市中央区大通西12丁目3番地 ノースゲート大通1105",
                Address,
            ),
        ],
    );
    assert_finds(
        "東京都千代田区丸の内二丁目6番3号 丸の内テラスゲート14階",
        &[(
            "東京都千代田区丸の内二丁目6番3号 丸の内テラスゲート14階",
            Address,
        )],
    );
}

#[test]
fn a_tel_link_s_target_ends_before_its_closing_bracket() {
    assert_finds(
        "- [1-800-555-0147](tel:+18005550147) (24/7)",
        &[("1-800-555-0147", Phone), ("+18005550147", Phone)],
    );
    assert_finds(
        "- [0120-555-147](tel:0120-555-147)（24時間）",
        &[("0120-555-147", Phone), ("0120-555-147", Phone)],
    );
}

#[test]
fn a_name_in_capitals_after_a_cue_is_a_person() {
    assert_finds(
        "Your PIN reminder for the card in the name **LINDQVIST ERIK** has been posted.",
        &[("LINDQVIST ERIK", Person)],
    );
    assert_finds("- 受取人：NGUYEN VAN HUNG", &[("NGUYEN VAN HUNG", Person)]);
    assert_finds(
        "パスポート表記どおりの名義（TRAN MINH DUC）で再度お手続きください。",
        &[("TRAN MINH DUC", Person)],
    );
    // A team, a firm, or a sentence in capitals is no one.
    assert_no_person(&[
        "Contact: CUSTOMER SERVICE TEAM",
        "Ask for MORGAN STANLEY research.",
        "PLEASE CONTACT US AT ONCE",
    ]);
}

#[test]
fn interviewers_captains_and_superiors_cue_a_japanese_name() {
    assert_finds(
        "面接官の中村の都合により、面接日時が変更になりました。",
        &[("中村", Person)],
    );
    assert_finds("キャプテンは木村が務めます。", &[("木村", Person)]);
    assert_finds(
        "上長のハルトマンがロビーでお迎えします。",
        &[("ハルトマン", Person)],
    );
    assert_finds(
        "次のステップは長谷川による20分程度の電話面談です。",
        &[("長谷川", Person)],
    );
    assert_finds(
        "第3分団の大森分団長までご連絡ください。",
        &[("大森", Person)],
    );
    assert_finds(
        "30日以内に直美（naomi.fb@example.co.jp）までご連絡ください。",
        &[("直美", Person), ("naomi.fb@example.co.jp", Email)],
    );
}

#[test]
fn a_team_after_a_name_and_you_and_before_it_show_a_person() {
    assert_finds(
        "If anything is unclear, Mireille in People Ops can walk you through it.",
        &[("Mireille", Person)],
    );
    assert_finds(
        "Meet Amara from Operations at the gate.",
        &[("Amara", Person)],
    );
    assert_finds(
        "The booking is for two people: you and Gethin Pryce-Jones.",
        &[("Gethin Pryce-Jones", Person)],
    );
    assert_finds(
        "Great news, DeShawn: the car is ready.",
        &[("DeShawn", Person)],
    );
    // A month before a team is no one.
    assert_no_person(&["April in Sales was our best month."]);
}

#[test]
fn a_passenger_s_name_as_airlines_write_it_is_a_person() {
    assert_finds(
        "**Passenger:** OKAFOR/CHIDI MR\n**Booking reference:** `QX7H2L`",
        &[("OKAFOR/CHIDI", Person)],
    );
    assert_finds(
        "1. GUTIERREZ LOPEZ/ALEJANDRO MR — 16C",
        &[("GUTIERREZ LOPEZ/ALEJANDRO", Person)],
    );
    assert_finds("- 旧:SAITO/KAZUKI MR", &[("SAITO/KAZUKI", Person)]);
    // Before a lower-case word, where a piece may end.
    assert_finds(
        "Passenger OKAFOR/CHIDI and two bags",
        &[("OKAFOR/CHIDI", Person)],
    );
    assert_finds(
        "Registered holder: **PATEL/DEVANSH**.",
        &[("PATEL/DEVANSH", Person)],
    );
    // Codes, words and paths with a slash are no one.
    assert_no_person(&[
        "Flights LHR/JFK and AND/OR MR/MRS",
        "see https://example.com/ABC/DEF MR",
    ]);
}

#[test]
fn japanese_airports_stations_prices_and_kana_places_are_no_one() {
    assert_no_person(&[
        "- 便名:SV 520 羽田 → 新千歳",
        "東京〜名古屋間で品川・新横浜・小田原・静岡・浜松に停車します。",
        "お名前のローマ字入力についてご案内します。",
        "- 相場：¥3,000〜¥30,000程度",
    ]);
    assert_finds("小田原様からのご依頼です。", &[("小田原", Person)]);
    assert_finds("当社鑑定士の堀が確認いたしました。", &[("堀", Person)]);
    assert_finds("- ご利用者名:SHARMA RAJESH", &[("SHARMA RAJESH", Person)]);
}

#[test]
fn designers_icons_and_dolls_that_name_things_are_no_one() {
    assert_no_person(&[
        "Original labels read *Herman Miller, Zeeland, Michigan*.",
        "Here's a quick guide to pricing a **Barbie** from the 1960s.",
        "Check the **Hermès Kelly** bag (named after Grace Kelly).",
        "「マリリン・モンロー」や「オードリー・ヘップバーン」の写真を使ったポスター",
    ]);
}

#[test]
fn a_loading_bay_and_a_street_word_after_a_calle_s_name_stay_in_the_address() {
    assert_finds(
        "- Warehouse: 1200 Sandia Freight Way, Bay 7, Albuquerque, NM 87106",
        &[
            ("1200 Sandia Freight Way, Bay 7, Albuquerque, NM", Address),
            ("87106", PostalCode),
        ],
    );
    assert_finds(
        "- Mailing address on file: 47 Calle Sombra Dr, Santa Fe, NM 87505-3321",
        &[
            ("47 Calle Sombra Dr, Santa Fe, NM", Address),
            ("87505-3321", PostalCode),
        ],
    );
}

#[test]
fn a_farm_named_like_a_person_is_no_one() {
    assert_no_person(&["- Overnight oats with Hope Farm honey"]);
}

#[test]
fn things_joined_by_a_middle_dot_before_a_colon_are_no_one() {
    assert_no_person(&["- シャンプー・リンス：ミキモト コスメティックス"]);
    // A listed name among the parts keeps a person, though another part is a word.
    assert_finds(
        "- オリバー・グリーン：英会話担当",
        &[("オリバー・グリーン", Person)],
    );
}

#[test]
fn a_family_name_in_kana_before_san_is_a_person_and_many_is_no_one() {
    assert_finds("さとうさん、こんにちは！", &[("さとう", Person)]);
    assert_no_person(&[
        "たくさんのご応募ありがとうございました。",
        "みなさん、こんにちは。",
    ]);
}

#[test]
fn a_romaji_name_before_a_spaced_honorific_is_a_person() {
    assert_finds(
        "Okada 様からのご依頼により、請求書を再発行しました。",
        &[("Okada", Person)],
    );
}

#[test]
fn a_house_s_word_garments_and_a_champagne_house_are_no_one() {
    assert_no_person(&[
        "- **iOS:** Maison app 5.3.1 (build 2207)",
        "- T-shirts (AZ-T108-051) run about one size small",
        "We pour Moët & Chandon at weddings.",
    ]);
}

#[test]
fn makers_words_that_are_given_names_alone_stay_names() {
    assert_finds("ロイスさんが担当します。", &[("ロイス", Person)]);
    assert_finds("Bentley will call you back.", &[("Bentley", Person)]);
}

#[test]
fn a_weekday_or_a_count_in_brackets_after_a_date_is_no_one() {
    assert_no_person(&[
        "- **6/21（金）** 屋上ビアテラス交流会",
        "2025-06-21（金）10:00〜",
        "- **受講料：** 全4回 2,000円",
    ]);
    // A name alone in brackets after a phone number, or a reading after a name in Latin
    // letters, is still found.
    assert_finds(
        "お問い合わせ：03 5555 1234（岡田）",
        &[("03 5555 1234", Phone), ("岡田", Person)],
    );
    assert_finds(
        "代表のLee Soo-min（イ・スミン）さんは刺繍作家です。",
        &[("Lee Soo-min", Person), ("イ・スミン", Person)],
    );
}

#[test]
fn rooms_and_varieties_named_after_someone_are_no_one() {
    assert_no_person(&[
        "- **Room:** Lovelace (Level 3)",
        "Delivered: 25 kg Maris Piper, 10 kg Bramley",
        "Our cider orchard grows **Kingston Black** and **Harry Masters**.",
        "**Bramley apples** take their name from Matthew Bramley, the Southwell butcher.",
        "- **部屋：** 漱石（3階）",
        "- **品種：** 佐藤錦",
    ]);
    // A note on a person in brackets still shows one.
    assert_finds("Ask for Lovelace (front desk).", &[("Lovelace", Person)]);
}

#[test]
fn scholars_and_artists_of_another_age_are_no_one() {
    assert_no_person(&[
        "江戸時代の天文学者・渋川春海が作った貞享暦をご覧ください。",
        "「カッシーニの間隙」は、17世紀の天文学者ジョヴァンニ・カッシーニが発見しました。",
        "ペッツバールレンズは、数学者ヨーゼフ・ペッツバールが1840年に設計しました。",
        "日本のロケット開発の父・糸川英夫博士にちなんで名付けられました。",
        "- **Tycho** – 85 km, the \"button\" near the south",
    ]);
    // A scholar of today is someone.
    assert_finds("天文学者の田中さんが解説します。", &[("田中", Person)]);
}

#[test]
fn a_name_that_opens_a_firm_before_its_legal_form_is_no_one() {
    assert_no_person(&[
        "For wholesale enquiries please contact **Ridgeway Fruit Growers Ltd**:",
        "Our registered office is:\n\n**Calloway & Finch LLP**\n2750 Market Street",
    ]);
    // A person at a firm is still someone.
    assert_finds("Ask Jane Smith at Acme Ltd.", &[("Jane Smith", Person)]);
}

#[test]
fn a_place_before_its_state_is_no_one_but_a_reviewer_and_home_is_someone() {
    assert_no_person(&["Yes, Hope, Arkansas and Rose Hill, Kansas both have records."]);
    assert_finds("> Great service! — Joy, Texas", &[("Joy", Person)]);
}

#[test]
fn in_loving_memory_of_cues_the_whole_name() {
    assert_finds(
        "> *In loving memory of Grace Elspeth Munro, 1871–1933*",
        &[("Grace Elspeth Munro", Person)],
    );
}

#[test]
fn a_template_of_a_japanese_address_is_no_address() {
    assert_finds(
        "明治期の戸籍では「〇〇郡〇〇村大字〇〇字〇〇番地」のように書かれます。",
        &[],
    );
    assert_finds("住所は東京都〇〇区〇〇1-2-3のように書きます。", &[]);
    // A kanji number with zeros is still one.
    assert_finds(
        "住所：大阪府大阪市北区梅田二丁目二〇〇番地",
        &[("大阪府大阪市北区梅田二丁目二〇〇番地", Address)],
    );
}

#[test]
fn a_maiden_name_after_nee_or_kyusei_is_a_person() {
    assert_finds(
        "His mother, Agnieszka, née Wróbel, was born in Łódź.",
        &[("Agnieszka", Person), ("Wróbel", Person)],
    );
    assert_finds(
        "- **妻：** ハル（旧姓 村井）",
        &[("ハル", Person), ("村井", Person)],
    );
}

#[test]
fn a_romaji_name_before_a_suffixed_one_is_its_other_half() {
    assert_finds(
        "Hello Tanabe Hiroshi-san! Your family tickets are confirmed.",
        &[("Tanabe Hiroshi", Person)],
    );
}

#[test]
fn a_phone_number_after_a_slash_and_an_email_address_is_found() {
    assert_finds(
        "作家事務所（studio@oconnell-photo.example／+44 20 7946 0312）まで",
        &[
            ("studio@oconnell-photo.example", Email),
            ("+44 20 7946 0312", Phone),
        ],
    );
}

#[test]
fn suites_docks_edinburgh_flats_and_mailbox_codes_stay_in_the_address() {
    assert_finds(
        "Suite 5-14, 2750 Commerce Blvd, Austin, TX 78701",
        &[
            ("Suite 5-14, 2750 Commerce Blvd, Austin, TX", Address),
            ("78701", PostalCode),
        ],
    );
    assert_finds(
        "1550 West Fulton Street, Loading Dock B, Chicago, IL 60607",
        &[
            (
                "1550 West Fulton Street, Loading Dock B, Chicago, IL",
                Address,
            ),
            ("60607", PostalCode),
        ],
    );
    assert_finds(
        "New address:\n\n3F, 27 Gannet Wynd, Edinburgh EH3 9ZX",
        &[
            ("3F, 27 Gannet Wynd, Edinburgh", Address),
            ("EH3 9ZX", PostalCode),
        ],
    );
    assert_finds(
        "〒460-0008 愛知県名古屋市中区栄3-18-1 サカエワークス2階 MB-108",
        &[
            ("〒460-0008", PostalCode),
            (
                "愛知県名古屋市中区栄3-18-1 サカエワークス2階 MB-108",
                Address,
            ),
        ],
    );
    assert_finds(
        "〒604-8005 京都府京都市中京区河原町通三条上る恵比須町427 かわらまちオフィス3F-14",
        &[
            ("〒604-8005", PostalCode),
            (
                "京都府京都市中京区河原町通三条上る恵比須町427 かわらまちオフィス3F-14",
                Address,
            ),
        ],
    );
}

#[test]
fn a_partner_in_a_company_s_name_and_a_shrine_are_no_one() {
    assert_no_person(&[
        "承知しました。**合同会社ウー＆パートナーズ**様の郵便物スキャンを設定しました。",
        "菅原道真ゆかりの天満宮に奉納された絵馬をご覧いただけます。",
    ]);
}

#[test]
fn stands_statues_makers_and_venues_named_after_someone_are_no_one() {
    assert_no_person(&[
        "Your seat moves to Block 114 in the Sir Tom Finney Stand (Row F, Seat 22).",
        "- **Seat:** Stanley Matthews Stand, Block 7, Row K",
        "- Bikes: Raleigh Motus hybrids, sizes S–XL",
        "Conference venue: **Maxwell Hall**, Edinburgh.",
        "Ah, sorry about the squeaky disc brake!",
    ]);
    // A maker's name that is a given name too is still one before a lower-case word.
    assert_finds("Ask Raleigh about it.", &[("Raleigh", Person)]);
}

#[test]
fn a_thing_and_its_namesake_in_brackets_are_no_one() {
    assert_no_person(&[
        "- **Fosse** (Bob Fosse): turned-in knees, bowler hats",
        "- **Labanotation** (Rudolf Laban): symbols on a vertical staff",
        "- **ホートン**（レスター・ホートン）：フラットバック",
        "- 漫画『**SWAN**』（有吉京子）：バレリーナを目指す少女の物語",
    ]);
    // A name's reading in brackets is no namesake.
    assert_finds(
        "宮崎 まどか（みやざき まどか）\nしつけインストラクター。",
        &[("宮崎 まどか", Person), ("みやざき まどか", Person)],
    );
    assert_finds(
        "- **Stylist** (Anna Styles): colour",
        &[("Anna Styles", Person)],
    );
}

#[test]
fn who_did_something_in_a_year_long_past_is_no_one() {
    assert_no_person(&[
        "シマノは1921年に島野庄三郎が大阪府堺市で創業した会社です。",
        "本格的な自転車製造は、明治時代に宮田栄助が鉄砲製造の技術を応用して始めました。",
        "1921年に調香師エルネスト・ボーが手がけた名香です。",
    ]);
}

#[test]
fn a_postcode_of_an_unlisted_area_after_a_numbered_street_and_a_town_is_found() {
    assert_finds(
        "- **Address:** 14 Kestrel Lane, Milbury, MB4 7QT",
        &[
            ("14 Kestrel Lane, Milbury", Address),
            ("MB4 7QT", PostalCode),
        ],
    );
    // Not after words that are no street.
    assert_finds("Your code is MB4 7QT.", &[]);
    assert_finds(
        "**Clinic:** 3rd floor, 57 Calloway Mews, London W1U 4RJ",
        &[
            ("3rd floor, 57 Calloway Mews, London", Address),
            ("W1U 4RJ", PostalCode),
        ],
    );
}

#[test]
fn works_with_a_maker_and_a_year_books_with_an_isbn_and_their_authors_are_no_one() {
    assert_no_person(&[
        "- *Cinderella* (Prokofiev, 1945)",
        "2. *Zinn & the Art of Road Bike Maintenance* by Lennard Zinn (ISBN 978-1-937715-71-4)",
        "- **Benesh Movement Notation** (Rudolf and Joan Benesh): read left to right",
        "- **ベネッシュ記譜法**（ルドルフ＆ジョーン・ベネッシュ）：五線譜を左から右へ読む",
        "- Shalimar Parfum Initial 40 ml — $96",
    ]);
    // A name in brackets that is a sentence about someone is still someone's.
    assert_finds(
        "- **Ngozi** (the children just call her Miss Ngozi): tap and jazz",
        &[("Ngozi", Person), ("Ngozi", Person)],
    );
    // A thing on the next line names no one on this one.
    assert_finds(
        "> *All our love, Gus & Pippa*\n\nThe candle will be delivered on Thursday.",
        &[("Gus", Person), ("Pippa", Person)],
    );
}

#[test]
fn a_name_alone_in_italics_is_a_boat_s_or_a_work_s_unless_a_person_is_meant() {
    assert_no_person(&[
        "*Mary Rose* and *Jenny Wren* are both booked out on the morning tide.",
        "I've logged it as incident #INC-4471 against *Jenny Wren*.",
    ]);
    assert_finds(
        "the booking is under the name *Ferguson*.",
        &[("Ferguson", Person)],
    );
    assert_finds("Engraving (line 1): *Mateo*", &[("Mateo", Person)]);
    assert_finds(
        "はい、座席は *前田 和也* 様のお名前です。",
        &[("前田 和也", Person)],
    );
    assert_finds("— *Tanya*, Claims Support", &[("Tanya", Person)]);
}

#[test]
fn halls_and_houses_named_after_someone_clubs_and_champagne_houses_are_no_one() {
    assert_no_person(&[
        "We hold viewing days in Curie Court and Franklin House.",
        "I've checked with the warden of Rutherford Hall.",
        "Our club address is:\n\n**Tamar Estuary Sailing Club**\n3 Ferry Slip Road",
        "- **Houses:** Veuve Clicquot, Taittinger, Moët & Chandon",
        "- Dom Pérignon Vintage 2013 – £245",
        "| Company | Lumen Analytics |",
    ]);
    // A person of that name, cued, is still one; so is a first name before Hall.
    assert_finds(
        "Please ask Franklin Hall for keys.",
        &[("Franklin Hall", Person)],
    );
    assert_finds(
        "Ann Hall will meet you at reception.",
        &[("Ann Hall", Person)],
    );
}

#[test]
fn a_country_and_a_town_and_wineries_joined_by_a_middle_dot_are_no_one() {
    assert_no_person(&[
        "アクア ディ パルマは1916年にイタリア・パルマで創業したブランドです。",
        "スクリーミング・イーグル、ハーラン・エステート、ドミナスはいずれも割当販売です。",
        "- 内容：リオハ・レセルバ 2020 ×12本",
        "- **ドン・ペリニヨン 2013**　税込38,500円",
    ]);
    // A name that opens with a town's name is still one.
    assert_finds(
        "- **ソフィア・ミュラー**：イベント担当",
        &[("ソフィア・ミュラー", Person)],
    );
}

#[test]
fn reporters_councillors_and_kin_titles_mark_names_and_a_month_range_is_no_one() {
    assert_finds(
        "社会部の髙橋 美咲記者が執筆しました。",
        &[("髙橋 美咲", Person)],
    );
    assert_finds("- 原田市議（無所属）：反対討論", &[("原田", Person)]);
    assert_finds("Happy 100th Birthday, Nana Winnie!", &[("Winnie", Person)]);
    assert_no_person(&[
        "The paper's circulation for July–December was 18,402.",
        "- **1998年**：長野オリンピック特別版",
        "which is where **Nana Bea's Home Care** comes from!",
    ]);
}

#[test]
fn a_room_with_a_block_letter_and_a_postcode_on_the_next_line_stay_in_the_address() {
    assert_finds(
        "Room P-2-14, Pankhurst House, 61 Emmeline Road, Ashby Vale\nAV1 4RG",
        &[
            (
                "Room P-2-14, Pankhurst House, 61 Emmeline Road, Ashby Vale",
                Address,
            ),
            ("AV1 4RG", PostalCode),
        ],
    );
    assert_finds(
        "Flat 2, 88 Cobbler's Lane, Wrexley\nWX9 2LP",
        &[
            ("Flat 2, 88 Cobbler's Lane, Wrexley", Address),
            ("WX9 2LP", PostalCode),
        ],
    );
    // After a unit and a park with no house number too, as the address detector reads
    // one before any UK postcode.
    assert_finds(
        "**Stanwick Office**\nUnit 4, Kiln Court Business Park, Stanwick BW9 4XP",
        &[
            ("Unit 4, Kiln Court Business Park, Stanwick", Address),
            ("BW9 4XP", PostalCode),
        ],
    );
    assert_finds("Order code:\nWX9 2LP", &[]);
}

#[test]
fn sama_ending_a_word_weekdays_before_hours_and_scouting_s_names_are_no_one() {
    assert_no_person(&[
        "- **羽織**：市松模様の生地（緑×黒）、約2m",
        "営業時間：金12:00〜20:00、土日9:00〜17:00。",
        "- **有功章**：長年にわたり顕著な功績のあった方に贈られます。",
        "Quick update: **Akela** will be away on 3 June, so **Baloo** runs the meeting.",
        "1. **Ben Nevis**: start from the Glen Nevis Visitor Centre",
    ]);
    // A given name ending in 一 before 様 is still a name.
    assert_finds(
        "高橋健一様、いつもご利用ありがとうございます。",
        &[("高橋健一", Person)],
    );
}

#[test]
fn horses_and_pets_named_like_people_are_no_one_by_where_they_stand() {
    assert_no_person(&[
        "- **Horse:** Mr Darcy (16.1hh Irish Draught cross)",
        "**Ponies:** Bella, Rosie and Mr Tumnus",
        "Horses used: Winston and Lady Grey.",
        "We have one on the yard, a 15hh mare called Rose, who is used for hacking.",
        "Our resident Labrador, **Murphy**, will probably come and say hello.",
        "Our bar cat, Mr. Bitters, sends his regards.",
        "**Mr Darcy the horse** is turned out in the top paddock.",
    ]);
    // The rider is someone; the horse she rides is not.
    assert_finds(
        "I've noted that Anaya will ride Harvey on Tuesday.",
        &[("Anaya", Person)],
    );
    // A person stays one: after a label of no animal, before a possessive, after a lab.
    assert_finds("Dog walker: Sarah Jones", &[("Sarah Jones", Person)]);
    assert_finds("Call on Sarah's behalf.", &[("Sarah", Person)]);
    assert_finds(
        "After 27 years leading our research lab, Dr. Helen Okafor-Grant will retire.",
        &[("Helen Okafor-Grant", Person)],
    );
    assert_finds(
        "1. Ella Whitcombe on Captain Jack",
        &[("Ella Whitcombe", Person)],
    );
}

#[test]
fn names_alone_in_single_quotes_or_in_a_list_of_italics_and_bands_are_no_one() {
    assert_no_person(&[
        "Tonight the house trio opens with **'Sweet Georgia Brown'** and closes early.",
        "曲は 'Autumn Leaves'、'Blue Bossa'、'Sweet Georgia Brown' などスタンダード中心",
        "3. Common calls: *Autumn Leaves*, *Blue Bossa*, *Sweet Georgia Brown*, *Mr. P.C.*",
        "Our boat 'Mary Rose' is out until Friday.",
        "| *Waltz for Debby* | Bill Evans Trio | RLP 9399 |",
        "**Club rules: Grace Meadow Fishery (Pegs 1–40)**",
        "- **Press:** press@thelowball.example.com",
        "The Friday band is called **Dr. Midnight & the Late Set**.",
    ]);
    // A cue before the quotes still names someone; so does a possessive's apostrophe.
    assert_finds(
        "Please ask for 'Sarah Jones' at the desk.",
        &[("Sarah Jones", Person)],
    );
    assert_finds(
        "The booking is under the name *Ferguson*, for two.",
        &[("Ferguson", Person)],
    );
}

#[test]
fn a_number_s_keyword_with_its_own_code_says_nothing_about_a_phone_on_a_later_line() {
    assert_finds(
        "- ご予約番号：SD-31402\n\nご変更は03-5555-0415（17時〜）までお電話ください。",
        &[("03-5555-0415", Phone)],
    );
    // Before the number on its line, the keyword still tells.
    assert_finds("ご予約番号：\n03-5555-0415", &[]);
}

#[test]
fn figures_of_an_earlier_century_and_described_namesakes_are_no_one() {
    assert_no_person(&[
        "inspired by the punches of Claude Garamond, a 16th-century Parisian punchcutter.",
        "The genus commemorates William Cattley, the 19th-century English horticulturist.",
        "the 18th-century Vermont schoolteacher Justin Morgan bred him.",
        "It is named after the French neurologist Georges Gilles de la Tourette, who described it.",
        "A yellow rose named after the celebrated plantsman Graham Stuart Thomas.",
    ]);
    // The writer's own, kin, a clause's subject and an ordinal of no century name people.
    assert_finds(
        "Our café is named after our founder's mum, Ada Jones.",
        &[("Ada Jones", Person)],
    );
    assert_finds(
        "The 1947 original was named for Christian Dior's sister, Catherine.",
        &[("Catherine", Person)],
    );
    assert_finds(
        "They take their name from the Oratory, which Andrew Ritchie could see.",
        &[("Andrew Ritchie", Person)],
    );
    assert_finds(
        "Our florist for your wedding on May 3rd is Priya Raman.",
        &[("Priya Raman", Person)],
    );
}

#[test]
fn peers_places_cultivars_with_titles_and_names_said_to_be_no_one_s_are_no_one() {
    assert_no_person(&[
        "such as 'Gwendoline', 'Charlie's Angel' and 'Mrs Collier'.",
        "LNER A4 No. 4498 **'Sir Nigel Gresley'**: Hornby R3991",
        "There's no Mr Bell, I'm afraid!",
        "named after Alexander Gordon, 4th Duke of Gordon, who kept setters",
        "- **Body:** Gill Sans MT, 10/14 pt",
    ]);
    assert_finds(
        "Hollis is handling our Gordon Setters at the show.",
        &[("Hollis", Person)],
    );
    assert_finds(
        "Their print manager is Hollis Pryce (no relation to Claude Garamond!).",
        &[("Hollis Pryce", Person)],
    );
    assert_finds("Please ask Mrs Collier.", &[("Collier", Person)]);
    // A second given name after a family name in capitals is part of the name.
    assert_finds(
        "under the name **WONG Mei Ling** (booking CB-6620)",
        &[("WONG Mei Ling", Person)],
    );
    assert_finds("SHARMA Anjali Booking ref", &[("SHARMA Anjali", Person)]);
}

#[test]
fn japanese_horses_drinks_breeds_quoted_roses_and_namesakes_of_history_are_no_one() {
    assert_no_person(&[
        "- **担当馬：** ハナコ（道産子・12歳）",
        "当日はトム・コリンズとラモス・ジン・フィズを実際に作っていただきます。",
        "- **ご用意いただくもの:** ジン、ドライベルモット、オリーブ",
        "ゴードン・セターは、19世紀初頭にスコットランドで作られました。",
        "そのほか「ガートルード・ジェキル」「オリビア・ローズ・オースチン」もよく出品されます。",
        "- 5日（水）：マイルス・デイヴィス『Kind of Blue』",
        "この症候群を報告したイギリスの医師ジョン・ラングドン・ダウンに由来します。",
        "犬種名は、19世紀イギリスの牧師ジョン・ラッセル（1795〜1883年）に由来します。",
        "「義経号」「弁慶号」は、源義経・武蔵坊弁慶・静御前にちなんで名付けられました。",
    ]);
    // A name alone in quotes, with no list, is still one; so is a name after 監視員の.
    assert_finds(
        "タグに「山田 花子」とお名前が書かれていました。",
        &[("山田 花子", Person)],
    );
    assert_finds(
        "お心当たりの方は、監視員の今泉までご連絡ください。",
        &[("今泉", Person)],
    );
}

#[test]
fn citations_makers_labels_and_namesakes_with_years_are_no_one_and_chinese_characters_are_read() {
    assert_no_person(&[
        "the change in frequency when a source moves (Christian Doppler, 1842)",
        "- **Petri dish** — for growing bacterial cultures (after Julius Petri)",
        "named after Anders Celsius (1742) and Daniel Gabriel Fahrenheit (1724). To switch",
        "- **Librettist:** Lorenzo Da Ponte",
        "- **Performance:** *Carmen*, Fri 21 Feb, 19:30",
    ]);
    assert_finds(
        "Our Mandarin-speaking tutor is **Zhang Wei** (张伟). He teaches GCSE.",
        &[("Zhang Wei", Person), ("张伟", Person)],
    );
    // A note in brackets is no name's reading.
    assert_finds(
        "Ask Sarah Jones (英語対応) at the desk.",
        &[("Sarah Jones", Person)],
    );
}

#[test]
fn public_figures_of_new_domains_are_no_one() {
    assert_no_person(&[
        "Ada Coleman invented the Hanky Panky at the Savoy.",
        "ラウリ・ラパラが1936年にコルクを削って作りました。",
        "Great Britain won with Laura Collett, Tom McEwen and Oliver Townend.",
        "上原ひろみさんや小曽根真さんのような世界的ピアニスト",
    ]);
    // Someone else who shares a part of the name is still someone.
    assert_finds(
        "Please ask Laura Smith at the desk.",
        &[("Laura Smith", Person)],
    );
}

#[test]
fn a_town_joined_by_upon_stays_in_the_address() {
    assert_finds(
        "Level 3, 9 Quayside Walk, Newcastle upon Tyne\nNE1 3QZ",
        &[
            ("Level 3, 9 Quayside Walk, Newcastle upon Tyne", Address),
            ("NE1 3QZ", PostalCode),
        ],
    );
    assert_finds(
        "12 High Street, Kingston upon Thames KT1 1AA",
        &[
            ("12 High Street, Kingston upon Thames", Address),
            ("KT1 1AA", PostalCode),
        ],
    );
}

#[test]
fn famous_callings_nationalities_and_heights_in_metres_say_no_person() {
    assert_no_person(&[
        "The famous solo climber Kenji Moriyama also climbed there.",
        "The Polish explorer Paweł Edmund Strzelecki named it in 1840.",
        "1. Everest (Asia): 8,849 m\n3. Denali (North America): 6,190 m",
        "Tengboche Monastery and Kala Patthar (5,644 m). The group is capped at 12.",
    ]);
    assert_finds(
        "Our Polish instructor Jan Kowalski will help.",
        &[("Jan Kowalski", Person)],
    );
    assert_finds(
        "Ask Sarah at the desk, 50 m from the entrance.",
        &[("Sarah", Person)],
    );
}

#[test]
fn japanese_buildings_with_a_middle_dot_a_wing_s_letter_or_a_basement_stay_in_the_address() {
    assert_finds(
        "当店は福岡県福岡市中央区大名9-12-3 ラ・リュンヌ大名302号室にございます。",
        &[(
            "福岡県福岡市中央区大名9-12-3 ラ・リュンヌ大名302号室",
            Address,
        )],
    );
    assert_finds(
        "お届け先：東京都渋谷区神宮前6丁目18-4 フラットK 201。",
        &[("東京都渋谷区神宮前6丁目18-4 フラットK 201", Address)],
    );
    assert_finds(
        "大阪府大阪市北区堂浜7丁目3-11 オペラ棟B1\n",
        &[("大阪府大阪市北区堂浜7丁目3-11 オペラ棟B1", Address)],
    );
}

#[test]
fn temperature_scales_are_no_one_s_names() {
    assert_no_person(&["摂氏（℃）は1742年に、華氏（℉）は1724年に考案されました。"]);
    assert_finds("華さんにお伝えします。", &[("華", Person)]);
}

#[test]
fn knights_dames_captains_with_one_name_and_makers_before_a_model_are_no_one() {
    assert_no_person(&[
        "Absolutely — Sir Galahad and Dame Judi Dench are both on the poster.",
        "4. **Captain Jack** — chaff + joint supplement",
        "| Helmet | Charles Owen MS1 Pro | CO-MS1-58 | £149 |",
        "Tack is by Circle Y and Billy Cook (model BC-1560).",
    ]);
    assert_finds(
        "Captain Lucia Ferreira will greet you on board.",
        &[("Lucia Ferreira", Person)],
    );
    // A postcode's outward code is no model.
    assert_finds(
        "Sarah Jones W1A 1AA",
        &[("Sarah Jones", Person), ("W1A 1AA", PostalCode)],
    );
}

#[test]
fn characters_cocktails_shoes_and_breeds_named_like_people_are_brands() {
    assert_no_person(&[
        "the navy rucksack with a Hello Kitty keyring",
        "**Week 3 – Tiki:** Mai Tai, Zombie, Jungle Bird",
        "We can't stretch patent leather (Mary Janes or court shoes).",
        "We have both **Parson Russell** and **Jack Russell** classes at the show.",
    ]);
    assert_finds("Hello Sarah, thanks for asking!", &[("Sarah", Person)]);
}

#[test]
fn romaji_titles_joined_by_no_cities_with_their_suffix_and_market_stalls_are_no_one() {
    assert_no_person(&[
        "- **Private bath:** *Yosano Akiko no Yu*, 18:30–19:15",
        "1. **Kōbō no Yu** (cypress, fits 4): 40-minute slots",
        "〒530-0099\nOsaka-shi Kita-ku Umegaoka 3-8-21",
        "- **Auntie Mei's Dumplings** (Pitch 11): pork & chive, 8 for $10",
        "**Aoba Matsuri** celebrates the birthday of Kōbō Daishi.",
    ]);
    // "-shi" after a family name alone is a honorific.
    assert_finds("Tanaka-shi will call you.", &[("Tanaka", Person)]);
    assert_finds("There is no Sarah Jones here.", &[("Sarah Jones", Person)]);
}

#[test]
fn an_unlisted_family_name_before_a_given_name_and_a_honorific_joins_it() {
    assert_finds(
        "迷子のお知らせです。\n\n小鳥遊 湊くん（5歳）をお預かりしています。",
        &[("小鳥遊 湊", Person)],
    );
    assert_finds(
        "特賞は、四月一日 ひまり様に決定しました！",
        &[("四月一日 ひまり", Person)],
    );
    // A shop or a post before the space is no family name.
    assert_finds("新宿店 ひまり様", &[("ひまり", Person)]);
    assert_finds("監事 大西様", &[("大西", Person)]);
}

#[test]
fn shrine_callings_gods_ranks_and_aviators_are_no_one() {
    assert_no_person(&[
        "「御朱印の墨書がとても美しく、巫女さんも丁寧に説明してくださいました」",
        "禅宗や浄土宗では「和尚さん」とお呼びしても丁寧です。",
        "| 大黒天 | 光福寺 | 財運 |",
        "- **ランク:** シルバー（今年12回ご来館）",
        "当館の**二宮忠八コーナー**についてのご案内です。",
    ]);
    assert_finds("八幡さんにお伝えします。", &[("八幡", Person)]);
}

#[test]
fn composers_bell_methods_pens_and_botanists_are_no_one() {
    assert_no_person(&[
        "**Opening night:**\n- Jehan Alain: *Litanies*\n- Marcel Dupré: *Variations sur un Noël*",
        "- Anthem: *Ave verum corpus*, Elgar\n- Voluntary: *Carillon-Sortie*, Henri Mulet",
        "- **Sat 14:00**: Attempt at 5,007 Stedman Cinques (approx. 3 h 40 min)",
        "For Conway Stewart and vintage Onoto pens, our London partner can help.",
        "- *Begonia* — Michel Bégon\n- *Wisteria* — Caspar Wistar",
    ]);
    assert_finds(
        "Revd Peregrine Ashdown\nThe Old Schoolhouse",
        &[("Peregrine Ashdown", Person)],
    );
    assert_finds(
        "Our warehouse is at Unit 9, Denbigh Gate, 4 Saxon Street, Milton Keynes MK1 1BQ.",
        &[
            (
                "Unit 9, Denbigh Gate, 4 Saxon Street, Milton Keynes",
                Address,
            ),
            ("MK1 1BQ", PostalCode),
        ],
    );
}

#[test]
fn japanese_counters_folk_figures_and_buildings_with_a_particle_or_a_meeting_room() {
    assert_no_person(&[
        "- 1本目：*Daichi & Mio*\n- 2本目：*2024.11.22*",
        "日本三大怨霊といわれるのは、菅原道真、平将門、崇徳院の三人です。",
        "- 電動カート：48時間前までにご予約ください。",
    ]);
    assert_finds(
        "〒810-0041\n福岡県福岡市中央区大名1丁目9番27号 メゾン・ド・フルール702\n",
        &[
            ("〒810-0041", PostalCode),
            (
                "福岡県福岡市中央区大名1丁目9番27号 メゾン・ド・フルール702",
                Address,
            ),
        ],
    );
    assert_finds(
        "会場：静岡県静岡市葵区御幸町6-10 駿府会館2階 第3会議室\n",
        &[("静岡県静岡市葵区御幸町6-10 駿府会館2階 第3会議室", Address)],
    );
}

#[test]
fn bookers_farriers_builders_and_craftsmen_are_roles_before_a_name() {
    assert_finds(
        "write to our booker Marguerite Sallow at the bar.",
        &[("Marguerite Sallow", Person)],
    );
    assert_finds(
        "Our builder, Inês, estimates 14 weeks.",
        &[("Inês", Person)],
    );
    // A role's word that opens a public figure's name is no cue.
    assert_no_person(&["The **Booker T. Washington Community Center** is next door."]);
}

#[test]
fn japanese_instructors_captains_and_production_roles_cue_a_name() {
    assert_finds("- **栗林教官**：土日（体験飛行）", &[("栗林", Person)]);
    assert_finds(
        "承知しました。運航管理の藤堂に伝えましたので、1時間以内にご連絡します。",
        &[("藤堂", Person)],
    );
    assert_finds("本日の担当気象予報士は佐々木です。", &[("佐々木", Person)]);
}

#[test]
fn eponymous_species_and_laws_trades_and_counties_named_with_and() {
    assert_no_person(&[
        "That **Ross's gull** was reported at 14:02.",
        "Two things share the name: **Pascal's triangle** and the unit.",
        "You can reach **Harrington Pianos** here.",
        "Harris Tweed must be handwoven by islanders.",
    ]);
    assert_finds("Ross's booking is confirmed.", &[("Ross", Person)]);
    assert_finds(
        "14 Kittiwake Row, Whitley Bay, Tyne and Wear\nNE26 4XJ",
        &[
            ("14 Kittiwake Row, Whitley Bay, Tyne and Wear", Address),
            ("NE26 4XJ", PostalCode),
        ],
    );
    assert_finds(
        "📍 Weavers' Cottage, 61 Tenter Road, Frome BA11 2PL",
        &[
            ("Weavers' Cottage, 61 Tenter Road, Frome", Address),
            ("BA11 2PL", PostalCode),
        ],
    );
    // A prefecture before a space is no family name.
    assert_finds("東京都 田中様", &[("田中", Person)]);
}

#[test]
fn japanese_huts_ponds_spinning_wheels_and_the_staff_who_did_a_job() {
    assert_no_person(&[
        "- **ダーリングの見張り小屋**：定員2名、1泊19,000円〜",
        "当工房のアシュフォード・ジョイ（紡ぎ車）には名前があります。",
        "**ダーリング室**：グレース・ダーリングの救助劇（1838年）のパネル展示",
    ]);
    assert_finds(
        "調律を担当した工藤も、発表会を楽しみにしております。",
        &[("工藤", Person)],
    );
    assert_finds(
        "総合案内の小野寺が確認のうえ、折り返しご連絡します。",
        &[("小野寺", Person)],
    );
}

#[test]
fn makers_of_works_in_programmes_cardinals_and_dates_are_no_one() {
    assert_no_person(&[
        "1. *Death or Glory* – R. B. Hall (card 12)\n2. *The Contemptibles* – Leo Stanley",
        "2. **Harold Mossop** – *Star Carol*",
        "This year's test piece is Harold Mossop's *Spectrum*, and the march is ours.",
        "setting Cardinal Harold Mossop's poem to music",
        "Bare-root orders placed between 20 Dec and 2 Jan will ship from 6 January.",
        "3. 《軍艦行進曲》（瀬戸口藤吉）\n4. 《宝島》（和泉宏隆 作曲／真島俊夫 編曲）",
        "- 信長貴富《くちびるに歌を》",
        "- **ポルシェ**：フェルディナント・ポルシェ",
        "全日本ヒーレー・ラリーの表彰結果をお知らせします。",
    ]);
    // A quotation's signature after its italics is someone; so is a name that acts.
    assert_finds(
        "*Please take with food.* — K. Singh, RPh",
        &[("K. Singh", Person)],
    );
    assert_finds("Jan will call you back today.", &[("Jan", Person)]);
    assert_finds("作曲は団員の小松が担当します。", &[("小松", Person)]);
    assert_finds("編曲：担当の小松 作曲家志望", &[("小松", Person)]);
}

#[test]
fn films_remedies_cheeses_places_before_ga_and_stops_are_no_one() {
    assert_no_person(&[
        "- *The Endless Summer* (1966), Harold Mossop\n- *Riding Giants* (2004), Dana Brown",
        "**Bach Flower Remedies** and **Rescue Remedy** are in aisle 2.",
        "500 g Colston Bassett Stilton and Wensleydale",
        "**Calloway Cheese & Provisions**, open daily",
        "ESA's Herschel Space Observatory (2009–2013)",
        "Lovely — your table is booked!",
        "sewn from **Liberty** Tana Lawn cotton",
        "**場所：** 桜ヶ丘公園 第2駐車場",
        "上総一ノ宮駅から無料送迎もございます。",
        "市バスに乗り、「清水道」で下車して徒歩5分です。",
        "- **栃木県 那須**: 小規模工房が多い",
        "お探しだったゴルゴンゾーラ・ピカンテが本日入荷しました。",
    ]);
    assert_finds("Hallo Jürgen! Yes, we can.", &[("Jürgen", Person)]);
    assert_finds(
        "Board repairs are done by our shaper, Dale Hutchence.",
        &[("Dale Hutchence", Person)],
    );
    assert_finds(
        "当店の管理薬剤師沢村 恵子がご相談を承ります。",
        &[("沢村 恵子", Person)],
    );
    // A prefecture before a space and a name with a honorific is someone's address.
    assert_finds("栃木県 那須様", &[("那須", Person)]);
    // A given name in katakana after a family name is no place.
    assert_finds("担当の田中ケンジです。", &[("田中ケンジ", Person)]);
}

#[test]
fn quays_spurs_irish_counties_and_romaji_addresses_with_macrons_and_rooms() {
    assert_finds(
        "post to 27 Sandgate Quay, Newcastle upon Tyne NE1 3DE",
        &[
            ("27 Sandgate Quay, Newcastle upon Tyne", Address),
            ("NE1 3DE", PostalCode),
        ],
    );
    assert_finds(
        "> 88 Old Quarry Spur, Brevard, NC 28712",
        &[
            ("88 Old Quarry Spur, Brevard, NC", Address),
            ("28712", PostalCode),
        ],
    );
    assert_finds(
        "2 Killyhevlin Quay, Enniskillen, Co. Fermanagh\nBT74 4EZ",
        &[
            ("2 Killyhevlin Quay, Enniskillen, Co. Fermanagh", Address),
            ("BT74 4EZ", PostalCode),
        ],
    );
    assert_finds(
        "1-7-22 Hakuchō-dōri, Kanazawa-shi, Ishikawa 920-0831",
        &[
            ("1-7-22 Hakuchō-dōri, Kanazawa-shi, Ishikawa", Address),
            ("920-0831", PostalCode),
        ],
    );
    assert_finds(
        "**Address:** Lumière Aoyama 803, 4-11-2 Minami-Aoyama, Minato-ku, Tokyo",
        &[(
            "Lumière Aoyama 803, 4-11-2 Minami-Aoyama, Minato-ku, Tokyo",
            Address,
        )],
    );
    assert_finds(
        "2F Tsukimi Bldg., 412 Kiyomizu-zaka Kitagawa, Higashiyama-ku, Kyoto",
        &[(
            "2F Tsukimi Bldg., 412 Kiyomizu-zaka Kitagawa, Higashiyama-ku, Kyoto",
            Address,
        )],
    );
    // A year and a town are no address.
    assert_finds("Founded in 1998 Kyoto, Japan.", &[]);
}

#[test]
fn birds_of_prey_ships_dance_tunes_and_benches_are_no_one_and_welsh_names_are_whole() {
    assert_no_person(&[
        "She has worked with Gerald, our eagle owl, since 2019.",
        "She'll bring Percy (barn owl) into the hall.",
        "- **Bird:** Winston, Cooper's hawk",
        "They fly Harris's hawks in family groups.",
        "The owl called **Gerald** is a Eurasian eagle owl.",
        "- **Studio mascot:** our cat Cullet, who naps on the annealer",
        "| 1907 | Silver Medal | Barque *Annie Trelawny*, aground |",
        "the *Captain Tom Yelland* bench (2023)",
        "*Mairi's Wedding*, *Mrs Stewart's Jig*",
        "- Set piece: *Niel Gow's Lament for the Death of his Second Wife*",
        "10. Auld Lang Syne",
        "**The Kelpie Ceilidh Band** will play.",
        "how to give to the **Shannon Appeal**",
        "江戸切子の代表的な文様をご紹介します。",
        "ホテル桜ヶ丘様のロビー照明",
        "名前はゴードン・ハイランダーズ連隊に由来しています。",
    ]);
    // Someone set off by a role in brackets, or after "our", is someone.
    assert_finds(
        "Please ask Sam (dog walker) at the gate.",
        &[("Sam", Person)],
    );
    assert_finds("1. Driver: Gwen ap Rhys", &[("Gwen ap Rhys", Person)]);
    assert_finds(
        "担当鷹匠の新垣まで至急ご連絡ください。",
        &[("新垣", Person)],
    );
    assert_finds(
        "教会事務所の早瀬牧師宛てにお送りしました。",
        &[("早瀬", Person)],
    );
    assert_finds(
        "お名前は「綾瀬 文様」と掲載してもよろしいですか。",
        &[("綾瀬 文", Person)],
    );
    assert_finds(
        "The Osprey Inn, 8 Riverside Walk, Kelso, Scottish Borders TD5 7BE",
        &[
            ("8 Riverside Walk, Kelso, Scottish Borders", Address),
            ("TD5 7BE", PostalCode),
        ],
    );
}

#[test]
fn registers_in_family_name_order_message_senders_and_fediverse_handles() {
    assert_finds(
        "Workshop (max 8):\n\n1. Kowalczyk, Agnieszka\n2. Bramwell, Tom",
        &[("Kowalczyk, Agnieszka", Person), ("Bramwell, Tom", Person)],
    );
    assert_finds(
        "logged as case CS-0912 under the name Kowalczyk, Zbigniew and passed on",
        &[("Kowalczyk, Zbigniew", Person)],
    );
    assert_finds("- Paris, France\n- Tuesday, March\n- Apples, Pears", &[]);
    assert_finds(
        "メッセージ：「いつもありがとう。大輔より」",
        &[("大輔", Person)],
    );
    assert_finds(
        "「米寿おめでとう！ さくら・健一より」",
        &[("さくら", Person), ("健一", Person)],
    );
    assert_finds("「本日より営業します」", &[]);
    assert_finds(
        "We post on Mastodon at @cider@example.social every January.",
        &[],
    );
    assert_finds(
        "Write to cider@example.social today.",
        &[("cider@example.social", Email)],
    );
    // A lot's number in the shape of no toll-free grouping.
    assert_finds(
        "The lot number on the cap (e.g. 0120-7946-03) is the run.",
        &[],
    );
    assert_finds(
        "**Unit 4, Cresswell Arches, 112 Mallory Street, London E8 3QT**",
        &[
            (
                "Unit 4, Cresswell Arches, 112 Mallory Street, London",
                Address,
            ),
            ("E8 3QT", PostalCode),
        ],
    );
    assert_finds(
        "find us at 2nd Floor, 41 Pelham Arcade, Manchester M4 1HN.",
        &[
            ("2nd Floor, 41 Pelham Arcade, Manchester", Address),
            ("M4 1HN", PostalCode),
        ],
    );
    assert_finds(
        "4200 Airfield Road, Hangar 3, Millbrook, OR 97351",
        &[
            ("4200 Airfield Road, Hangar 3, Millbrook, OR", Address),
            ("97351", PostalCode),
        ],
    );
    assert_no_person(&[
        "**Finca El Injerto** sits in Huehuetenango.",
        "- **Hario** (V60 drippers)\n- **Bodum** (French presses)",
        "4. **Uncle Will's Reserve** — oak-aged Dabinett",
        "- Hat: Trilby, houndstooth tweed",
        "当日のパイロットのカクノは人気の万年筆です。",
    ]);
    assert_finds("当日の担当パイロットは大塚です。", &[("大塚", Person)]);
}

#[test]
fn skills_stations_grid_references_mountains_and_dotted_national_numbers() {
    assert_no_person(&[
        "which is why a single Axel has 1½ rotations",
        "The nearest station is Malvern Link, about 10 minutes' walk.",
        "- 3rd: Great Gable via Aaron Slack (NY 211 104)",
        "1. Block A: 6 Jan – 24 Feb\n2. Block B: 3 Mar – 21 Apr",
        "| Mr Punch (glove) | HIRE-P01 | £25 |",
        "3. 斜里岳（1,547m）\n4. 阿寒岳（1,499m）",
        "山行番号 2025-061（岩殿山〜百蔵山）。",
        "京都市役所前駅から徒歩5分、寺町通の古書街の一角",
        "各教室は、人形芝居にゆかりのある名前にちなんで名付けられています。",
    ]);
    assert_finds(
        "We've added his number (07700.900.274) to the list.",
        &[("07700.900.274", Phone)],
    );
    assert_finds("Version 10.0.19045 is installed.", &[]);
    assert_finds(
        "請求書は吉田 一郎殿宛にて発行いたします。",
        &[("吉田 一郎", Person)],
    );
    assert_finds(
        "Attn: Chantal Beaulieu\n355 rue des Érables, Sherbrooke, QC J1H 4K9",
        &[
            ("Chantal Beaulieu", Person),
            ("355 rue des Érables, Sherbrooke, QC", Address),
            ("J1H 4K9", PostalCode),
        ],
    );
}

#[test]
fn clans_barcodes_desks_and_family_names_written_with_no() {
    assert_finds(
        "**Name on record:** Kirsten Halvorsen-MacLeod",
        &[("Kirsten Halvorsen-MacLeod", Person)],
    );
    assert_finds("Ask about YouTube and FedEx today.", &[]);
    assert_finds("and the barcode on the box set is `0 75678 16521` 4.", &[]);
    assert_finds(
        "— Joss Penhaligon, Membership Officer\n01632 960482",
        &[("Joss Penhaligon", Person), ("01632 960482", Phone)],
    );
    assert_finds("Your membership no. 01632 960482 is on the card.", &[]);
    assert_finds(
        "広報担当の一ノ瀬 かおるが務めます。",
        &[("一ノ瀬 かおる", Person)],
    );
    assert_no_person(&[
        "Both are in stock: Bruce Modern and the Gordon Highlanders sett.",
        "**Calder Valley Wheelers CC**",
        "2 nights at the Hôtel du Mont Ventoux",
        "日本スコットランド氏族協会の事務局連絡先は以下のとおりです。",
        "**お車の場合：** 長野道・塩尻ICから約15分。",
        "2. **コカ・コーラコーナー**",
    ]);
}

#[test]
fn people_in_sentences_of_history_are_no_one_but_a_family_history_is_someone() {
    assert_no_person(&[
        "Harold Mossop designed the shape in 1860.",
        "Ercol was founded by Lucian Ercolani in 1920; we repair it.",
        "The S-bend was patented by Harold Mossop around 1775.",
    ]);
    // A year of our time, or a family's own history, keeps the name.
    assert_finds(
        "The brewery was founded in 1998 by Marta Kessler and her father.",
        &[("Marta Kessler", Person)],
    );
    assert_finds(
        "Your great-grandfather Thomas Reid built the farmhouse in 1887.",
        &[("Thomas Reid", Person)],
    );
    assert_finds(
        "The garden was designed by Kenji Morimoto in 1987.",
        &[("Kenji Morimoto", Person)],
    );
}

#[test]
fn a_country_or_an_airport_code_after_a_name_names_no_one() {
    assert_no_person(&[
        "| Tsukahara | Vault | Harold Mossop (JPN) |",
        "From Paris Charles de Gaulle (CDG), the quickest route is the RER.",
    ]);
    assert_finds(
        "Ask Harold Mossop (he runs the desk).",
        &[("Harold Mossop", Person)],
    );
}

#[test]
fn names_in_a_column_of_namesakes_are_no_one() {
    assert_no_person(&[
        "| Method | Named after | What you'll notice |\n|---|---|---|\n| Cecchetti | Harold Mossop (1850–1928) | a fixed set |",
        "| Space | Capacity | Named after |\n|---|---|---|\n| The Austen Library | 60 | Harold Mossop |",
        "| 名称 | 由来 | 定員 |\n|---|---|---|\n| 山田の間 | 山田 太郎 | 8名 |",
    ]);
    // A column of people beside it is still read as one.
    assert_finds(
        "| Room | Named after | Host |\n|---|---|---|\n| Lovelace Room | Ada Lovelace | Harold Mossop |",
        &[("Harold Mossop", Person)],
    );
}

#[test]
fn people_in_sentences_of_renown_are_no_one_but_references_and_club_champions_are_someone() {
    assert_no_person(&[
        // A decade or a century of history, and more deeds.
        "Homeopathy was founded by Harold Mossop in the late 1700s.",
        "Harold Mossop hit .406 in 1941.",
        "Harold Mossop flew it just once, on 2 November 1947.",
        "Harold Mossop (1716–1772) surveyed much of the early network.",
        "The Smith hive was designed by Harold Mossop of Peebles in the mid-20th century.",
        // A thing made, credited in the past.
        "The sliding scale was devised by Harold Mossop.",
        // Words of renown, and a win at the world's level.
        "Harold Mossop scored the first perfect 10 in Olympic gymnastics.",
        "The 2016 world champion Harold Mossop devised the method.",
        "Harold Mossop's 147 at the 1997 World Championship still stands.",
        "The world record of 253.5 m was set by Harold Mossop in Vikersund in 2017.",
        // A life of a nation or an age; a nation and a calling after "after" or after
        // the name.
        "Harold Mossop was a Scottish racing driver who won twice.",
        "The loop is called the Mossop, after German skater Harold Mossop.",
        "The torte is credited to Harold Mossop, the Austrian confectioner.",
        // Trivia.
        "Fun fact: Harold Mossop shaped the design.",
        "I'm **Skylar**, the club assistant. Fun fact: R. J. Mitchell shaped the design.",
        // A creator's work in the possessive.
        "You're thinking of Harold Mossop's poem \"The Village Blacksmith\".",
        "It is based on Harold Mossop's 1709 formula.",
        // Japanese: a year long past and a deed in the sentence.
        "ピノキオの原作は、カルロ・モッソップが1883年に発表した物語です。",
        "モーリス・マイナーは、ハロルド・モッソップが設計し1948年に発表された英国の大衆車です。",
        // Japanese: a life told, an anniversary.
        "右近の窓は、ハロルド・モッソップの生涯を描いたステンドグラスです。",
        "**ハロルド・モッソップ 生誕祭朗読会**のチケットを販売中です。",
        // Japanese: a figure listed with another before their works.
        "小径にはハロルド・モッソップや岡本太郎の作品が並びます。",
        // Japanese: a word of renown in the sentence.
        "ハロルド・モッソップが1997年の世界選手権で達成した記録です。",
    ]);
    // Someone at work now, a club's champion, a reference's past, the writer's own or a
    // line still running keeps the name.
    for text in [
        "The quiz column is written by Harold Mossop.",
        "The border was designed by Harold Mossop, who'll be at the open day.",
        "Last year's champion, Harold Mossop, won with a swan.",
        "The club champion, Harold Mossop, won with a swan.",
        "Harold Mossop was a tidy and reliable tenant.",
        "Our Olympic coach Harold Mossop runs the Tuesday class.",
        "Harold Mossop, the Japanese potter who runs our kiln, made these bowls.",
        "Former world champion Harold Mossop runs the Saturday class.",
        "The guest instructor is Harold Mossop, the National Champion in 2019.",
        "Harold Mossop set a new club record on Saturday.",
        "Our member Harold Mossop's poem won the junior prize.",
        "Our **Trivia Tuesday** host is Harold Mossop.",
        "Your ancestor Harold Mossop (1838–1901) farmed at Hill End and served as warden.",
    ] {
        assert_finds(text, &[("Harold Mossop", Person)]);
    }
    assert_finds(
        "当醸造所の創業は明治15年で、現在は五代目の石田 恵子が蔵元を務めています。",
        &[("石田 恵子", Person)],
    );
    // A member, a coach or a former champion is someone.
    for text in [
        "世界選手権に出場した会員の山田 太郎さんが指導します。",
        "元世界チャンピオンの山田 太郎がコーチです。",
    ] {
        assert_finds(text, &[("山田 太郎", Person)]);
    }
}

#[test]
fn names_in_a_column_of_things_are_no_one() {
    assert_no_person(&[
        "| Horse | Height | Suits |\n|---|---|---|\n| Harold Mossop | 15.3hh | Improvers |",
        "| **Rod** | Model | Price |\n|---|---|---|\n| Harold Mossop | 905-4 | £249 |",
        "| 商品 | 容量 | 価格 |\n|---|---|---|\n| ハロルド・モッソップ | 800ml | 4,400円 |",
    ]);
    // A column of people beside it is still read as one.
    assert_finds(
        "| Class | Instructor |\n|---|---|\n| Harold Mossop | Edith Crane |",
        &[("Edith Crane", Person)],
    );
}

#[test]
fn a_learned_calling_or_a_calling_of_a_place_before_a_japanese_name_makes_it_public() {
    assert_no_person(&[
        "フランスの数学者ブレーズ・モッソップの三角形を学びます。",
        "アメリカの医師ハロルド・モッソップが報告した病気です。",
        "冒険家・山田 太郎の功績をたたえた賞です。",
    ]);
    // An artist, a founder or a physician of no place or age, one with a honorific, or
    // one of the shop's own is someone.
    assert_finds(
        "陶芸家の山田 花子が個展を開きます。",
        &[("山田 花子", Person)],
    );
    assert_finds(
        "画家ハロルド・モッソップの新作が入荷しました。",
        &[("ハロルド・モッソップ", Person)],
    );
    assert_finds(
        "当店の専属ピアニスト綾瀬からのメッセージです。",
        &[("綾瀬", Person)],
    );
    assert_finds(
        "フランスの数学者ハロルド・モッソップさんが講演します。",
        &[("ハロルド・モッソップ", Person)],
    );
}

#[test]
fn a_katakana_name_alone_in_japanese_quotes_is_a_things_unless_the_reply_speaks_of_names() {
    assert_no_person(&[
        "オリジナルカクテル「ハロルド・モッソップ」（1,200円）をご用意しています。",
    ]);
    for text in [
        "「ハロルド・モッソップ」とお名前の入ったファイルがありました。",
        "「ハロルド・モッソップ」様のご予約を承りました。",
    ] {
        assert_finds(text, &[("ハロルド・モッソップ", Person)]);
    }
}

#[test]
fn names_in_brackets_of_examples_are_no_one() {
    assert_no_person(&[
        "Finding windows by artist (e.g. Harold Mossop, Edith Crane)",
        "- 作家別の窓検索（例：小川三知、ハロルド・モッソップ）",
    ]);
    // After the brackets close, a name is read as ever.
    assert_finds(
        "Search by maker (e.g. Harold Mossop) or ask Edith Crane.",
        &[("Edith Crane", Person)],
    );
}

#[test]
fn a_family_name_a_comma_and_a_given_name_after_a_registers_word_is_one_name() {
    for (text, name) in [
        (
            "You're listed as **Lindqvist, Astrid**, position 2 of 11.",
            "Lindqvist, Astrid",
        ),
        (
            "The name we have is **Kowalczyk, Agnieszka**, registered for Trench B.",
            "Kowalczyk, Agnieszka",
        ),
        (
            "I've passed it to MacLeod, Ailsa, our Head of Coaching.",
            "MacLeod, Ailsa",
        ),
    ] {
        assert_finds(text, &[(name, Person)]);
    }
    // A family name in capitals, or a listed one, may be a given name too.
    assert_finds(
        "Our system had the contract signatory as **BRENNAN, Orla**; I've changed it.",
        &[("BRENNAN, Orla", Person)],
    );
    assert_finds(
        "The delivery contact on file is **Fitzgerald, Orla**, with the number on file.",
        &[("Fitzgerald, Orla", Person)],
    );
    // A list of things after such a word is none.
    assert_no_person(&["The pens take standard cartridges, as Kaweco, Faber and Lamy do."]);
}

#[test]
fn a_name_joined_by_and_to_a_name_found_before_it_is_one_too() {
    assert_finds(
        "The workshop is run by Aurelio and Fenella Strachan.",
        &[("Aurelio", Person), ("Fenella Strachan", Person)],
    );
    assert_finds(
        "Judges are Orla Finnegan, Ravi Deshpande and Benedikt Strauss.",
        &[
            ("Orla Finnegan", Person),
            ("Ravi Deshpande", Person),
            ("Benedikt Strauss", Person),
        ],
    );
    assert_finds(
        "Thank you so much! Love, Tom & Ellie",
        &[("Tom", Person), ("Ellie", Person)],
    );
    // Not a place, nor a firm in the possessive.
    assert_finds(
        "Our caller Ruth O'Neill has called dances all over Ireland and Wales.",
        &[("Ruth O'Neill", Person)],
    );
    // A comma alone lists a firm after a name as well.
    assert_finds(
        "Beneficiary: Lukas Meier, Schreinerei Meier",
        &[("Lukas Meier", Person)],
    );
}

#[test]
fn a_name_alone_after_a_label_naming_a_role_is_its_holders() {
    assert_finds(
        "- **Project manager:** Chidi Okafor\n- **Electrician:** Halvorsen\n- **Roofer:** Paddy\n\nStart date: Monday.",
        &[
            ("Chidi Okafor", Person),
            ("Halvorsen", Person),
            ("Paddy", Person),
        ],
    );
    assert_finds("- Dwayne: security manager", &[("Dwayne", Person)]);
    // A deed's doer after "by" and a colon.
    assert_finds(
        "1. **Erected by:** Lucjan & team\n2. **Inspected by:** Fairbairn (card on file)",
        &[("Lucjan", Person), ("Fairbairn", Person)],
    );
    assert_finds(
        "| Field | Detail |\n|---|---|\n| Engineer | Halvorsen |\n| Job | JB-4471 |",
        &[("Halvorsen", Person)],
    );
    // A header row names columns, not people.
    assert_no_person(&["| Therapist | Modalities |\n|---|---|\n| Yoga | Pilates |"]);
    // No role, or no words after the colon.
    assert_no_person(&[
        "- **Courier:** Parcelforce\n- **Tracking:** PF1284 5590 0213 GB",
        "- **Crew:** 3 puppeteers + 1 technician",
        "- Instagram: **@spotless_cleaners**",
        "- **Status:** Paddy field tour confirmed",
    ]);
}

#[test]
fn a_role_then_is_after_a_time_or_a_place_cues_the_name() {
    assert_finds(
        "The nearest locksmith to you is usually Gethin, based at our Swansea depot.",
        &[("Gethin", Person)],
    );
}

#[test]
fn a_first_name_that_is_a_word_before_a_surname_found_alone_is_part_of_it() {
    assert_finds(
        "1. **Tomasz Wiśniewski** — +44 7700 900736\n2. **Grace Adeyemi** — +44 7700 900219",
        &[
            ("Tomasz Wiśniewski", Person),
            ("+44 7700 900736", Phone),
            ("Grace Adeyemi", Person),
            ("+44 7700 900219", Phone),
        ],
    );
    // Not a title ("Miss Ng" is Ms Ng).
    assert_finds("Your teacher is Miss Ng.", &[("Ng", Person)]);
}

#[test]
fn a_japanese_calling_known_by_its_form_cues_the_family_name_after_it() {
    for (text, name) in [
        ("担当技術者の堀川が本日15時ごろ伺います。", "堀川"),
        ("技術者の中西が以下のとおり伺います。", "中西"),
        ("担当の収集員は大森です。", "大森"),
        (
            "担当アドバイザーの村瀬が、来月の明細発行前にご連絡します。",
            "村瀬",
        ),
    ] {
        assert_finds(text, &[(name, Person)]);
    }
    // A label and its holder in a table's row, or in a block aligned with spaces.
    assert_finds(
        "| 検査日 | 9月10日 |\n| 検査員 | 早乙女 |",
        &[("早乙女", Person)],
    );
    assert_finds(
        "点検日   : 2021-07-14\n点検員   : 石井\n結果     : 異常なし",
        &[("石井", Person)],
    );
    assert_no_person(&["| 商品 | 佐藤錦 |"]);
    assert_finds(
        "| 店長 | 相馬 悠斗 |\n| 副店長 | ジャマル |",
        &[("相馬 悠斗", Person), ("ジャマル", Person)],
    );
    assert_finds(
        "女性の点検員（中嶋）を手配いたします。",
        &[("中嶋", Person)],
    );
    assert_finds(
        "保安点検の際、点検員のアフマドがメーターを確認しました。",
        &[("アフマド", Person)],
    );
    // A crew's or a squad's roles, before the name or after it.
    assert_finds(
        "報告書は同日6:10に藤井隊長が確認しております。",
        &[("藤井", Person)],
    );
    assert_finds(
        "- **土・日:** 交代要員 大和田（SH-3312）",
        &[("大和田", Person)],
    );
    assert_no_person(&[
        "全隊員がウェアラブルカメラを着用しています。",
        "全隊員がウェアラブルカメラを装着しています。",
        "- **森の小径**：正門から北へ徒歩5分",
    ]);
    // A given name after a role and の, before より, から or を.
    assert_finds("担当の大輔より連絡します。", &[("大輔", Person)]);
    assert_finds(
        "受付番号 C-7781 で受け付け、施工担当の翔太より明日お電話いたします。",
        &[("翔太", Person)],
    );
    // The firm's own people, by a listed family name; not its products.
    assert_finds(
        "弊社の堀江より、候補日をお送りします。",
        &[("堀江", Person)],
    );
    assert_finds(
        "当日の現場責任者は弊社の中村 蒼が務めます。",
        &[("中村 蒼", Person)],
    );
    assert_no_person(&[
        "弊社のクリアライトは防虫効果が続きます。",
        "工事の様子は当社のInstagramでもご覧いただけます。",
    ]);
    assert_no_person(&[
        "利用者ポータルからお申し込みください。",
        "会員が登った山の数を集計しています。",
        "会員の間でも評判です。",
    ]);
}

#[test]
fn trades_words_styles_of_an_age_bots_and_animals_name_no_one() {
    assert_no_person(&[
        "| Harwell Renewables | 0117 496 0554 |",
        "We're not affiliated with Cash Converters.",
        "She'll restore the original Victorian rim lock.",
        "**Hartley Skips – Leeds**\nUnit 4, Brackenfield Trading Estate",
        "Hi, I'm **Brook**, Hollis & Brandt Water's virtual assistant 💧",
        "You may already have met **Bruno** and **Kaiser**, our two German Shepherds on the West gate.",
    ]);
}

#[test]
fn a_name_after_a_clause_spoken_to_the_reader_is_addressed() {
    assert_finds(
        "I've logged your request, Siobhán. Summary: pigeon netting.",
        &[("Siobhán", Person)],
    );
    assert_no_person(&["Our shop opened in 1990 in Kent, Paris. Summary: bread."]);
}

#[test]
fn the_name_an_assistant_introduces_itself_by_is_no_one() {
    assert_no_person(&[
        "こんにちは、AIアシスタントの**ミライ**です🚲",
        "収納アシスタントのハルです。申し訳ございません。",
        "「ことのは堂」のAIアシスタント、**ハナ**です。",
        "- 代理人様の本人確認書類",
    ]);
    // A person the assistant names is someone.
    assert_finds(
        "アシスタントの佐藤が折り返しご連絡します。",
        &[("佐藤", Person)],
    );
}

#[test]
fn a_contracts_or_a_customers_number_is_no_phone_number() {
    for text in [
        "- Contract: **0207-4491-882**",
        "- 契約番号：**0355-5501-27**",
        "お客様番号 0355-5501-27",
    ] {
        assert_finds(text, &[]);
    }
    // A key-pad's code ending in # numbers nothing after it.
    assert_finds(
        "- 入室コード：`7741#`\n\nご不明点は0120-555-137までお電話ください。",
        &[("0120-555-137", Phone)],
    );
    // A mobile on the contract is one.
    assert_finds(
        "We'll text it to the mobile on your contract (07700 900417).",
        &[("07700 900417", Phone)],
    );
}

#[test]
fn a_name_cued_and_placed_in_a_team_or_after_an_aside_is_someone() {
    assert_finds(
        "Your bank feed issue was handled by Kowalczyk on our integrations team.",
        &[("Kowalczyk", Person)],
    );
    assert_finds(
        "Your account contact is Fenella. Extra pickups cost £5.",
        &[("Fenella", Person)],
    );
    assert_finds(
        "Tonight's front-desk team is Keiko (until 11 PM) and Marcus (11 PM – 7 AM).",
        &[("Keiko", Person), ("Marcus", Person)],
    );
}

#[test]
fn assistants_voice_assistants_and_the_ends_of_words_name_no_one() {
    assert_no_person(&[
        "I'm **Willow** 🌿, the hall's virtual assistant.",
        "Say: *\"Alexa, remind me to take my tablets\"*",
        "お申し込みは先生に直接メールでどうぞ。",
        "初回の小話：初代 iPhone は2007年1月に発売されました。",
        "It goes by Special Delivery (£8.50).",
    ]);
    // A name in hiragana after a role is someone's; so is one a person goes by.
    assert_finds(
        "受付の美咲が、衛生士あかりとのクリーニングをお取りしました。",
        &[("美咲", Person), ("あかり", Person)],
    );
    assert_finds(
        "The host for this listing is Okonkwo (he goes by Chidi).",
        &[("Chidi", Person)],
    );
}
