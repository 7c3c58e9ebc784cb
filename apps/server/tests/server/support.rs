//! Running the real `mimi` binary as a child process, with a clean environment.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use secrecy::ExposeSecret;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// `mimi` with no inherited `MIMI_*` or `DATABASE_URL`, logging JSON, on a free port.
pub fn mimi(data_dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mimi"));
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy().into_owned();
        if key.starts_with("MIMI_") || key == "DATABASE_URL" {
            cmd.env_remove(key);
        }
    }
    cmd.env("MIMI_DATA_DIR", data_dir)
        .env("MIMI_LISTEN", "127.0.0.1:0")
        .env("MIMI_LOG_FORMAT", "json")
        .stdin(Stdio::null())
        .kill_on_drop(true);
    cmd
}

/// `mimi` pointed at an existing database.
pub fn mimi_on(data_dir: &Path, db: &mimi_testkit::TestDb) -> Command {
    let mut cmd = mimi(data_dir);
    cmd.env("MIMI_DATABASE_URL", db.url().expose_secret());
    cmd
}

/// A running `mimi serve` whose stderr goes to a file.
pub struct Server {
    pub child: Child,
    pub base: String,
    pub stderr: std::path::PathBuf,
    more: tokio::sync::mpsc::UnboundedReceiver<String>,
}

impl Server {
    /// Spawns `cmd serve` and waits (by reading its stdout, never sleeping) until it
    /// prints the ready line.
    pub async fn start(cmd: Command, logs: &Path) -> Server {
        Server::start_with(cmd, logs, &[]).await
    }

    /// [`Server::start`] with options after `serve`.
    pub async fn start_with(mut cmd: Command, logs: &Path, options: &[&str]) -> Server {
        let stderr = logs.join(format!("stderr-{}.log", uuid()));
        cmd.arg("serve")
            .args(options)
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&stderr).unwrap());
        let mut child = cmd.spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let ready = tokio::time::timeout(Duration::from_secs(300), async {
            while let Some(line) = lines.next_line().await.unwrap() {
                if let Some(rest) = line.strip_prefix("Mimi is ready at ") {
                    return Some(rest.trim_end_matches('/').to_owned());
                }
            }
            None
        })
        .await;
        let Ok(Some(base)) = ready else {
            let _ = child.kill().await;
            panic!(
                "mimi did not become ready: {}",
                std::fs::read_to_string(&stderr).unwrap_or_default()
            );
        };
        // Keep draining stdout so the child never blocks on a full pipe, and hand the
        // lines after the ready line (URLs, the demo sign-in) to `wait_for_line`.
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        tokio::spawn(async move {
            while let Ok(Some(line)) = lines.next_line().await {
                let _ = tx.send(line);
            }
        });
        Server {
            child,
            base,
            stderr,
            more: rx,
        }
    }

    /// Waits for a stdout line after the ready line that contains `needle`.
    pub async fn wait_for_line(&mut self, needle: &str) -> String {
        tokio::time::timeout(Duration::from_secs(60), async {
            while let Some(line) = self.more.recv().await {
                if line.contains(needle) {
                    return line;
                }
            }
            panic!("stdout closed before a line with {needle:?}");
        })
        .await
        .unwrap()
    }

    /// The status `GET {path}` answers with.
    pub async fn status(&self, path: &str) -> u16 {
        let response = mimi_testkit::client()
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap();
        response.status().as_u16()
    }

    /// Sends SIGTERM and waits for the exit; returns whether it exited successfully.
    pub async fn terminate(mut self) -> (bool, String) {
        let pid = nix::unistd::Pid::from_raw(i32::try_from(self.child.id().unwrap()).unwrap());
        nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).unwrap();
        let status = tokio::time::timeout(Duration::from_secs(60), self.child.wait())
            .await
            .unwrap()
            .unwrap();
        (
            status.success(),
            std::fs::read_to_string(&self.stderr).unwrap(),
        )
    }
}

/// Runs `cmd args…` to completion: (success, stdout, stderr).
pub async fn run(mut cmd: Command, args: &[&str]) -> (bool, String, String) {
    let out = cmd
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .await
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn uuid() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}
