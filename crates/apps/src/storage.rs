//! Where uploaded files' bytes live: a directory on local disk, one folder per
//! workspace (`root/<workspace_id>/<key>`). Keys are made here (a UUID and an extension),
//! and checked again on every call, so no request text ever reaches a path.

use std::io;
use std::path::{Path, PathBuf};

use tokio::io::AsyncWriteExt;
use uuid::Uuid;

/// Files on local disk under one root directory (the server passes `data_dir/files`).
#[derive(Clone, Debug)]
pub struct LocalStorage {
    root: PathBuf,
}

impl LocalStorage {
    /// Storage rooted at `root`, which is created on first write.
    pub fn new(root: impl Into<PathBuf>) -> LocalStorage {
        LocalStorage { root: root.into() }
    }

    /// The root directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// A fresh key for a file with extension `ext` (`png`, `jpg`, `webp`).
    pub fn new_key(ext: &str) -> String {
        format!("{}.{ext}", Uuid::new_v4())
    }

    /// Stores `bytes` under `key` atomically: a reader sees the whole file or none,
    /// even if the process dies mid-write (temporary file, `fsync`, rename).
    pub async fn put(&self, workspace_id: Uuid, key: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.path(workspace_id, key)?;
        let dir = self.root.join(workspace_id.to_string());
        tokio::fs::create_dir_all(&dir).await?;
        let tmp = dir.join(format!(".{key}.{}.tmp", Uuid::new_v4().simple()));
        let written = async {
            let mut file = tokio::fs::File::create(&tmp).await?;
            file.write_all(bytes).await?;
            file.sync_all().await?;
            drop(file);
            tokio::fs::rename(&tmp, &path).await
        }
        .await;
        if written.is_err() {
            let _ = tokio::fs::remove_file(&tmp).await;
        }
        written
    }

    /// The bytes stored under `key`; `ErrorKind::NotFound` if there are none.
    pub async fn get(&self, workspace_id: Uuid, key: &str) -> io::Result<Vec<u8>> {
        tokio::fs::read(self.path(workspace_id, key)?).await
    }

    /// Deletes the file under `key`; deleting a missing file succeeds.
    pub async fn delete(&self, workspace_id: Uuid, key: &str) -> io::Result<()> {
        match tokio::fs::remove_file(self.path(workspace_id, key)?).await {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            other => other,
        }
    }

    fn path(&self, workspace_id: Uuid, key: &str) -> io::Result<PathBuf> {
        // Keys come from `new_key` by way of the database; refuse anything else rather
        // than trust that no bug or edited row ever hands us `../`.
        let safe = !key.is_empty()
            && !key.starts_with('.')
            && key.len() <= 64
            && key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
        if !safe {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing storage key {key:?}"),
            ));
        }
        Ok(self.root.join(workspace_id.to_string()).join(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn files_round_trip_per_workspace_and_delete_is_idempotent() {
        let dir = tempfile::tempdir().unwrap();
        let storage = LocalStorage::new(dir.path().join("files"));
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let key = LocalStorage::new_key("png");
        storage.put(a, &key, b"one").await.unwrap();
        assert_eq!(storage.get(a, &key).await.unwrap(), b"one");
        assert_eq!(
            storage.get(b, &key).await.unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
        storage.put(a, &key, b"two").await.unwrap();
        assert_eq!(storage.get(a, &key).await.unwrap(), b"two");
        // Only the file itself is left: no temporary files behind.
        let names: Vec<_> = std::fs::read_dir(dir.path().join("files").join(a.to_string()))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [std::ffi::OsString::from(&key)]);
        storage.delete(a, &key).await.unwrap();
        storage.delete(a, &key).await.unwrap();
        assert!(storage.get(a, &key).await.is_err());
    }

    #[tokio::test]
    async fn keys_that_could_leave_the_workspace_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let storage = LocalStorage::new(dir.path());
        let ws = Uuid::new_v4();
        for key in [
            "../x.png",
            "/etc/passwd",
            "a/b.png",
            ".hidden",
            "",
            "A.PNG",
            "x\0.png",
        ] {
            let err = storage.put(ws, key, b"x").await.unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{key:?}");
        }
    }
}
