//! One SMTP connection: the command loop, `DATA`, `STARTTLS` and `AUTH PLAIN`.

use std::io;
use std::sync::Arc;

use base64::Engine;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

use super::{ReceivedMail, Shared};

/// How a session ended.
enum End {
    Closed,
    StartTls,
}

/// The envelope and connection state of a session.
#[derive(Default)]
struct State {
    tls: bool,
    greeted: bool,
    user: Option<String>,
    from: Option<String>,
    to: Vec<String>,
}

pub(super) async fn serve(stream: TcpStream, shared: Arc<Shared>) {
    let _ = serve_inner(stream, &shared).await;
}

async fn serve_inner(stream: TcpStream, shared: &Shared) -> io::Result<()> {
    if shared.options.implicit_tls {
        let tls = shared.acceptor.accept(stream).await?;
        let state = State {
            tls: true,
            ..State::default()
        };
        session(&mut BufReader::new(tls), shared, state, true).await?;
        return Ok(());
    }
    let mut plain = BufReader::new(stream);
    if let End::StartTls = session(&mut plain, shared, State::default(), true).await? {
        // Whatever the client sent after STARTTLS before the handshake is dropped, as
        // RFC 3207 requires (it would be an injection).
        let tls = shared.acceptor.accept(plain.into_inner()).await?;
        let state = State {
            tls: true,
            ..State::default()
        };
        session(&mut BufReader::new(tls), shared, state, false).await?;
    }
    Ok(())
}

async fn session<S>(
    io: &mut BufReader<S>,
    shared: &Shared,
    mut state: State,
    greet: bool,
) -> io::Result<End>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    if greet {
        reply(io, "220 localhost ESMTP mimi-testkit").await?;
    }
    let mut line = Vec::new();
    loop {
        line.clear();
        if io.read_until(b'\n', &mut line).await? == 0 {
            return Ok(End::Closed);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        let (verb, arg) = match text.split_once(' ') {
            Some((verb, arg)) => (verb.to_ascii_uppercase(), arg.trim()),
            None => (text.to_ascii_uppercase(), ""),
        };
        if let Some(code) = shared.reply_for(&verb) {
            reply(io, &format!("{code} {}", refusal(code))).await?;
            if code == 421 {
                return Ok(End::Closed);
            }
            continue;
        }
        match verb.as_str() {
            "EHLO" => {
                state.greeted = true;
                reset(&mut state);
                let mut lines = vec!["localhost greets you", "8BITMIME", "SMTPUTF8"];
                if !state.tls {
                    lines.push("STARTTLS");
                }
                if state.tls && shared.options.credentials.is_some() {
                    lines.push("AUTH PLAIN");
                }
                lines.push("SIZE 10485760");
                reply_lines(io, 250, &lines).await?;
            }
            "HELO" => {
                state.greeted = true;
                reset(&mut state);
                reply(io, "250 localhost").await?;
            }
            "STARTTLS" if state.tls => reply(io, "503 5.5.1 TLS already active").await?,
            "STARTTLS" => {
                reply(io, "220 2.0.0 Ready to start TLS").await?;
                return Ok(End::StartTls);
            }
            "AUTH" => auth(io, shared, &mut state, arg).await?,
            "MAIL" => {
                let answer = if !state.greeted {
                    "503 5.5.1 Send EHLO or HELO first"
                } else if shared.options.require_starttls && !state.tls {
                    "530 5.7.0 Must issue a STARTTLS command first"
                } else if shared.options.credentials.is_some() && state.user.is_none() {
                    "530 5.7.0 Authentication required"
                } else if let Some(address) = path(arg, "FROM:") {
                    reset(&mut state);
                    state.from = Some(address);
                    "250 2.1.0 Ok"
                } else {
                    "501 5.5.4 Syntax: MAIL FROM:<address>"
                };
                reply(io, answer).await?;
            }
            "RCPT" => {
                let answer = if state.from.is_none() {
                    "503 5.5.1 Need MAIL before RCPT"
                } else if let Some(address) = path(arg, "TO:") {
                    state.to.push(address);
                    "250 2.1.5 Ok"
                } else {
                    "501 5.5.4 Syntax: RCPT TO:<address>"
                };
                reply(io, answer).await?;
            }
            "DATA" if state.to.is_empty() => {
                reply(io, "503 5.5.1 Need RCPT before DATA").await?;
            }
            "DATA" => {
                reply(io, "354 End data with <CR><LF>.<CR><LF>").await?;
                let raw = read_data(io).await?;
                shared.store(parse(&state, raw));
                reset(&mut state);
                reply(io, "250 2.0.0 Ok: queued").await?;
            }
            "RSET" => {
                reset(&mut state);
                reply(io, "250 2.0.0 Ok").await?;
            }
            "NOOP" => reply(io, "250 2.0.0 Ok").await?,
            "QUIT" => {
                reply(io, "221 2.0.0 Bye").await?;
                return Ok(End::Closed);
            }
            _ => reply(io, "500 5.5.2 Command not recognized").await?,
        }
    }
}

fn reset(state: &mut State) {
    state.from = None;
    state.to.clear();
}

/// `FROM:<a@b> BODY=8BITMIME` → `a@b`.
fn path(arg: &str, keyword: &str) -> Option<String> {
    let head = arg.get(..keyword.len())?;
    if !head.eq_ignore_ascii_case(keyword) {
        return None;
    }
    let rest = arg[keyword.len()..].trim_start();
    let rest = rest.strip_prefix('<')?;
    let end = rest.find('>')?;
    Some(rest[..end].to_owned())
}

fn refusal(code: u16) -> &'static str {
    match code {
        421 => "4.3.2 Service shutting down (test)",
        450..=499 => "4.3.0 Try again later (test)",
        550..=553 => "5.1.1 Mailbox unavailable (test)",
        500..=599 => "5.7.1 Refused (test)",
        _ => "Answer set by the test",
    }
}

/// Reads the message up to the lone dot, undoing dot-stuffing (RFC 5321 4.5.2).
async fn read_data<S>(io: &mut BufReader<S>) -> io::Result<Vec<u8>>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let mut raw = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if io.read_until(b'\n', &mut line).await? == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        if line == b".\r\n" || line == b".\n" {
            return Ok(raw);
        }
        let unstuffed = line.strip_prefix(b".").unwrap_or(&line);
        raw.extend_from_slice(unstuffed);
    }
}

async fn auth<S>(
    io: &mut BufReader<S>,
    shared: &Shared,
    state: &mut State,
    arg: &str,
) -> io::Result<()>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let Some((user, password)) = &shared.options.credentials else {
        return reply(io, "502 5.5.1 AUTH not available").await;
    };
    if !state.tls {
        return reply(
            io,
            "538 5.7.11 Encryption required for requested authentication mechanism",
        )
        .await;
    }
    let (mechanism, initial) = arg.split_once(' ').unwrap_or((arg, ""));
    if !mechanism.eq_ignore_ascii_case("PLAIN") {
        return reply(io, "504 5.5.4 Unrecognized authentication type").await;
    }
    let response = if initial.is_empty() {
        reply(io, "334 ").await?;
        let mut line = String::new();
        io.read_line(&mut line).await?;
        line.trim().to_owned()
    } else {
        initial.to_owned()
    };
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(response)
        .unwrap_or_default();
    let fields: Vec<&[u8]> = decoded.split(|b| *b == 0).collect();
    if let [_, given_user, given_password] = fields.as_slice()
        && *given_user == user.as_bytes()
        && *given_password == password.as_bytes()
    {
        state.user = Some(user.clone());
        reply(io, "235 2.7.0 Authentication successful").await
    } else {
        reply(io, "535 5.7.8 Authentication credentials invalid").await
    }
}

fn parse(state: &State, raw: Vec<u8>) -> ReceivedMail {
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let parsed = mail_parser::MessageParser::default().parse(raw.as_bytes());
    let subject = parsed
        .as_ref()
        .and_then(|m| m.subject())
        .unwrap_or_default()
        .to_owned();
    let text = parsed
        .as_ref()
        .and_then(|m| m.body_text(0))
        .map(|t| t.into_owned())
        .unwrap_or_default();
    // mail-parser turns a text part into HTML when asked for HTML; only a real
    // text/html part counts.
    let html = parsed.as_ref().and_then(|m| {
        let part = m.html_part(0)?;
        match &part.body {
            mail_parser::PartType::Html(html) => Some(html.to_string()),
            _ => None,
        }
    });
    ReceivedMail {
        from: state.from.clone().unwrap_or_default(),
        to: state.to.clone(),
        raw,
        subject,
        text,
        html,
        tls: state.tls,
        user: state.user.clone(),
    }
}

async fn reply<S>(io: &mut BufReader<S>, line: &str) -> io::Result<()>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let stream = io.get_mut();
    stream.write_all(line.as_bytes()).await?;
    stream.write_all(b"\r\n").await?;
    stream.flush().await
}

async fn reply_lines<S>(io: &mut BufReader<S>, code: u16, lines: &[&str]) -> io::Result<()>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let separator = if i + 1 == lines.len() { ' ' } else { '-' };
        out.push_str(&format!("{code}{separator}{line}\r\n"));
    }
    let stream = io.get_mut();
    stream.write_all(out.as_bytes()).await?;
    stream.flush().await
}
