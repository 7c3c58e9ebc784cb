-- Visitors' conversations with an app, and their messages. Both tables are tenant-owned,
-- with forced Row-Level Security. A visitor has no account: a conversation is reached
-- with the random token handed out when it began, of which only a SHA-256 is stored.

-- How an app answers: which of the server's providers, which model, how, in which
-- language. `{}` is the extractive default. Validated by `mimi_apps::ChatSettings`.
alter table apps add column chat jsonb not null default '{}' check (jsonb_typeof(chat) = 'object');

-- A domain of the owner's pointing at Mimi, through which visitors reach the app
-- without a handle in the path. Lower-case and unique across all workspaces.
alter table apps add column custom_domain text check (custom_domain = lower(custom_domain));
alter table apps add constraint apps_custom_domain_key unique (custom_domain);

-- Routes a request by its `Host` to the app with that custom domain, as
-- `app_by_handle` routes by handle: ids only.
create function app_by_domain(domain text) returns table (app_id uuid, workspace_id uuid)
    language sql stable security definer
    set search_path = public, pg_temp
    as $$ select a.id, a.workspace_id from public.apps a where a.custom_domain = lower($1) $$;

revoke execute on function app_by_domain(text) from public;
grant execute on function app_by_domain(text) to mimi_app;

create table conversations (
    id uuid primary key,
    workspace_id uuid not null,
    app_id uuid not null,
    -- SHA-256 of the visitor's bearer token.
    visitor_token_hash bytea not null check (length(visitor_token_hash) = 32),
    created_at timestamptz not null default now(),
    last_message_at timestamptz not null default now(),
    -- When the owner marked it handled; a new visitor message clears it.
    handled_at timestamptz,
    -- When the visitor asked for a person, and how they said to reach them (their own
    -- words: an email, a phone number, "I'll check back here"), deleted with the rest.
    handed_off_at timestamptz,
    visitor_contact text,
    -- Whether the last reply found nothing to answer with.
    unanswered boolean not null default false,
    foreign key (app_id, workspace_id) references apps (id, workspace_id) on delete cascade,
    constraint conversations_id_workspace_key unique (id, workspace_id)
);
create index conversations_app on conversations (app_id, last_message_at desc);
create index conversations_workspace on conversations (workspace_id, last_message_at desc);

create table messages (
    id uuid primary key,
    workspace_id uuid not null,
    conversation_id uuid not null,
    -- `visitor`, `assistant` (the bot, redacted), or `owner` (a reply from the dashboard,
    -- LINE or email).
    role text not null check (role in ('visitor', 'assistant', 'owner')),
    content text not null,
    -- The passages the reply drew on: [{"item_id", "chunk_id", "title", "link"}].
    citations jsonb not null default '[]' check (jsonb_typeof(citations) = 'array'),
    -- For assistant replies: the model (`extractive`, `anthropic:…`), tokens and time.
    model text,
    input_tokens integer,
    output_tokens integer,
    latency_ms integer,
    -- `failed` when the provider could not answer; the content is then the apology.
    status text not null default 'complete' check (status in ('complete', 'failed')),
    created_at timestamptz not null default now(),
    foreign key (conversation_id, workspace_id) references conversations (id, workspace_id)
        on delete cascade
);
create index messages_conversation on messages (conversation_id, created_at, id);

alter table conversations enable row level security;
alter table conversations force row level security;
alter table messages enable row level security;
alter table messages force row level security;
create policy tenant on conversations
    using (workspace_id = mimi_tenant())
    with check (workspace_id = mimi_tenant());
create policy tenant on messages
    using (workspace_id = mimi_tenant())
    with check (workspace_id = mimi_tenant());

-- Lets `conversation_for_visitor` (running as the owner) read conversations, nothing more.
do $$
begin
    execute format('create policy owner_routes on conversations for select to %I using (true)', current_user);
end
$$;

-- Routes a visitor's request to its conversation's tenant: the ids of the conversation
-- whose id and token hash both match, or nothing. Ids only, as `app_by_handle`.
create function conversation_for_visitor(conversation uuid, token_hash bytea)
    returns table (workspace_id uuid, app_id uuid)
    language sql stable security definer
    set search_path = public, pg_temp
    as $$ select c.workspace_id, c.app_id from public.conversations c
          where c.id = $1 and c.visitor_token_hash = $2 $$;

revoke execute on function conversation_for_visitor(uuid, bytea) from public;
grant execute on function conversation_for_visitor(uuid, bytea) to mimi_app;

grant select, insert, update, delete on conversations, messages to mimi_app;
