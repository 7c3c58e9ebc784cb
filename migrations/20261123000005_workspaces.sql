-- Workspaces (the tenants), their members, invites and API keys. Every table carries
-- `workspace_id` (the workspace's own `id` for `workspaces`) and Row-Level Security:
-- `force` makes the policies bind the table owner too; the serving role `mimi_app`
-- bypasses nothing.

create table workspaces (
    id uuid primary key,
    name text not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create table workspace_members (
    workspace_id uuid not null references workspaces (id) on delete cascade,
    account_id uuid not null references accounts (id) on delete cascade,
    role text not null check (role in ('owner', 'admin', 'member')),
    created_at timestamptz not null default now(),
    primary key (workspace_id, account_id)
);
create index workspace_members_account on workspace_members (account_id);
-- At most one owner; the trigger below makes it exactly one.
create unique index workspace_members_one_owner on workspace_members (workspace_id)
    where role = 'owner';

create table workspace_invites (
    id uuid primary key,
    workspace_id uuid not null references workspaces (id) on delete cascade,
    email text not null,
    role text not null check (role in ('admin', 'member')),
    token_hash bytea not null unique,
    invited_by uuid references accounts (id) on delete set null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    accepted_at timestamptz,
    accepted_by uuid references accounts (id) on delete set null
);
create index workspace_invites_workspace on workspace_invites (workspace_id);
-- One open invite per address and workspace.
create unique index workspace_invites_open_email on workspace_invites (workspace_id, lower(email))
    where accepted_at is null;

create table api_keys (
    id uuid primary key,
    workspace_id uuid not null references workspaces (id) on delete cascade,
    name text not null,
    -- The first characters of the key, shown in lists so owners recognise it.
    prefix text not null,
    secret_hash bytea not null unique,
    created_by uuid references accounts (id) on delete set null,
    created_at timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at timestamptz
);
create index api_keys_workspace on api_keys (workspace_id);

-- A workspace always has an owner: checked at commit, so a transfer may demote the old
-- owner before promoting the new one.
create function workspace_has_owner() returns trigger
    language plpgsql
    as $$
declare
    ws uuid;
begin
    if tg_table_name = 'workspaces' then
        ws := new.id;
    elsif tg_op = 'DELETE' then
        ws := old.workspace_id;
    else
        ws := new.workspace_id;
    end if;
    if exists (select 1 from workspaces where id = ws)
        and not exists (
            select 1 from workspace_members where workspace_id = ws and role = 'owner'
        ) then
        raise exception 'workspace % has no owner', ws
            using errcode = 'check_violation', constraint = 'workspace_has_owner';
    end if;
    return null;
end
$$;

create constraint trigger workspace_has_owner
    after insert or update or delete on workspace_members
    deferrable initially deferred
    for each row execute function workspace_has_owner();
create constraint trigger workspace_created_with_owner
    after insert on workspaces
    deferrable initially deferred
    for each row execute function workspace_has_owner();

alter table workspaces enable row level security;
alter table workspaces force row level security;
alter table workspace_members enable row level security;
alter table workspace_members force row level security;
alter table workspace_invites enable row level security;
alter table workspace_invites force row level security;
alter table api_keys enable row level security;
alter table api_keys force row level security;

-- The tenant sees itself. Outside any tenant (no `mimi.workspace_id` set), an account
-- also sees the workspaces it belongs to, read-only, to list and switch between them;
-- inside a tenant transaction it sees that tenant only.
create policy tenant on workspaces
    using (id = mimi_tenant())
    with check (id = mimi_tenant());
create policy member_reads on workspaces for select
    using (
        mimi_tenant() is null
        and id in (select workspace_id from workspace_members where account_id = mimi_account())
    );

create policy tenant on workspace_members
    using (workspace_id = mimi_tenant())
    with check (workspace_id = mimi_tenant());
create policy own_memberships on workspace_members for select
    using (mimi_tenant() is null and account_id = mimi_account());

create policy tenant on workspace_invites
    using (workspace_id = mimi_tenant())
    with check (workspace_id = mimi_tenant());

create policy tenant on api_keys
    using (workspace_id = mimi_tenant())
    with check (workspace_id = mimi_tenant());

grant select, insert, update, delete on workspaces, workspace_members, workspace_invites, api_keys
    to mimi_app;
