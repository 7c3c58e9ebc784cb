//! initdb, pg_ctl start/stop/status on the unpacked installation.

use std::fs;
use std::net::{Ipv4Addr, TcpListener};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use rand::RngCore;

use crate::error::{Error, tail};
use crate::owner::{self, RunAs};
use crate::wheel::set_mode;

/// Paths of one cluster under its root directory.
#[derive(Clone, Debug)]
pub(crate) struct Layout {
    pub install: PathBuf,
    pub data: PathBuf,
    /// Socket and log directory, owned by the PostgreSQL user.
    pub run: PathBuf,
    pub password: PathBuf,
}

impl Layout {
    pub fn new(root: &Path) -> Self {
        Layout {
            install: root.join("install"),
            data: root.join("data"),
            run: root.join("run"),
            password: root.join("superuser-password"),
        }
    }

    pub fn log(&self) -> PathBuf {
        self.run.join("server.log")
    }
}

pub(crate) fn tool(layout: &Layout, name: &str, who: Option<RunAs>) -> Command {
    let mut cmd = Command::new(
        layout
            .install
            .join(crate::install::PREFIX)
            .join("bin")
            .join(name),
    );
    if let Some(who) = who {
        // std drops supplementary groups when a root parent sets the uid.
        cmd.uid(who.uid).gid(who.gid);
    }
    cmd.env("LC_ALL", "C")
        .env_remove("PGDATA")
        .stdin(Stdio::null());
    cmd
}

fn run(tool_name: &'static str, mut cmd: Command, log: Option<&Path>) -> Result<Output, Error> {
    let output = cmd.output().map_err(|e| Error::Tool {
        tool: tool_name,
        detail: e.to_string(),
    })?;
    if output.status.success() {
        return Ok(output);
    }
    let mut text = String::from_utf8_lossy(&output.stderr).into_owned();
    if let Some(log) = log {
        text.push('\n');
        text.push_str(&fs::read_to_string(log).unwrap_or_default());
    }
    Err(Error::Tool {
        tool: tool_name,
        detail: tail(&text, 3),
    })
}

/// Creates the cluster if `data` holds none, returning whether it did.
pub(crate) fn ensure_initialised(layout: &Layout, who: Option<RunAs>) -> Result<bool, Error> {
    if layout.data.join("PG_VERSION").exists() {
        if !layout.password.exists() {
            return Err(Error::Tool {
                tool: "setup",
                detail: format!(
                    "{} is missing, so the cluster in {} cannot be reached; delete that directory to start afresh",
                    layout.password.display(),
                    layout.data.display()
                ),
            });
        }
        return Ok(false);
    }
    tracing::info!(
        "embedded PostgreSQL: creating a new cluster in {}",
        layout.data.display()
    );
    let staging = layout.data.with_extension("new");
    let _ = fs::remove_dir_all(&staging);
    fs::create_dir_all(&staging).map_err(Error::io("creating", &staging))?;
    set_mode(&staging, 0o700)?;
    owner::give(&staging, who)?;

    let mut secret = [0u8; 24];
    rand::rng().fill_bytes(&mut secret);
    let password = hex::encode(secret);
    let pwfile = layout.run.join("initdb-password");
    fs::write(&pwfile, &password).map_err(Error::io("writing", &pwfile))?;
    set_mode(&pwfile, 0o600)?;
    owner::give(&pwfile, who)?;

    let mut cmd = tool(layout, "initdb", who);
    cmd.arg("-D")
        .arg(&staging)
        .arg(format!("--pwfile={}", pwfile.display()));
    cmd.args([
        "-U",
        "postgres",
        "--auth=scram-sha-256",
        "-E",
        "UTF8",
        "--no-locale",
        "--no-instructions",
    ]);
    let result = run("initdb", cmd, None);
    let _ = fs::remove_file(&pwfile);
    result?;

    fs::write(&layout.password, &password).map_err(Error::io("writing", &layout.password))?;
    set_mode(&layout.password, 0o600)?;
    fs::rename(&staging, &layout.data)
        .map_err(Error::io("moving the new cluster to", &layout.data))?;
    Ok(true)
}

/// The port of the postmaster already running on `data`, if any.
pub(crate) fn running_port(layout: &Layout, who: Option<RunAs>) -> Option<u16> {
    let pid_file = fs::read_to_string(layout.data.join("postmaster.pid")).ok()?;
    let mut status = tool(layout, "pg_ctl", who);
    status
        .arg("status")
        .arg("-D")
        .arg(&layout.data)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if !status.status().ok()?.success() {
        return None;
    }
    // postmaster.pid: pid, data dir, start time, port, socket dir, listen address, …
    pid_file.lines().nth(3)?.trim().parse().ok()
}

/// Picks the port to start on: the configured one if free, else any free one.
pub(crate) fn choose_port(configured: u16) -> Result<u16, Error> {
    match TcpListener::bind((Ipv4Addr::LOCALHOST, configured)) {
        Ok(listener) => listener
            .local_addr()
            .map(|a| a.port())
            .map_err(Error::io("binding", "127.0.0.1")),
        Err(_) if configured != 0 => Err(Error::PortTaken { port: configured }),
        Err(e) => Err(Error::io("binding", "127.0.0.1")(e)),
    }
}

pub(crate) fn start(
    layout: &Layout,
    who: Option<RunAs>,
    port: u16,
    durable: bool,
) -> Result<(), Error> {
    let mut options = format!(
        "-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{}' -c max_connections=300",
        layout.run.display()
    );
    if !durable {
        // Test clusters are disposable: skip the flushes that dominate CREATE DATABASE.
        options.push_str(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
    }
    let log = layout.log();
    let mut cmd = tool(layout, "pg_ctl", who);
    cmd.arg("start")
        .arg("-w")
        .args(["-t", "60"])
        .arg("-D")
        .arg(&layout.data);
    cmd.arg("-l").arg(&log).arg("-o").arg(options);
    run("pg_ctl start", cmd, Some(&log)).map(drop)
}

pub(crate) fn stop(layout: &Layout, who: Option<RunAs>) -> Result<(), Error> {
    let mut cmd = tool(layout, "pg_ctl", who);
    cmd.arg("stop")
        .arg("-w")
        .args(["-t", "60", "-m", "fast"])
        .arg("-D")
        .arg(&layout.data);
    run("pg_ctl stop", cmd, None).map(drop)
}
