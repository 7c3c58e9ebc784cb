//! The server's secret keys: they seal the `cc_uid` cookie and key the hashes that
//! sign-in throttling stores. From `secret_keys`, or generated once into
//! `data_dir/secret.key` (mode 0600).

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use anyhow::Context;
use base64::Engine;
use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretBox};
use sha2::Sha256;

/// Shortest key material accepted, in bytes.
const MIN_KEY_BYTES: usize = 32;

/// The keys, newest first. Never printed.
pub struct ServerKeys {
    masters: Vec<SecretBox<Vec<u8>>>,
}

impl std::fmt::Debug for ServerKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ServerKeys({} keys)", self.masters.len())
    }
}

/// Parses a comma-separated list of base64 keys (standard or URL-safe alphabet). The
/// error names the setting and the position, never the value.
pub fn parse_keys(list: &str) -> Result<Vec<Vec<u8>>, String> {
    let mut keys = Vec::new();
    for (i, item) in list.split(',').map(str::trim).enumerate() {
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(item)
            .or_else(|_| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(item))
            .or_else(|_| base64::engine::general_purpose::URL_SAFE.decode(item))
            .map_err(|_| {
                format!(
                    "secret_keys (MIMI_SECRET_KEYS): key {} is not base64; generate one with `openssl rand -base64 48`",
                    i + 1
                )
            })?;
        if decoded.len() < MIN_KEY_BYTES {
            return Err(format!(
                "secret_keys (MIMI_SECRET_KEYS): key {} has {} bytes; it needs at least {MIN_KEY_BYTES} (`openssl rand -base64 48`)",
                i + 1,
                decoded.len()
            ));
        }
        keys.push(decoded);
    }
    Ok(keys)
}

/// The contents of `path`, trimmed; if it does not exist, first writes `make()` to it,
/// readable by this user only (mode 0600), creating its directory.
pub fn read_or_create_private(
    path: &Path,
    make: impl FnOnce() -> String,
) -> anyhow::Result<String> {
    if !path.exists() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        file.write_all(make().as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(std::fs::read_to_string(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .trim()
        .to_owned())
}

impl ServerKeys {
    /// Keys from the setting, or from `data_dir/secret.key`, created on first use.
    pub fn load(
        setting: Option<&secrecy::SecretString>,
        data_dir: &Path,
    ) -> anyhow::Result<ServerKeys> {
        if let Some(list) = setting {
            let keys = parse_keys(list.expose_secret()).map_err(anyhow::Error::msg)?;
            return Ok(ServerKeys::from_bytes(keys));
        }
        let path = data_dir.join("secret.key");
        let text = read_or_create_private(&path, || {
            let key: [u8; 48] = rand::random();
            base64::engine::general_purpose::STANDARD.encode(key)
        })?;
        let keys =
            parse_keys(text.trim()).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        Ok(ServerKeys::from_bytes(keys))
    }

    /// Keys from raw bytes, newest first (tests).
    pub fn from_bytes(keys: Vec<Vec<u8>>) -> ServerKeys {
        ServerKeys {
            masters: keys
                .into_iter()
                .map(|k| SecretBox::new(Box::new(k)))
                .collect(),
        }
    }

    /// Fresh random keys (tests).
    pub fn random() -> ServerKeys {
        ServerKeys::from_bytes(vec![rand::random::<[u8; 48]>().to_vec()])
    }

    /// The cookie keys, newest first (derived with HKDF inside the `cookie` crate).
    pub fn cookie_keys(&self) -> Vec<cookie::Key> {
        self.masters
            .iter()
            .map(|m| cookie::Key::derive_from(m.expose_secret()))
            .collect()
    }

    /// The key of throttling's keyed hashes: HMAC of a fixed label under the newest key.
    pub fn throttle_key(&self) -> [u8; 32] {
        let Some(master) = self.masters.first() else {
            return [0; 32];
        };
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(master.expose_secret()) else {
            return [0; 32];
        };
        mac.update(b"mimi sign-in throttling v1");
        mac.finalize().into_bytes().into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_must_be_base64_of_32_bytes_and_errors_do_not_echo_them() {
        assert!(
            parse_keys("c2hvcnQ=")
                .unwrap_err()
                .contains("key 1 has 5 bytes")
        );
        let e = parse_keys("not base64 at all!!").unwrap_err();
        assert!(
            e.contains("key 1 is not base64") && !e.contains("at all"),
            "{e}"
        );
        let good = base64::engine::general_purpose::STANDARD.encode([1u8; 48]);
        assert_eq!(parse_keys(&format!("{good}, {good}")).unwrap().len(), 2);
    }

    #[test]
    fn a_generated_key_file_is_private_and_stable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let first = ServerKeys::load(None, dir.path()).unwrap().throttle_key();
        let mode = std::fs::metadata(dir.path().join("secret.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(
            ServerKeys::load(None, dir.path()).unwrap().throttle_key(),
            first
        );
    }
}
