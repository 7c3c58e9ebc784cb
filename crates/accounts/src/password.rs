//! Password hashing: argon2id with OWASP's parameters for new hashes; bcrypt hashes from
//! imported accounts are verified and then replaced on that sign-in.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use mimi_domain::Error;

/// OWASP Password Storage Cheat Sheet (2025): argon2id, 19 MiB of memory, 2 iterations,
/// 1 degree of parallelism.
const MEMORY_KIB: u32 = 19 * 1024;
const ITERATIONS: u32 = 2;
const PARALLELISM: u32 = 1;

fn argon2() -> Result<Argon2<'static>, Error> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None)
        .map_err(|e| Error::internal(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes `password` into a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`). Runs on
/// the blocking pool: a hash takes tens of milliseconds of CPU.
pub async fn hash(password: &str) -> Result<String, Error> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await
        .map_err(Error::internal)?
}

fn hash_blocking(password: &str) -> Result<String, Error> {
    let salt_bytes: [u8; 16] = rand::random();
    let salt = SaltString::encode_b64(&salt_bytes).map_err(|e| Error::internal(e.to_string()))?;
    Ok(argon2()?
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| Error::internal(e.to_string()))?
        .to_string())
}

/// What checking a password against a stored hash found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Wrong password (or an unreadable hash).
    Mismatch,
    /// Right password, hash current.
    Match,
    /// Right password, but the hash is bcrypt or weaker argon2: store a new one.
    MatchNeedsRehash,
}

/// Checks `password` against `stored` (argon2 PHC or bcrypt `$2a$/$2b$/$2y$`).
pub async fn verify(password: &str, stored: &str) -> Result<Verdict, Error> {
    let (password, stored) = (password.to_owned(), stored.to_owned());
    tokio::task::spawn_blocking(move || verify_blocking(&password, &stored))
        .await
        .map_err(Error::internal)
}

fn verify_blocking(password: &str, stored: &str) -> Verdict {
    if stored.starts_with("$2") {
        return match bcrypt::verify(password, stored) {
            Ok(true) => Verdict::MatchNeedsRehash,
            _ => Verdict::Mismatch,
        };
    }
    let Ok(parsed) = PasswordHash::new(stored) else {
        return Verdict::Mismatch;
    };
    let Ok(hasher) = argon2() else {
        return Verdict::Mismatch;
    };
    if hasher
        .verify_password(password.as_bytes(), &parsed)
        .is_err()
    {
        return Verdict::Mismatch;
    }
    let current = parsed.algorithm.as_str() == "argon2id"
        && Params::try_from(&parsed).is_ok_and(|p| {
            p.m_cost() >= MEMORY_KIB && p.t_cost() >= ITERATIONS && p.p_cost() >= PARALLELISM
        });
    if current {
        Verdict::Match
    } else {
        Verdict::MatchNeedsRehash
    }
}

/// Spends the time of one verification without a stored hash, so an unknown email
/// answers as slowly as a wrong password.
pub async fn waste_time(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let password = password.to_owned();
    let _ = tokio::task::spawn_blocking(move || {
        let dummy = DUMMY.get_or_init(|| hash_blocking("not a real password").unwrap_or_default());
        verify_blocking(&password, dummy)
    })
    .await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn new_hashes_are_argon2id_with_owasp_parameters() {
        let h = hash("correct horse battery").await.unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert_eq!(
            verify("correct horse battery", &h).await.unwrap(),
            Verdict::Match
        );
        assert_eq!(
            verify("wrong horse battery", &h).await.unwrap(),
            Verdict::Mismatch
        );
    }

    #[tokio::test]
    async fn bcrypt_hashes_verify_and_ask_for_a_rehash() {
        let h = bcrypt::hash("imported password", 4).unwrap();
        assert_eq!(
            verify("imported password", &h).await.unwrap(),
            Verdict::MatchNeedsRehash
        );
        assert_eq!(
            verify("imported passwore", &h).await.unwrap(),
            Verdict::Mismatch
        );
    }

    #[tokio::test]
    async fn weaker_argon2_hashes_ask_for_a_rehash_and_garbage_never_matches() {
        let weak = Argon2::new(
            Algorithm::Argon2i,
            Version::V0x13,
            Params::new(4096, 1, 1, None).unwrap(),
        )
        .hash_password(b"pw pw pw pw", &SaltString::encode_b64(&[7u8; 16]).unwrap())
        .unwrap()
        .to_string();
        assert_eq!(
            verify("pw pw pw pw", &weak).await.unwrap(),
            Verdict::MatchNeedsRehash
        );
        assert_eq!(
            verify("anything", "not a hash").await.unwrap(),
            Verdict::Mismatch
        );
        assert_eq!(verify("anything", "").await.unwrap(), Verdict::Mismatch);
    }
}
