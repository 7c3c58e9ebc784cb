//! Owner flows against the real `mimi` binary: settings from the environment reach the
//! mail worker, mail arrives over SMTP, and nothing secret reaches the logs.

use std::time::Duration;

use mimi_testkit::{SmtpServer, TestDb};
use serde_json::{Value, json};

use crate::support::{Server, mimi_on};

const PASSWORD: &str = "Ultra-Secret-Passphrase-42";

async fn post(
    client: &reqwest::Client,
    base: &str,
    path: &str,
    body: Value,
) -> (u16, Value, Vec<String>) {
    let response = client
        .post(format!("{base}/api/v1{path}"))
        .header("origin", base)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let cookies = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    let body = response.json().await.unwrap_or(Value::Null);
    (status, body, cookies)
}

#[tokio::test]
async fn sign_up_by_smtp_and_sign_in_leave_no_secret_in_the_logs() {
    let db = TestDb::new().await;
    let smtp = SmtpServer::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = mimi_on(dir.path(), &db);
    cmd.env("MIMI_MAIL__SMTP_HOST", "127.0.0.1")
        .env("MIMI_MAIL__SMTP_PORT", smtp.port().to_string())
        .env("MIMI_MAIL__SMTP_SECURITY", "none")
        .env("MIMI_MAIL__FROM", "Mimi <no-reply@mimi.test>");
    let server = Server::start(cmd, dir.path()).await;
    let base = server.base.clone();
    let client = mimi_testkit::client();

    let form = json!({
        "name": "Log Tester", "email": "log.tester@example.com", "password": PASSWORD,
        "workspace_name": "Logs", "age_confirmed": true,
    });
    assert_eq!(post(&client, &base, "/auth/sign-up", form).await.0, 202);
    let mail = smtp
        .wait_for_mail("log.tester@example.com", Duration::from_secs(30))
        .await;
    assert!(mail.from.contains("no-reply@mimi.test"), "{}", mail.from);
    let prefix = format!("{base}/dashboard/verify-email?token=");
    let start = mail.text.find(&prefix).expect("a link to this server") + prefix.len();
    let token: String = mail.text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let (status, _, cookies) = post(
        &client,
        &base,
        "/auth/verify-email",
        json!({ "token": token }),
    )
    .await;
    assert_eq!(status, 200);
    let cookie_value = cookies[0]
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("cc_uid=")
        .to_owned();
    let wrong = post(
        &client,
        &base,
        "/auth/sign-in",
        json!({ "email": "log.tester@example.com", "password": "wrong-password-x" }),
    )
    .await;
    assert_eq!(wrong.0, 401);
    let right = post(
        &client,
        &base,
        "/auth/sign-in",
        json!({ "email": "log.tester@example.com", "password": PASSWORD }),
    )
    .await;
    assert_eq!(right.0, 200);

    let (ok, logs) = server.terminate().await;
    assert!(ok, "{logs}");
    assert!(
        logs.contains("/api/v1/auth/sign-in"),
        "requests are logged by route: {logs}"
    );
    for secret in [
        PASSWORD,
        "wrong-password-x",
        token.as_str(),
        cookie_value.as_str(),
        "log.tester@example.com",
        "127.0.0.1:",
    ] {
        assert!(
            !logs.contains(secret),
            "the logs contain {secret:?}:\n{logs}"
        );
    }
    // The key that seals cookies was generated into the data directory, private.
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(dir.path().join("secret.key"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[tokio::test]
async fn serve_demo_seeds_an_owner_and_an_app_once_and_prints_how_to_sign_in() {
    let db = TestDb::new().await;
    let dir = tempfile::tempdir().unwrap();
    let mut printed = Vec::new();
    for _ in 0..2 {
        let mut server =
            Server::start_with(mimi_on(dir.path(), &db), dir.path(), &["--demo"]).await;
        let line = server.wait_for_line("sign in as").await;
        printed.push(line.clone());
        let password = line.rsplit(' ').next().unwrap().to_owned();
        let client = mimi_testkit::client();
        let (status, account, _) = post(
            &client,
            &server.base,
            "/auth/sign-in",
            json!({ "email": "demo@mimi.localhost", "password": password }),
        )
        .await;
        assert_eq!(status, 200, "{account}");
        let workspaces: Value = client
            .get(format!("{}/api/v1/workspaces", server.base))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let ws = workspaces[0]["id"].as_str().unwrap();
        let apps: Value = client
            .get(format!("{}/api/v1/workspaces/{ws}/apps", server.base))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(apps.as_array().unwrap().len(), 1, "seeded once: {apps}");
        assert_eq!(apps[0]["handle"], "demo");
        let (ok, logs) = server.terminate().await;
        assert!(ok, "{logs}");
        assert!(
            !logs.contains(&password),
            "the password is printed for the developer, never logged"
        );
    }
    assert_eq!(printed[0], printed[1], "the same password on every start");
}
