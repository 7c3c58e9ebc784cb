-- Transactional mail (verification, password reset, invites) waits here until the
-- mail worker has handed it to the SMTP relay. A message is inserted in the same
-- transaction as the change that asks for it, so a rolled-back sign-up sends nothing,
-- and a relay outage only delays mail: the row stays until delivery succeeds.
--
-- Mail goes to accounts, not to a workspace's visitors, so the table is not
-- tenant-owned and has no Row-Level Security.
create table mail_outbox (
    id uuid primary key,
    to_address text not null,
    subject text not null,
    -- The bodies hold single-use links: they are set to null once the message is sent
    -- or given up on, while the row stays for the audit trail until it is purged.
    body_text text,
    body_html text,
    -- `en` or `ja`, the language the message was rendered in.
    language text not null check (language in ('en', 'ja')),
    -- Failed delivery attempts so far.
    attempts int not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null default now(),
    -- The kind of the last failure (`connection`, `smtp_451`, …), never the relay's
    -- reply text, which may quote the address.
    last_error text,
    sent_at timestamptz,
    failed_at timestamptz,
    created_at timestamptz not null default now(),
    constraint mail_outbox_pending_has_body
        check (body_text is not null or sent_at is not null or failed_at is not null),
    constraint mail_outbox_sent_or_failed
        check (sent_at is null or failed_at is null)
);

-- What the worker asks for on every pass: pending mail by due time.
create index mail_outbox_due on mail_outbox (next_attempt_at)
    where sent_at is null and failed_at is null;

grant select, insert, update, delete on mail_outbox to mimi_app;
