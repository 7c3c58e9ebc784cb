//! Who runs PostgreSQL, and whether the directories allow it.
//!
//! PostgreSQL refuses to run as root. When Mimi itself runs as root (containers, CI),
//! the server processes run as `nobody` and own only the cluster's own directories.

use std::os::unix::fs::MetadataExt;
use std::path::Path;

use nix::unistd::{Gid, Uid, User, geteuid};

use crate::error::Error;

/// The unprivileged identity PostgreSQL runs as when this process is root.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RunAs {
    pub uid: u32,
    pub gid: u32,
}

/// `None` when this process is not root (PostgreSQL then runs as this user).
pub(crate) fn run_as() -> Result<Option<RunAs>, Error> {
    if !geteuid().is_root() {
        return Ok(None);
    }
    match User::from_name("nobody") {
        Ok(Some(user)) => Ok(Some(RunAs { uid: user.uid.as_raw(), gid: user.gid.as_raw() })),
        _ => Err(Error::Tool {
            tool: "setup",
            detail: "running as root, but there is no `nobody` user to run PostgreSQL as; run Mimi as an ordinary user".into(),
        }),
    }
}

/// Fails unless `dir` (if it exists) belongs to this process's user.
pub(crate) fn check_owner(dir: &Path) -> Result<(), Error> {
    let Ok(meta) = std::fs::metadata(dir) else {
        return Ok(());
    };
    let me = geteuid().as_raw();
    if meta.uid() != me {
        return Err(Error::NotOwner {
            path: dir.to_owned(),
            owner: meta.uid(),
            me,
        });
    }
    Ok(())
}

/// Fails unless every ancestor of `dir` can be entered by `who`.
pub(crate) fn check_traversable(dir: &Path, who: RunAs) -> Result<(), Error> {
    let absolute = std::fs::canonicalize(dir).map_err(Error::io("resolving", dir))?;
    for ancestor in absolute.ancestors() {
        let meta = std::fs::metadata(ancestor).map_err(Error::io("inspecting", ancestor))?;
        let others_x = meta.mode() & 0o001 != 0;
        let owner_x = meta.uid() == who.uid && meta.mode() & 0o100 != 0;
        let group_x = meta.gid() == who.gid && meta.mode() & 0o010 != 0;
        if !(others_x || owner_x || group_x) {
            return Err(Error::NotTraversable {
                path: ancestor.to_owned(),
            });
        }
    }
    Ok(())
}

/// Hands `path` to the PostgreSQL user.
pub(crate) fn give(path: &Path, who: Option<RunAs>) -> Result<(), Error> {
    if let Some(who) = who {
        nix::unistd::chown(
            path,
            Some(Uid::from_raw(who.uid)),
            Some(Gid::from_raw(who.gid)),
        )
        .map_err(|e| Error::Io {
            action: "chown",
            path: path.to_owned(),
            source: e.into(),
        })?;
    }
    Ok(())
}
