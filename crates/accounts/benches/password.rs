//! What a password costs: an argon2id hash (sign-up, reset, change), an argon2id
//! verification (every sign-in), a bcrypt cost-10 verification (an imported account) and
//! an imported account's first sign-in, which verifies the bcrypt hash and stores a new
//! argon2id one. Each runs through the public async API, on tokio's blocking pool as the
//! server does. Run: `cargo bench -p mimi-accounts --bench password`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use mimi_accounts::password::{self, Verdict};
use tokio::runtime::Runtime;

const PASSWORD: &str = "correct horse battery staple";
const WRONG: &str = "correct horse battery stapler";

fn passwords(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let argon2 = rt.block_on(password::hash(PASSWORD)).unwrap();
    // Imported hashes come from other systems' bcrypt; cost 10 is the common default.
    let bcrypt = bcrypt::hash(PASSWORD, 10).unwrap();
    assert!(bcrypt.starts_with("$2b$10$"), "{bcrypt}");

    let mut group = c.benchmark_group("password");
    // Every operation takes milliseconds: equal-sized samples, fewer of them.
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(10));

    group.bench_function("argon2id_hash", |b| {
        b.iter(|| rt.block_on(password::hash(black_box(PASSWORD))).unwrap())
    });
    group.bench_function("argon2id_verify_match", |b| {
        b.iter(|| {
            let verdict = rt.block_on(password::verify(black_box(PASSWORD), &argon2));
            assert_eq!(verdict.unwrap(), Verdict::Match);
        })
    });
    group.bench_function("argon2id_verify_mismatch", |b| {
        b.iter(|| {
            let verdict = rt.block_on(password::verify(black_box(WRONG), &argon2));
            assert_eq!(verdict.unwrap(), Verdict::Mismatch);
        })
    });
    group.bench_function("bcrypt10_verify", |b| {
        b.iter(|| {
            let verdict = rt.block_on(password::verify(black_box(PASSWORD), &bcrypt));
            assert_eq!(verdict.unwrap(), Verdict::MatchNeedsRehash);
        })
    });
    // What sign-in does for an imported account: verify, then replace the hash.
    group.bench_function("bcrypt10_verify_and_rehash", |b| {
        b.iter(|| {
            rt.block_on(async {
                let verdict = password::verify(black_box(PASSWORD), &bcrypt)
                    .await
                    .unwrap();
                assert_eq!(verdict, Verdict::MatchNeedsRehash);
                password::hash(PASSWORD).await.unwrap()
            })
        })
    });
    group.finish();
}

criterion_group!(benches, passwords);
criterion_main!(benches);
