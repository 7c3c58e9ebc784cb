//! Where the database comes from: the configured URL, or the embedded PostgreSQL under
//! the data directory, which this process starts and stops.

use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use mimi_pgembed::EmbeddedPostgres;
use mimi_store::{PgPool, PoolOptions};
use secrecy::SecretString;

use crate::settings::Settings;

/// The database Mimi runs on, created once at start-up.
pub struct Database {
    /// The pool every request uses: role `mimi_app`, under Row-Level Security.
    pub pool: PgPool,
    embedded: Option<Embedded>,
}

/// The embedded server and the lock that says this process manages it.
struct Embedded {
    server: EmbeddedPostgres,
    // Held while this process runs, released on drop.
    _lock: Option<std::fs::File>,
}

/// Whether this process must be the only one managing the embedded server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lock {
    /// `mimi serve`: it stops the server on exit, so no other `serve` may share it.
    Exclusive,
    /// One-off commands that leave a running server as they found it.
    Shared,
}

/// The name of Mimi's database inside the embedded cluster.
const EMBEDDED_DATABASE: &str = "mimi";

impl Database {
    /// Connects (starting the embedded server if no URL is set), checks the server and
    /// applies pending migrations. On failure, an embedded server this call started is
    /// stopped again. With [`Lock::Exclusive`], a second process that would manage the
    /// same embedded server is refused (`mimi serve`); `mimi migrate` shares it.
    pub async fn open(settings: &Settings, lock: Lock) -> anyhow::Result<Database> {
        let options = PoolOptions {
            max_connections: settings.database_max_connections,
            acquire_timeout: Duration::from_secs(5),
        };
        match &settings.database_url {
            Some(url) => {
                let pool = prepare(url, options).await?;
                Ok(Database {
                    pool,
                    embedded: None,
                })
            }
            None => {
                let embedded = start_embedded(settings, lock).await?;
                let result = async {
                    let server = &embedded.server;
                    mimi_store::ensure_database(&server.url("postgres"), EMBEDDED_DATABASE).await?;
                    prepare(&server.url(EMBEDDED_DATABASE), options).await
                }
                .await;
                match result {
                    Ok(pool) => Ok(Database {
                        pool,
                        embedded: Some(embedded),
                    }),
                    Err(e) => {
                        stop_embedded(embedded).await;
                        Err(e)
                    }
                }
            }
        }
    }

    /// Closes every connection, then stops the embedded server if there is one.
    pub async fn close(self) {
        self.pool.close().await;
        if let Some(embedded) = self.embedded {
            stop_embedded(embedded).await;
        }
    }

    /// Like [`Database::close`], but leaves an embedded server running if it was already
    /// running before this process started (a `mimi serve` is using it).
    pub async fn close_leaving_shared(self) {
        self.pool.close().await;
        if let Some(embedded) = self.embedded.filter(|e| !e.server.was_running()) {
            stop_embedded(embedded).await;
        }
    }
}

/// Checks the server and migrates as the URL's user (who owns the schema), then opens
/// the serving pool, whose connections act as `mimi_app` under Row-Level Security.
async fn prepare(url: &SecretString, options: PoolOptions) -> anyhow::Result<PgPool> {
    let admin = mimi_store::connect(
        url,
        PoolOptions {
            max_connections: 1,
            ..options
        },
    )
    .await?;
    let checked = async {
        mimi_store::check_server(&admin).await?;
        mimi_store::migrate(&admin).await?;
        Ok::<_, mimi_store::StoreError>(())
    }
    .await;
    admin.close().await;
    checked?;
    Ok(mimi_store::connect_serving(url, options).await?)
}

async fn start_embedded(settings: &Settings, lock: Lock) -> anyhow::Result<Embedded> {
    let data_dir = &settings.data_dir;
    check_data_dir(data_dir)?;
    let lock = match lock {
        Lock::Exclusive => Some(lock_data_dir(data_dir)?),
        Lock::Shared => None,
    };
    let mut options = mimi_pgembed::Options::new(data_dir.join("postgres"));
    options.port = settings.embedded_database_port;
    options.show_progress = true;
    let first_start = !options.root.join("data").exists();
    if first_start {
        eprintln!(
            "Setting up the embedded PostgreSQL 16 + pgvector in {} (first start only; downloads about 25 MB unless cached)…",
            options.root.display()
        );
    }
    let embedded = tokio::task::spawn_blocking(move || EmbeddedPostgres::start(&options))
        .await
        .context("the embedded PostgreSQL start-up task failed")??;
    Ok(Embedded {
        server: embedded,
        _lock: lock,
    })
}

async fn stop_embedded(embedded: Embedded) {
    let Embedded { server, _lock } = embedded;
    let stopped = tokio::task::spawn_blocking(move || server.stop()).await;
    match stopped {
        Ok(Ok(())) => {}
        Ok(Err(e)) => tracing::error!("stopping the embedded PostgreSQL failed: {e}"),
        Err(e) => tracing::error!("stopping the embedded PostgreSQL failed: {e}"),
    }
}

fn lock_data_dir(dir: &Path) -> anyhow::Result<std::fs::File> {
    let path = dir.join("serve.lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => anyhow::bail!(
            "another mimi serve is already using the data directory {}; stop it, or set MIMI_DATA_DIR to another directory",
            dir.display()
        ),
        Err(std::fs::TryLockError::Error(e)) => {
            Err(anyhow::Error::new(e).context(format!("cannot lock {}", path.display())))
        }
    }
}

/// The data directory must be ours: creating it if missing, refusing someone else's.
fn check_data_dir(dir: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::MetadataExt;
    std::fs::create_dir_all(dir).with_context(|| {
        format!(
            "cannot create the data directory {} (MIMI_DATA_DIR)",
            dir.display()
        )
    })?;
    let meta = std::fs::metadata(dir).with_context(|| {
        format!(
            "cannot inspect the data directory {} (MIMI_DATA_DIR)",
            dir.display()
        )
    })?;
    let me = nix::unistd::geteuid().as_raw();
    if meta.uid() != me {
        anyhow::bail!(
            "the data directory {} is owned by uid {}, not by this user (uid {me}); run mimi as its owner or set MIMI_DATA_DIR to a directory of yours",
            dir.display(),
            meta.uid()
        );
    }
    Ok(())
}
