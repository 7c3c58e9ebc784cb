//! The account's life: sign-up, verification, sign-in, reset, email and password change.

use std::net::IpAddr;
use std::time::Duration;

use mimi_domain::{Email, Error, Language, Password, PersonName, WorkspaceName};
use mimi_notify::Message;
use serde::Serialize;
use sqlx::PgConnection;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::password::{self, Verdict};
use crate::session::{self, SessionInfo, SignedIn};
use crate::{Accounts, links, throttle, token};

const VERIFY_TTL: Duration = Duration::from_secs(24 * 3600);
const RESET_TTL: Duration = Duration::from_secs(3600);

/// What sign-up asks for.
#[derive(Debug)]
pub struct SignUp {
    /// The owner's name.
    pub name: String,
    /// Their email; it becomes their sign-in.
    pub email: String,
    /// A new password.
    pub password: String,
    /// The first workspace's name.
    pub workspace_name: String,
    /// Mail and UI language.
    pub language: Language,
    /// They confirmed being 13 or older.
    pub age_confirmed: bool,
}

/// What an account looks like to its owner.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Account {
    /// Its id.
    pub id: Uuid,
    /// Display name.
    pub name: String,
    /// Sign-in email.
    pub email: String,
    /// Language of mail and UI.
    #[sqlx(try_from = "String")]
    #[schema(value_type = String, example = "en")]
    pub language: LanguageColumn,
    /// Whether the email was confirmed.
    pub email_verified: bool,
    /// When it was created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// When it last signed in.
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_sign_in_at: Option<OffsetDateTime>,
}

/// A stored language tag, read back as a [`Language`].
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(transparent)]
pub struct LanguageColumn(pub Language);

impl TryFrom<String> for LanguageColumn {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Language::from_tag(&s)
            .map(LanguageColumn)
            .ok_or_else(|| format!("unknown language {s}"))
    }
}

/// A requested change of sign-in email.
#[derive(Debug)]
pub struct EmailChange {
    /// The current password, to prove it is the owner asking.
    pub current_password: String,
    /// The new address.
    pub new_email: String,
}

const ACCOUNT_COLUMNS: &str = "id, name, email, language, email_verified_at is not null as email_verified, \
                               created_at, last_sign_in_at";

/// The row the flows below need.
#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    name: String,
    email: String,
    password_hash: String,
    language: String,
    email_verified_at: Option<OffsetDateTime>,
}

impl Row {
    fn language(&self) -> Language {
        Language::from_tag(&self.language).unwrap_or_default()
    }
}

async fn by_email(conn: &mut PgConnection, email: &Email) -> Result<Option<Row>, Error> {
    Ok(sqlx::query_as(
        "select id, name, email, password_hash, language, email_verified_at \
         from accounts where lower(email) = $1",
    )
    .bind(email.normalized())
    .fetch_optional(conn)
    .await?)
}

async fn by_id(conn: &mut PgConnection, id: Uuid) -> Result<Row, Error> {
    Ok(sqlx::query_as(
        "select id, name, email, password_hash, language, email_verified_at \
         from accounts where id = $1",
    )
    .bind(id)
    .fetch_one(conn)
    .await?)
}

async fn mail(
    conn: &mut PgConnection,
    to: &str,
    message: Message,
    language: Language,
) -> Result<(), Error> {
    mimi_notify::enqueue(conn, to, &message, language)
        .await
        .map_err(Error::internal)?;
    Ok(())
}

/// A sign-up form whose every field passed its rules.
struct Checked {
    name: PersonName,
    email: Email,
    password: Password,
    workspace_name: WorkspaceName,
    language: Language,
}

impl Checked {
    fn new(input: &SignUp) -> Result<Checked, Error> {
        Ok(Checked {
            name: PersonName::parse(&input.name)?,
            email: Email::parse(&input.email, "email")?,
            password: Password::parse(&input.password, "password")?,
            workspace_name: WorkspaceName::parse(&input.workspace_name, "workspace_name")?,
            language: input.language,
        })
    }
}

/// Inserts the account (verified or not) and its first workspace, owned by it; `None`
/// when the address already has an account.
async fn insert_account(
    tx: &mut mimi_store::Tx,
    form: &Checked,
    hash: &str,
    verified: bool,
) -> Result<Option<(Uuid, Uuid)>, Error> {
    let account_id = Uuid::now_v7();
    let inserted = sqlx::query(
        "insert into accounts (id, name, email, password_hash, language, email_verified_at) \
         values ($1, $2, $3, $4, $5, case when $6 then now() end)",
    )
    .bind(account_id)
    .bind(form.name.as_str())
    .bind(form.email.as_str())
    .bind(hash)
    .bind(form.language.as_str())
    .bind(verified)
    .execute(&mut **tx)
    .await;
    match inserted {
        Err(e) if mimi_store::unique_violation(&e) == Some("accounts_email_key") => {
            return Ok(None);
        }
        other => other?,
    };
    let workspace_id = crate::workspaces::insert(tx, account_id, &form.workspace_name).await?;
    Ok(Some((account_id, workspace_id)))
}

/// Claims the right to mail `account_id` at an anonymous request: at most once a
/// minute. `false` means skip the mail (the caller still answers as if sent).
async fn may_mail_unasked(conn: &mut PgConnection, account_id: Uuid) -> Result<bool, Error> {
    let claimed: Option<Uuid> = sqlx::query_scalar(
        "update accounts set last_unsolicited_mail_at = now() \
         where id = $1 and (last_unsolicited_mail_at is null \
                            or last_unsolicited_mail_at < now() - interval '1 minute') \
         returning id",
    )
    .bind(account_id)
    .fetch_optional(conn)
    .await?;
    Ok(claimed.is_some())
}

/// Issues a single-use token for a mail link.
async fn issue(
    conn: &mut PgConnection,
    account_id: Uuid,
    purpose: &str,
    new_email: Option<&str>,
    ttl: Duration,
) -> Result<String, Error> {
    let secret = token::generate();
    sqlx::query(
        "insert into account_tokens (token_hash, account_id, purpose, new_email, expires_at) \
         values ($1, $2, $3, $4, now() + make_interval(secs => $5))",
    )
    .bind(token::hash(&secret))
    .bind(account_id)
    .bind(purpose)
    .bind(new_email)
    .bind(ttl.as_secs_f64())
    .execute(conn)
    .await?;
    Ok(secret)
}

/// Uses a token once: unknown, used and expired links each fail with their own code.
async fn consume(
    conn: &mut PgConnection,
    secret: &str,
    purpose: &str,
) -> Result<(Uuid, Option<String>), Error> {
    let found: Option<(Uuid, Option<String>, bool, bool)> = sqlx::query_as(
        "select account_id, new_email, used_at is not null, expires_at <= now() \
         from account_tokens where token_hash = $1 and purpose = $2 for update",
    )
    .bind(token::hash(secret))
    .bind(purpose)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((account_id, new_email, used, expired)) = found else {
        return Err(Error::invalid(
            "token",
            "token_invalid",
            "this link is not valid; check that it was copied whole, or ask for a new one",
        ));
    };
    if used {
        return Err(Error::Gone {
            code: "token_used",
            message: "this link was already used; links work once, ask for a new one".into(),
        });
    }
    if expired {
        return Err(Error::Gone {
            code: "token_expired",
            message: "this link has expired; ask for a new one".into(),
        });
    }
    sqlx::query("update account_tokens set used_at = now() where token_hash = $1")
        .bind(token::hash(secret))
        .execute(&mut *conn)
        .await?;
    Ok((account_id, new_email))
}

impl Accounts {
    /// Signs up: creates the account, its first workspace (as owner) and a verification
    /// mail, all or nothing. An address that already has an account gets a mail saying
    /// so, and the caller sees the same success: sign-up never reveals who is registered.
    /// At most 10 sign-ups an hour come from one client address (429).
    pub async fn sign_up(&self, input: SignUp, client: IpAddr) -> Result<(), Error> {
        if !input.age_confirmed {
            return Err(Error::invalid(
                "age_confirmed",
                "age_confirmation_required",
                "you must be 13 or older to use Mimi; confirm your age to sign up",
            ));
        }
        let form = Checked::new(&input)?;
        let keys = throttle::Keys::new(
            &self.config().throttle_key,
            client,
            &form.email.normalized(),
        );
        throttle::sign_up(
            &mut *self.pool().acquire().await?,
            &self.config().throttle,
            &keys,
        )
        .await?;
        // Hash first, so both branches below take the same time.
        let hash = password::hash(form.password.expose()).await?;

        let mut tx = self.pool().begin().await?;
        if let Some(existing) = by_email(&mut tx, &form.email).await? {
            self.mail_existing(&mut tx, &existing).await?;
            tx.commit().await?;
            return Ok(());
        }
        let Some((account_id, _)) = insert_account(&mut tx, &form, &hash, false).await? else {
            // Signed up twice at once: the other request won; answer as above.
            return Ok(());
        };
        let secret = issue(&mut tx, account_id, "verify_email", None, VERIFY_TTL).await?;
        let message = Message::VerifyEmail {
            name: form.name.as_str().to_owned(),
            link: self.config().link(links::VERIFY_EMAIL, &secret),
        };
        mail(&mut tx, form.email.as_str(), message, form.language).await?;
        tx.commit().await?;
        tracing::info!(account = %account_id, "account signed up");
        Ok(())
    }

    /// Creates an account whose email counts as verified, with its first workspace, and
    /// no mail: for operators seeding a demo or importing owners they have vetted. An
    /// address that has an account is a conflict (`email_taken`).
    pub async fn create_verified_account(&self, input: SignUp) -> Result<(Uuid, Uuid), Error> {
        let form = Checked::new(&input)?;
        let hash = password::hash(form.password.expose()).await?;
        let mut tx = self.pool().begin().await?;
        let Some(ids) = insert_account(&mut tx, &form, &hash, true).await? else {
            return Err(Error::conflict(
                "email",
                "email_taken",
                "this address already has an account",
            ));
        };
        tx.commit().await?;
        Ok(ids)
    }

    /// The mail an address with an account gets when someone signs up with it again:
    /// a fresh verification link if it was never verified, otherwise a notice.
    async fn mail_existing(&self, conn: &mut PgConnection, existing: &Row) -> Result<(), Error> {
        if !may_mail_unasked(conn, existing.id).await? {
            return Ok(());
        }
        let message = if existing.email_verified_at.is_none() {
            let secret = issue(conn, existing.id, "verify_email", None, VERIFY_TTL).await?;
            Message::VerifyEmail {
                name: existing.name.clone(),
                link: self.config().link(links::VERIFY_EMAIL, &secret),
            }
        } else {
            Message::AlreadyRegistered {
                name: existing.name.clone(),
                sign_in_link: format!("{}{}", self.config().public_url, links::SIGN_IN),
                reset_link: format!("{}{}", self.config().public_url, links::FORGOT_PASSWORD),
            }
        };
        mail(conn, &existing.email, message, existing.language()).await
    }

    /// Sends a new verification link if `email` has an unverified account; answers the
    /// same either way.
    pub async fn resend_verification(&self, email: &str) -> Result<(), Error> {
        let email = Email::parse(email, "email")?;
        let mut tx = self.pool().begin().await?;
        if let Some(existing) = by_email(&mut tx, &email).await?
            && existing.email_verified_at.is_none()
        {
            self.mail_existing(&mut tx, &existing).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Confirms the address behind a verification link and signs in.
    pub async fn verify_email(&self, secret: &str) -> Result<SignedIn, Error> {
        let mut tx = self.pool().begin().await?;
        let (account_id, _) = consume(&mut tx, secret, "verify_email").await?;
        sqlx::query(
            "update accounts set email_verified_at = coalesce(email_verified_at, now()), \
             last_sign_in_at = now(), updated_at = now() where id = $1",
        )
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
        let signed_in = session::open(&mut tx, account_id, self.config().session_ttl).await?;
        tx.commit().await?;
        Ok(signed_in)
    }

    /// Signs in with email and password, throttled per client address and per email.
    /// Unknown email and wrong password answer alike (401 `invalid_credentials`), in
    /// about the same time.
    pub async fn sign_in(
        &self,
        email: &str,
        password: &str,
        client: IpAddr,
    ) -> Result<SignedIn, Error> {
        let invalid = || Error::Unauthenticated {
            code: "invalid_credentials",
            message: "the email or password is wrong".into(),
        };
        // A malformed email is just another wrong credential here.
        let normalized = email.trim().to_lowercase();
        let keys = throttle::Keys::new(&self.config().throttle_key, client, &normalized);
        let mut conn = self.pool().acquire().await?;
        throttle::check(&mut conn, &self.config().throttle, &keys).await?;
        let row = match Email::parse(email, "email") {
            Ok(email) => by_email(&mut conn, &email).await?,
            Err(_) => None,
        };
        let Some(row) = row else {
            password::waste_time(password).await;
            throttle::record_failure(&mut conn, &keys).await?;
            return Err(invalid());
        };
        let verdict = password::verify(password, &row.password_hash).await?;
        if verdict == Verdict::Mismatch {
            throttle::record_failure(&mut conn, &keys).await?;
            return Err(invalid());
        }
        if row.email_verified_at.is_none() {
            return Err(Error::forbidden(
                "email_unverified",
                "confirm your email address first: open the link we mailed you, or ask for a new one",
            ));
        }
        // Hand the throttling connection back before taking one for the transaction.
        drop(conn);
        let mut tx = self.pool().begin().await?;
        if verdict == Verdict::MatchNeedsRehash {
            let upgraded = password::hash(password).await?;
            sqlx::query("update accounts set password_hash = $2, updated_at = now() where id = $1")
                .bind(row.id)
                .bind(upgraded)
                .execute(&mut *tx)
                .await?;
            tracing::info!(account = %row.id, "password hash upgraded to argon2id");
        }
        sqlx::query("update accounts set last_sign_in_at = now() where id = $1")
            .bind(row.id)
            .execute(&mut *tx)
            .await?;
        throttle::clear_email(&mut tx, &keys).await?;
        let signed_in = session::open(&mut tx, row.id, self.config().session_ttl).await?;
        tx.commit().await?;
        Ok(signed_in)
    }

    /// Mails a reset link if `email` has an account (at most one a minute); answers the
    /// same either way.
    pub async fn request_password_reset(&self, email: &str) -> Result<(), Error> {
        let email = Email::parse(email, "email")?;
        let mut tx = self.pool().begin().await?;
        if let Some(row) = by_email(&mut tx, &email).await?
            && may_mail_unasked(&mut tx, row.id).await?
        {
            let secret = issue(&mut tx, row.id, "reset_password", None, RESET_TTL).await?;
            let message = Message::PasswordReset {
                name: row.name.clone(),
                link: self.config().link(links::RESET_PASSWORD, &secret),
            };
            mail(&mut tx, &row.email, message, row.language()).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Sets a new password from a reset link: every other session ends and every other
    /// reset link dies; this browser is signed in. The link proves the mailbox, so an
    /// unverified address counts as verified.
    pub async fn reset_password(
        &self,
        secret: &str,
        new_password: &str,
    ) -> Result<SignedIn, Error> {
        // Check the password before using up the link.
        let new_password = Password::parse(new_password, "password")?;
        let hash = password::hash(new_password.expose()).await?;
        let mut tx = self.pool().begin().await?;
        let (account_id, _) = consume(&mut tx, secret, "reset_password").await?;
        sqlx::query(
            "update accounts set password_hash = $2, updated_at = now(), last_sign_in_at = now(), \
             email_verified_at = coalesce(email_verified_at, now()) where id = $1",
        )
        .bind(account_id)
        .bind(&hash)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "update account_tokens set used_at = now() \
             where account_id = $1 and purpose = 'reset_password' and used_at is null",
        )
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("delete from sessions where account_id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        let row = by_id(&mut tx, account_id).await?;
        let message = Message::PasswordChanged {
            name: row.name.clone(),
        };
        mail(&mut tx, &row.email, message, row.language()).await?;
        let signed_in = session::open(&mut tx, account_id, self.config().session_ttl).await?;
        tx.commit().await?;
        Ok(signed_in)
    }

    /// The account as its owner sees it.
    pub async fn account(&self, account_id: Uuid) -> Result<Account, Error> {
        Ok(sqlx::query_as(&format!(
            "select {ACCOUNT_COLUMNS} from accounts where id = $1"
        ))
        .bind(account_id)
        .fetch_one(self.pool())
        .await?)
    }

    /// Changes the display name and/or language.
    pub async fn update_profile(
        &self,
        account_id: Uuid,
        name: Option<&str>,
        language: Option<Language>,
    ) -> Result<Account, Error> {
        let name = name.map(PersonName::parse).transpose()?;
        Ok(sqlx::query_as(&format!(
            "update accounts set name = coalesce($2, name), language = coalesce($3, language), \
             updated_at = now() where id = $1 returning {ACCOUNT_COLUMNS}"
        ))
        .bind(account_id)
        .bind(name.as_ref().map(PersonName::as_str))
        .bind(language.map(Language::as_str))
        .fetch_one(self.pool())
        .await?)
    }

    /// Checks the current password of a signed-in owner (field `current_password`).
    async fn check_current(&self, row: &Row, current: &str) -> Result<(), Error> {
        if password::verify(current, &row.password_hash).await? == Verdict::Mismatch {
            return Err(Error::invalid(
                "current_password",
                "password_incorrect",
                "the current password is wrong",
            ));
        }
        Ok(())
    }

    /// Changes the password; every other session of the account ends.
    pub async fn change_password(
        &self,
        session: SessionInfo,
        current_password: &str,
        new_password: &str,
    ) -> Result<(), Error> {
        let new_password = Password::parse(new_password, "new_password")?;
        let mut tx = self.pool().begin().await?;
        let row = by_id(&mut tx, session.account_id).await?;
        self.check_current(&row, current_password).await?;
        let hash = password::hash(new_password.expose()).await?;
        sqlx::query("update accounts set password_hash = $2, updated_at = now() where id = $1")
            .bind(row.id)
            .bind(&hash)
            .execute(&mut *tx)
            .await?;
        sqlx::query("delete from sessions where account_id = $1 and id <> $2")
            .bind(row.id)
            .bind(session.session_id)
            .execute(&mut *tx)
            .await?;
        let message = Message::PasswordChanged {
            name: row.name.clone(),
        };
        mail(&mut tx, &row.email, message, row.language()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Starts an email change: a link to the new address, a notice to the old one. The
    /// email changes only when the link is used. If the new address already belongs to
    /// an account, that address is told instead, and the caller sees the same answer.
    pub async fn request_email_change(
        &self,
        account_id: Uuid,
        change: EmailChange,
    ) -> Result<(), Error> {
        let new_email = Email::parse(&change.new_email, "new_email")?;
        let mut tx = self.pool().begin().await?;
        let row = by_id(&mut tx, account_id).await?;
        self.check_current(&row, &change.current_password).await?;
        if row.email.to_lowercase() == new_email.normalized() {
            return Err(Error::invalid(
                "new_email",
                "email_unchanged",
                "this is already your sign-in email",
            ));
        }
        if let Some(other) = by_email(&mut tx, &new_email).await? {
            let message = Message::AlreadyRegistered {
                name: other.name.clone(),
                sign_in_link: format!("{}{}", self.config().public_url, links::SIGN_IN),
                reset_link: format!("{}{}", self.config().public_url, links::FORGOT_PASSWORD),
            };
            mail(&mut tx, &other.email, message, other.language()).await?;
        } else {
            let secret = issue(
                &mut tx,
                row.id,
                "change_email",
                Some(new_email.as_str()),
                VERIFY_TTL,
            )
            .await?;
            let confirm = Message::EmailChangeVerify {
                name: row.name.clone(),
                new_email: new_email.as_str().to_owned(),
                link: self.config().link(links::CONFIRM_EMAIL_CHANGE, &secret),
            };
            mail(&mut tx, new_email.as_str(), confirm, row.language()).await?;
        }
        let notice = Message::EmailChangeNotice {
            name: row.name.clone(),
            new_email: new_email.as_str().to_owned(),
        };
        mail(&mut tx, &row.email, notice, row.language()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Completes an email change from its link.
    pub async fn confirm_email_change(&self, secret: &str) -> Result<Account, Error> {
        let mut tx = self.pool().begin().await?;
        let (account_id, new_email) = consume(&mut tx, secret, "change_email").await?;
        let new_email =
            new_email.ok_or_else(|| Error::internal("change_email token without an address"))?;
        let updated = sqlx::query_as(&format!(
            "update accounts set email = $2, email_verified_at = now(), updated_at = now() \
             where id = $1 returning {ACCOUNT_COLUMNS}"
        ))
        .bind(account_id)
        .bind(&new_email)
        .fetch_one(&mut *tx)
        .await;
        let account: Account = match updated {
            Ok(account) => account,
            Err(e) if mimi_store::unique_violation(&e) == Some("accounts_email_key") => {
                return Err(Error::conflict(
                    "new_email",
                    "email_taken",
                    "another account took this address meanwhile; choose another",
                ));
            }
            Err(e) => return Err(e.into()),
        };
        tx.commit().await?;
        Ok(account)
    }
}
