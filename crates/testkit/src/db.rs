use std::path::PathBuf;
use std::sync::OnceLock;

use mimi_pgembed::{EmbeddedPostgres, Options};
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};
use sqlx::{Connection, PgConnection, PgPool};

/// Where the shared embedded test cluster lives.
pub fn embedded_root() -> PathBuf {
    let uid = nix_uid();
    std::env::temp_dir().join(format!("mimi-testkit-{uid}"))
}

fn nix_uid() -> u32 {
    use std::os::unix::fs::MetadataExt;
    // The uid owning our own /proc entry is our effective uid; avoids another dependency.
    std::fs::metadata("/proc/self")
        .map(|m| m.uid())
        .unwrap_or(0)
}

/// A URL of the test server's administrative role, pointing at database `database`.
pub fn admin_url(database: &str) -> SecretString {
    static SERVER: OnceLock<Result<String, String>> = OnceLock::new();
    let base = SERVER.get_or_init(|| {
        if let Ok(url) = std::env::var("DATABASE_URL") {
            return Ok(url);
        }
        let mut options = Options::new(embedded_root());
        options.durable = false;
        EmbeddedPostgres::start(&options)
            .map(|pg| pg.url("postgres").expose_secret().to_owned())
            .map_err(|e| e.to_string())
    });
    let base = match base {
        Ok(base) => base,
        Err(e) => panic!("the test database server could not be started: {e}"),
    };
    let (server, _) = base.rsplit_once('/').expect("database URL has a path");
    SecretString::from(format!("{server}/{database}"))
}

/// A fresh database with every migration applied, dropped when the value is dropped.
pub struct TestDb {
    /// The database's name (`test_<uuid>`).
    pub name: String,
    /// A pool connected to it.
    pub pool: PgPool,
}

impl TestDb {
    /// Creates the database from the migrated template.
    pub async fn new() -> TestDb {
        let template = ensure_template().await;
        let name = format!("test_{}", uuid::Uuid::new_v4().simple());
        let mut admin = admin_conn().await;
        // Copying a template fails while any session is connected to it; another test
        // process's `ensure_template` may be for a moment. Try again briefly.
        let mut attempt = 0;
        loop {
            let created = sqlx::raw_sql(&format!("create database {name} template {template}"))
                .execute(&mut admin)
                .await;
            match created {
                Ok(_) => break,
                Err(e)
                    if attempt < 50 && e.to_string().contains("being accessed by other users") =>
                {
                    attempt += 1;
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                }
                Err(e) => panic!("create test database: {e}"),
            }
        }
        admin.close().await.ok();
        let pool = mimi_store::connect(&admin_url(&name), mimi_store::PoolOptions::default())
            .await
            .expect("connect to test database");
        TestDb { name, pool }
    }

    /// A pool on this database as the serving role (`mimi_app`), under Row-Level
    /// Security like the server's. `pool` stays the administrator, to inspect and set up.
    pub async fn serving_pool(&self) -> PgPool {
        mimi_store::connect_serving(&self.url(), mimi_store::PoolOptions::default())
            .await
            .expect("connect to test database as mimi_app")
    }

    /// The URL of this database.
    pub fn url(&self) -> SecretString {
        admin_url(&self.name)
    }

    /// Records a migration this binary does not know, as a newer `mimi` would have.
    pub async fn apply_future_migration(&self, version: i64) {
        sqlx::query(
            "insert into _sqlx_migrations (version, description, success, checksum, execution_time) \
             values ($1, 'from a newer mimi', true, '\\x00', 0)",
        )
        .bind(version)
        .execute(&self.pool)
        .await
        .expect("insert a future migration");
    }

    /// A connection to the server's `postgres` database, for tests that act on the
    /// database from outside (make it go away, come back).
    pub async fn admin(&self) -> PgConnection {
        admin_conn().await
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let name = self.name.clone();
        // Drop runs outside async; a short-lived runtime on its own thread does the work.
        // The pool's connections belong to the test's runtime, which is blocked here, so
        // they are not closed from this thread (that would deadlock): `with (force)`
        // ends them on the server side.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build();
            if let Ok(rt) = rt {
                rt.block_on(async move {
                    if let Ok(mut admin) =
                        PgConnection::connect(admin_url("postgres").expose_secret()).await
                    {
                        let _ =
                            sqlx::raw_sql(&format!("drop database if exists {name} with (force)"))
                                .execute(&mut admin)
                                .await;
                    }
                });
            }
        })
        .join();
    }
}

async fn admin_conn() -> PgConnection {
    PgConnection::connect(admin_url("postgres").expose_secret())
        .await
        .expect("connect to the test server")
}

/// Builds `mimi_template_<hash of migrations>` once per server, under an advisory lock
/// so parallel test processes build it only once.
async fn ensure_template() -> String {
    let mut hasher = Sha256::new();
    for m in mimi_store::MIGRATOR.iter() {
        hasher.update(m.version.to_le_bytes());
        hasher.update(&m.checksum);
    }
    let name = format!("mimi_template_{}", &hex::encode(hasher.finalize())[..16]);
    let mut admin = admin_conn().await;
    sqlx::query("select pg_advisory_lock(7242001)")
        .execute(&mut admin)
        .await
        .unwrap();
    let exists: bool =
        sqlx::query_scalar("select exists(select 1 from pg_database where datname = $1)")
            .bind(&name)
            .fetch_one(&mut admin)
            .await
            .unwrap();
    if !exists {
        let building = format!("{name}_building");
        // Two statements: a multi-statement string runs as one transaction, which
        // `drop database` refuses.
        sqlx::raw_sql(&format!("drop database if exists {building} with (force)"))
            .execute(&mut admin)
            .await
            .unwrap();
        sqlx::raw_sql(&format!("create database {building}"))
            .execute(&mut admin)
            .await
            .unwrap();
        let pool = mimi_store::connect(&admin_url(&building), mimi_store::PoolOptions::default())
            .await
            .unwrap();
        mimi_store::migrate(&pool)
            .await
            .expect("migrate the template database");
        pool.close().await;
        sqlx::raw_sql(&format!("alter database {building} rename to {name}"))
            .execute(&mut admin)
            .await
            .unwrap();
    }
    sqlx::query("select pg_advisory_unlock(7242001)")
        .execute(&mut admin)
        .await
        .unwrap();
    admin.close().await.ok();
    name
}
