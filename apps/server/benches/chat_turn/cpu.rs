//! CPU time from `/proc`: this process (server and clients) and the PostgreSQL backends
//! serving the bench's database. `/proc/<pid>/stat` holds what `getrusage` reports, for
//! any process, in clock ticks.

use std::collections::HashMap;
use std::time::Duration;

use mimi_store::PgPool;

/// Linux's `USER_HZ`, the unit of `/proc/<pid>/stat` times (100 on every common build).
const TICKS_PER_SECOND: u64 = 100;

/// User plus system time of `pid` (`self` for this process), if it still exists.
fn cpu_of(pid: &str) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces; the fields after it are space-separated.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 1000 / TICKS_PER_SECOND))
}

/// CPU time so far: this process, and each backend of the bench's database by pid.
#[derive(Debug, Clone, Default)]
pub struct Sample {
    process: Duration,
    backends: HashMap<i32, Duration>,
}

/// CPU time used between two samples.
#[derive(Debug, Clone, Copy, Default)]
pub struct Used {
    /// This process: the server, its embedding threads and the load's clients.
    pub process: Duration,
    /// The PostgreSQL backends of the bench's database.
    pub database: Duration,
}

impl Sample {
    /// Reads the times now; `admin` finds the backends (on the same server as the bench).
    pub async fn take(admin: &PgPool) -> Sample {
        let pids: Vec<i32> = sqlx::query_scalar(
            "select pid from pg_stat_activity where datname = current_database()",
        )
        .fetch_all(admin)
        .await
        .unwrap_or_default();
        let backends = pids
            .into_iter()
            .filter_map(|pid| Some((pid, cpu_of(&pid.to_string())?)))
            .collect();
        Sample {
            process: cpu_of("self").unwrap_or_default(),
            backends,
        }
    }

    /// What was used since `earlier`. A backend that started in between counts from
    /// zero; one that ended in between is lost (the pool keeps its connections open).
    pub fn since(&self, earlier: &Sample) -> Used {
        let database = self
            .backends
            .iter()
            .map(|(pid, now)| {
                now.saturating_sub(earlier.backends.get(pid).copied().unwrap_or_default())
            })
            .sum();
        Used {
            process: self.process.saturating_sub(earlier.process),
            database,
        }
    }
}

/// The load average over the last minute, five and fifteen minutes.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}
