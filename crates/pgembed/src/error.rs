use std::path::PathBuf;

/// Why the embedded PostgreSQL could not be provisioned, started or stopped.
///
/// Every message is one line that says what happened and what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The wheel only ships Linux x86_64 binaries.
    #[error(
        "the embedded PostgreSQL runs only on Linux x86_64 (this is {os}/{arch}); point Mimi at an existing PostgreSQL with pgvector instead"
    )]
    UnsupportedPlatform {
        /// `std::env::consts::OS`.
        os: &'static str,
        /// `std::env::consts::ARCH`.
        arch: &'static str,
    },
    /// `python3 -m pip` is not available to download a wheel.
    #[error(
        "{package} is fetched from PyPI with pip, but `python3 -m pip` is not available: install it (Debian: `apt-get install python3-pip`) and try again"
    )]
    NoPip {
        /// The requirement that was to be fetched.
        package: String,
    },
    /// pip ran but could not download the wheel.
    #[error(
        "downloading {package} with pip failed ({detail}); check access to PyPI (proxy, pip.conf) and try again"
    )]
    DownloadFailed {
        /// The requirement that was asked for.
        package: String,
        /// pip's last line of output.
        detail: String,
    },
    /// The downloaded wheel is not the pinned one.
    #[error(
        "the downloaded {file} has sha256 {actual}, not the pinned {expected}; delete it from {cache} and try again"
    )]
    ChecksumMismatch {
        /// Wheel file name.
        file: String,
        /// Pinned digest.
        expected: &'static str,
        /// Digest of what was downloaded.
        actual: String,
        /// The cache directory holding the wheel.
        cache: PathBuf,
    },
    /// The wheel is not a readable zip archive with the expected layout.
    #[error("the wheel {path} is damaged ({detail}); delete it and try again")]
    BadWheel {
        /// Where the wheel is.
        path: PathBuf,
        /// What was wrong.
        detail: String,
    },
    /// The data directory belongs to another user, so this process cannot manage it.
    #[error(
        "the data directory {path} is owned by uid {owner}, not by this user (uid {me}); run Mimi as its owner or choose another data directory"
    )]
    NotOwner {
        /// The directory.
        path: PathBuf,
        /// Its owner.
        owner: u32,
        /// The effective uid of this process.
        me: u32,
    },
    /// Running as root, PostgreSQL must run as `nobody`, who cannot reach the directory.
    #[error(
        "PostgreSQL refuses to run as root, so Mimi runs it as `nobody`, but {path} is not searchable by other users (chmod o+x it) — or choose a data directory outside it"
    )]
    NotTraversable {
        /// The first ancestor that others cannot enter.
        path: PathBuf,
    },
    /// The configured port is already in use.
    #[error(
        "port {port} on 127.0.0.1 is already in use; choose another port, or 0 to pick a free one"
    )]
    PortTaken {
        /// The port.
        port: u16,
    },
    /// A PostgreSQL tool exited with failure.
    #[error("{tool} failed: {detail}")]
    Tool {
        /// `initdb`, `pg_ctl start`, …
        tool: &'static str,
        /// The last lines of its output or log.
        detail: String,
    },
    /// A file-system operation failed.
    #[error("{action} {path}: {source}")]
    Io {
        /// What was being done, e.g. "creating".
        action: &'static str,
        /// On which path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl Error {
    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.into();
        move |source| Error::Io {
            action,
            path,
            source,
        }
    }
}

/// The last `n` non-empty lines of `text`, joined with " | ", for one-line error messages.
pub(crate) fn tail(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let start = lines.len().saturating_sub(n);
    lines[start..].join(" | ")
}
