//! What tenancy costs per request: one membership lookup in a transaction, on a real
//! migrated database (testkit's embedded PostgreSQL) holding 1,000 workspaces with one
//! owner each.
//!
//! - `admin_plain`: `begin`, the lookup, `commit` on the administrator's pool (a
//!   superuser: no Row-Level Security). The baseline.
//! - `admin_tenant_tx`: the same inside [`tenant::tenant`] on the administrator's pool:
//!   adds the `set_config` round trip, still no RLS.
//! - `serving_tenant_tx`: [`tenant::tenant`] on the serving pool (`mimi_app`, forced
//!   RLS), as every owner request runs.
//!
//! Each iteration looks up the next of the 1,000 memberships. Run:
//! `cargo bench -p mimi-store --bench tenant`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::future::Future;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use mimi_store::{PgPool, tenant};
use mimi_testkit::TestDb;
use tokio::runtime::Runtime;
use uuid::Uuid;

const WORKSPACES: usize = 1_000;
const LOOKUP: &str =
    "select role from workspace_members where account_id = $1 and workspace_id = $2";

/// (workspace, account)
type Member = (Uuid, Uuid);

/// Creates `WORKSPACES` workspaces, each with its own owner account, as the administrator.
async fn seed(admin: &PgPool) -> Vec<Member> {
    let workspaces: Vec<Uuid> = (0..WORKSPACES).map(|_| Uuid::now_v7()).collect();
    let accounts: Vec<Uuid> = (0..WORKSPACES).map(|_| Uuid::now_v7()).collect();
    let mut tx = admin.begin().await.unwrap();
    sqlx::query(
        "insert into accounts (id, name, email, password_hash) \
         select a, 'owner', a::text || '@example.com', 'x' from unnest($1::uuid[]) a",
    )
    .bind(&accounts)
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query(
        "insert into workspaces (id, name) select w, 'workspace' from unnest($1::uuid[]) w",
    )
    .bind(&workspaces)
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query(
        "insert into workspace_members (workspace_id, account_id, role) \
         select w, a, 'owner' from unnest($1::uuid[], $2::uuid[]) as m(w, a)",
    )
    .bind(&workspaces)
    .bind(&accounts)
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    sqlx::raw_sql("analyze accounts, workspaces, workspace_members")
        .execute(admin)
        .await
        .unwrap();
    workspaces.into_iter().zip(accounts).collect()
}

/// Rows of `workspace_members` visible inside `member`'s tenant transaction on `pool`.
async fn visible_members(pool: &PgPool, (workspace, account): Member) -> i64 {
    let mut tx = tenant::tenant(pool, workspace, Some(account))
        .await
        .unwrap();
    let n = sqlx::query_scalar("select count(*) from workspace_members")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    n
}

async fn lookup(tx: &mut tenant::Tx, (workspace, account): Member) {
    let role: String = sqlx::query_scalar(LOOKUP)
        .bind(account)
        .bind(workspace)
        .fetch_one(&mut **tx)
        .await
        .unwrap();
    assert_eq!(role, "owner");
}

async fn plain(pool: &PgPool, member: Member) {
    let mut tx = pool.begin().await.unwrap();
    lookup(&mut tx, member).await;
    tx.commit().await.unwrap();
}

async fn in_tenant(pool: &PgPool, member: Member) {
    let mut tx = tenant::tenant(pool, member.0, Some(member.1))
        .await
        .unwrap();
    lookup(&mut tx, member).await;
    tx.commit().await.unwrap();
}

/// Runs `iters` requests back to back inside one `block_on`, cycling through `members`.
fn time<F, Fut>(rt: &Runtime, iters: u64, members: &[Member], request: F) -> Duration
where
    F: Fn(Member) -> Fut,
    Fut: Future<Output = ()>,
{
    rt.block_on(async {
        let start = Instant::now();
        for i in 0..iters {
            request(members[i as usize % members.len()]).await;
        }
        start.elapsed()
    })
}

fn tenancy(c: &mut Criterion) {
    // One thread, like a worker serving its request: no cross-thread wake-ups in the
    // measurement.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let db = rt.block_on(TestDb::new());
    let serving = rt.block_on(db.serving_pool());
    let members = rt.block_on(seed(&db.pool));
    // The two pools really differ: RLS shows the serving role one tenant's row only.
    assert_eq!(
        rt.block_on(visible_members(&db.pool, members[0])),
        WORKSPACES as i64
    );
    assert_eq!(rt.block_on(visible_members(&serving, members[0])), 1);

    let (admin, serving_ref) = (&db.pool, &serving);
    let mut group = c.benchmark_group("tenant_membership_lookup");
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("admin_plain", |b| {
        b.iter_custom(|iters| time(&rt, iters, &members, |m| plain(admin, m)))
    });
    group.bench_function("admin_tenant_tx", |b| {
        b.iter_custom(|iters| time(&rt, iters, &members, |m| in_tenant(admin, m)))
    });
    group.bench_function("serving_tenant_tx", |b| {
        b.iter_custom(|iters| time(&rt, iters, &members, |m| in_tenant(serving_ref, m)))
    });
    group.finish();

    rt.block_on(serving.close());
    rt.block_on(db.pool.close());
    drop(db);
}

criterion_group!(benches, tenancy);
criterion_main!(benches);
