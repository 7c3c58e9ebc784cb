use super::{Block, Letter, Message, one_line as v};

const FOOTER: &str = "※このメールは送信専用のアドレスからお送りしています。ご返信いただいてもお答えできませんので、あらかじめご了承ください。Mimi アカウントでのお手続きに伴い、自動でお送りしています。";
const SIGNATURE: &str = "Mimi";
const NOT_YOU_RESET: &str = "お心当たりのない場合は、第三者がアカウントにアクセスしている可能性があります。ログイン画面の「パスワードをお忘れの方」から、至急パスワードを再設定してください。";

pub(super) fn letter(message: &Message) -> Letter {
    let (subject, greeting, blocks) = match message {
        Message::VerifyEmail { name, link } => (
            "【Mimi】メールアドレスの確認のお願い".to_owned(),
            Some(dear(name)),
            vec![
                Block::text(
                    "このたびは Mimi にご登録いただき、誠にありがとうございます。下記のリンクを開いて、メールアドレスの確認を完了してください。",
                ),
                Block::link("メールアドレスを確認する", link),
                Block::text("このリンクの有効期限は24時間です。"),
                Block::text("お心当たりのない場合は、お手数ですが本メールを破棄してください。"),
            ],
        ),
        Message::AlreadyRegistered {
            name,
            sign_in_link,
            reset_link,
        } => (
            "【Mimi】ご登録済みのメールアドレスでの新規登録について".to_owned(),
            Some(dear(name)),
            vec![
                Block::text(
                    "このメールアドレスで Mimi の新規登録が試みられましたが、すでにこのアドレスでご登録いただいているため、新しいアカウントは作成されていません。",
                ),
                Block::text(
                    "ご本人による操作の場合は、下記のリンクから既存のアカウントにログインしてください。",
                ),
                Block::link("ログインする", sign_in_link),
                Block::text("パスワードをお忘れの場合は、下記のリンクから再設定いただけます。"),
                Block::link("パスワードを再設定する", reset_link),
                Block::text(
                    "お心当たりのない場合は、本メールを破棄してください。アカウントには何も変更されていません。",
                ),
            ],
        ),
        Message::PasswordReset { name, link } => (
            "【Mimi】パスワード再設定のご案内".to_owned(),
            Some(dear(name)),
            vec![
                Block::text(
                    "Mimi アカウントのパスワード再設定のお申し込みを受け付けました。下記のリンクから新しいパスワードを設定してください。",
                ),
                Block::link("パスワードを再設定する", link),
                Block::text("このリンクの有効期限は1時間で、一度のみご利用いただけます。"),
                Block::text(
                    "お心当たりのない場合は、本メールを破棄してください。パスワードは変更されません。",
                ),
            ],
        ),
        Message::PasswordChanged { name } => (
            "【Mimi】パスワード変更のお知らせ".to_owned(),
            Some(dear(name)),
            vec![
                Block::text(
                    "Mimi アカウントのパスワードが変更されました。ご本人による変更の場合は、特にお手続きは必要ありません。",
                ),
                Block::text(NOT_YOU_RESET),
            ],
        ),
        Message::EmailChangeVerify {
            name,
            new_email,
            link,
        } => (
            "【Mimi】新しいメールアドレスの確認のお願い".to_owned(),
            Some(dear(name)),
            vec![
                Block::text(format!(
                    "Mimi アカウントのログイン用メールアドレスを {} に変更するお申し込みを受け付けました。下記のリンクを開いて、新しいメールアドレスの確認を完了してください。",
                    v(new_email)
                )),
                Block::link("新しいメールアドレスを確認する", link),
                Block::text("確認が完了するまでは、現在のメールアドレスでログインいただけます。"),
                Block::text("お心当たりのない場合は、お手数ですが本メールを破棄してください。"),
            ],
        ),
        Message::EmailChangeNotice { name, new_email } => (
            "【Mimi】ログイン用メールアドレス変更のお知らせ".to_owned(),
            Some(dear(name)),
            vec![
                Block::text(format!(
                    "Mimi アカウントのログイン用メールアドレスを {} に変更するお申し込みを受け付けました。新しいメールアドレスの確認が完了した時点で変更されます。",
                    v(new_email)
                )),
                Block::text("ご本人によるお申し込みの場合は、特にお手続きは必要ありません。"),
                Block::text(NOT_YOU_RESET),
            ],
        ),
        Message::Invite {
            inviter_name,
            workspace_name,
            link,
        } => (
            format!(
                "【Mimi】{} 様からワークスペース「{}」へのご招待",
                v(inviter_name),
                v(workspace_name)
            ),
            None,
            vec![
                Block::text(format!(
                    "{} 様より、Mimi のワークスペース「{}」へのご招待が届いています。下記のリンクから招待をお受けください。",
                    v(inviter_name),
                    v(workspace_name)
                )),
                Block::link("招待を受ける", link),
                Block::text("この招待の有効期限は7日間です。"),
                Block::text("お心当たりのない場合は、お手数ですが本メールを破棄してください。"),
            ],
        ),
    };
    Letter {
        subject,
        greeting,
        blocks,
        footer: FOOTER,
        signature: SIGNATURE,
        colon: "：",
    }
}

fn dear(name: &str) -> String {
    match v(name) {
        name if name.is_empty() => "お客様".to_owned(),
        name => format!("{name} 様"),
    }
}
