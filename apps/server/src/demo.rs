//! `mimi serve --demo`: a demo owner and app to look around with, created on the first
//! start and reused afterwards. The owner's password is random, kept in
//! `data_dir/demo-password` (mode 0600) and printed at every start.

use std::path::Path;

use anyhow::Context;
use mimi_accounts::SignUp;
use mimi_apps::{Link, NewApp, ThemeInput};
use mimi_domain::{Error, Language, Role, Scope};
use mimi_knowledge::NewFaq;

use crate::http::AppState;

/// The demo owner's sign-in.
pub const DEMO_EMAIL: &str = "demo@mimi.localhost";
/// The demo app's handle.
pub const DEMO_HANDLE: &str = "demo";

/// What the demo owner signs in with.
pub struct Demo {
    /// Sign-in email.
    pub email: &'static str,
    /// Sign-in password.
    pub password: String,
    /// The app's handle.
    pub handle: &'static str,
}

/// Creates the demo owner, workspace and app unless they exist.
pub async fn seed(state: &AppState, data_dir: &Path) -> anyhow::Result<Demo> {
    let password = password(data_dir)?;
    let created = state
        .accounts
        .create_verified_account(SignUp {
            name: "Demo Owner".to_owned(),
            email: DEMO_EMAIL.to_owned(),
            password: password.clone(),
            workspace_name: "Demo workspace".to_owned(),
            language: Language::En,
            age_confirmed: true,
        })
        .await;
    match created {
        Ok((account_id, workspace_id)) => {
            let scope = Scope {
                workspace_id,
                account_id: Some(account_id),
                role: Role::Owner,
            };
            let app = mimi_apps::create(&state.pool, &scope, &demo_app())
                .await
                .context("creating the demo app")?;
            // Indexed by the background worker once it has loaded the embedding model.
            mimi_knowledge::add_faqs(
                &state.pool,
                &scope,
                app.id,
                &demo_faqs(),
                &state.knowledge.limits,
            )
            .await
            .context("adding the demo app's FAQs")?;
        }
        // Seeded on an earlier start.
        Err(Error::Conflict {
            code: "email_taken",
            ..
        }) => {}
        Err(e) => return Err(anyhow::Error::new(e).context("creating the demo owner")),
    }
    Ok(Demo {
        email: DEMO_EMAIL,
        password,
        handle: DEMO_HANDLE,
    })
}

fn demo_app() -> NewApp {
    NewApp {
        handle: DEMO_HANDLE.to_owned(),
        name: "Mimi Café (demo)".to_owned(),
        site_url: Some("https://example.com".to_owned()),
        bio: Some("A demo café that answers questions about its menu and opening hours.\n営業時間やメニューについてお答えします。".to_owned()),
        links: Some(vec![Link {
            title: "Menu".to_owned(),
            url: "https://example.com/menu".to_owned(),
        }]),
        theme: Some(ThemeInput {
            greeting: Some("Hi! Ask me about our menu or opening hours.".to_owned()),
            suggested_questions: Some(vec![
                "When are you open?".to_owned(),
                "営業時間は？".to_owned(),
            ]),
            ..ThemeInput::default()
        }),
        ..NewApp::default()
    }
}

fn demo_faqs() -> Vec<NewFaq> {
    let faq = |question: &str, answer: &str| NewFaq {
        question: question.to_owned(),
        answer: answer.to_owned(),
        link: None,
    };
    vec![
        faq(
            "When are you open?",
            "We are open from 8:00 to 18:00, Tuesday to Sunday. We are closed on Mondays.",
        ),
        faq(
            "Do you have vegan options?",
            "Yes: oat and soy milk for every drink, and a vegan banana bread baked daily.",
        ),
        faq(
            "Can I bring my dog?",
            "Dogs are welcome on the terrace; inside, only assistance dogs.",
        ),
        faq(
            "営業時間を教えてください。",
            "火曜日から日曜日の8時から18時まで営業しています。月曜日は定休日です。",
        ),
        faq(
            "駐車場はありますか？",
            "店舗の裏に無料の駐車場が3台分あります。",
        ),
    ]
}

fn password(data_dir: &Path) -> anyhow::Result<String> {
    use base64::Engine;
    crate::keys::read_or_create_private(&data_dir.join("demo-password"), || {
        let bytes: [u8; 12] = rand::random();
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    })
}
