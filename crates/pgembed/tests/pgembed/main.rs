//! The embedded PostgreSQL, provisioned for real in throwaway directories.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::TcpListener;

use mimi_pgembed::{EmbeddedPostgres, Error, Options};
use secrecy::ExposeSecret;

fn options(root: &std::path::Path) -> Options {
    let mut options = Options::new(root);
    options.durable = false;
    options
}

#[test]
fn a_taken_port_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let mut options = options(&dir.path().join("pg"));
    options.port = port;
    let err = EmbeddedPostgres::start(&options).unwrap_err();
    assert!(
        matches!(err, Error::PortTaken { port: p } if p == port),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("already in use; choose another port"),
        "{err}"
    );
}

#[test]
fn a_directory_owned_by_another_user_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = if nix::unistd::geteuid().is_root() {
        let root = dir.path().join("pg");
        std::fs::create_dir(&root).unwrap();
        nix::unistd::chown(&root, Some(nix::unistd::Uid::from_raw(65534)), None).unwrap();
        root
    } else {
        std::path::PathBuf::from("/")
    };
    let err = EmbeddedPostgres::start(&options(&root)).unwrap_err();
    assert!(matches!(err, Error::NotOwner { .. }), "{err}");
    assert!(err.to_string().contains("run Mimi as its owner"), "{err}");
}

#[test]
fn start_attach_and_stop_share_one_cluster() {
    let dir = tempfile::tempdir().unwrap();
    let options = options(&dir.path().join("pg"));
    let first = EmbeddedPostgres::start(&options).unwrap();
    assert!(!first.was_running());
    let second = EmbeddedPostgres::start(&options).unwrap();
    assert!(
        second.was_running(),
        "a second start attaches to the running server"
    );
    assert_eq!(first.port(), second.port());
    assert!(
        first
            .url("postgres")
            .expose_secret()
            .contains(&format!(":{}/postgres", first.port()))
    );
    first.stop().unwrap();
    assert!(!dir.path().join("pg/data/postmaster.pid").exists());
    let again = EmbeddedPostgres::start(&options).unwrap();
    assert!(!again.was_running());
    again.stop().unwrap();
}

#[test]
fn a_relative_root_works_like_an_absolute_one() {
    // `./.mimi` is the server's default: PostgreSQL would resolve a relative socket
    // directory against its own data directory and fail to start.
    let dir = tempfile::tempdir().unwrap();
    let relative = pathdiff(&dir.path().join("pg"));
    assert!(relative.is_relative());
    let pg = EmbeddedPostgres::start(&options(&relative)).unwrap();
    pg.stop().unwrap();
}

/// `path` relative to the current directory (`../../tmp/…`).
fn pathdiff(path: &std::path::Path) -> std::path::PathBuf {
    let cwd = std::env::current_dir().unwrap();
    let mut relative = std::path::PathBuf::new();
    for _ in cwd.components().skip(1) {
        relative.push("..");
    }
    relative.join(path.strip_prefix("/").unwrap())
}
