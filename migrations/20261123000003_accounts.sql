-- Owner accounts and what signs them in. Accounts are people, not tenants: these tables
-- have no workspace and no Row-Level Security; the server reaches them by id, by hashed
-- token or by email only.

create table accounts (
    id uuid primary key,
    name text not null,
    -- As typed; uniqueness ignores case (no citext: only `vector` may be required).
    email text not null,
    email_verified_at timestamptz,
    -- PHC string: argon2id, or bcrypt from an import until its first sign-in.
    password_hash text not null,
    language text not null default 'en' check (language in ('en', 'ja')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    last_sign_in_at timestamptz,
    -- When mail was last sent to this account at an anonymous request (sign-up with its
    -- address, a resent verification, a reset link): at most one a minute, so nobody
    -- can flood an inbox through Mimi.
    last_unsolicited_mail_at timestamptz
);
create unique index accounts_email_key on accounts (lower(email));

-- Server-side sessions behind the `cc_uid` cookie. Only a hash of the cookie's token
-- is stored, so a copy of the table signs nobody in.
create table sessions (
    id uuid primary key,
    account_id uuid not null references accounts (id) on delete cascade,
    token_hash bytea not null unique,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at timestamptz not null
);
create index sessions_account on sessions (account_id);
create index sessions_expiry on sessions (expires_at);

-- Single-use links sent by mail: email verification, password reset, email change.
create table account_tokens (
    token_hash bytea primary key,
    account_id uuid not null references accounts (id) on delete cascade,
    purpose text not null check (purpose in ('verify_email', 'reset_password', 'change_email')),
    -- The address being confirmed by a `change_email` token.
    new_email text,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at timestamptz
);
create index account_tokens_account on account_tokens (account_id, purpose);

-- Throttling: failed sign-ins per client address (`ip`) and per email (`email`), and
-- sign-ups per client address (`sign_up`). Keys are keyed hashes (HMAC), never the
-- address or email itself; rows older than a day are purged.
create table throttle_events (
    scope text not null check (scope in ('ip', 'email', 'sign_up')),
    key_hash bytea not null,
    at timestamptz not null default now()
);
create index throttle_events_key on throttle_events (scope, key_hash, at);

grant select, insert, update, delete on accounts, sessions, account_tokens, throttle_events to mimi_app;
