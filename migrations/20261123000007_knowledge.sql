-- An app's knowledge: the items an owner adds (FAQs, reference pages, uploaded files,
-- pages of their site), the chunks retrieval searches, and the queue that turns one into
-- the other. All three tables are tenant-owned, with forced Row-Level Security.

create table knowledge_items (
    id uuid primary key,
    workspace_id uuid not null references workspaces (id) on delete cascade,
    app_id uuid not null,
    kind text not null check (kind in ('faq', 'page', 'file', 'site_page')),
    -- The FAQ's question, the page's title, the file's name, the site page's title (its
    -- URL until fetched).
    title text not null,
    -- The text chunks are cut from, in Markdown: the FAQ's answer, the page's body, the
    -- text extracted from a file or a site page (empty until extracted).
    body text not null default '',
    -- Where a citation points: the FAQ's optional link, the site page's URL.
    link text,
    -- A file's sniffed format (`pdf`, `markdown`, …) and size as uploaded.
    format text,
    byte_size integer check (byte_size >= 0),
    status text not null default 'queued'
        check (status in ('queued', 'indexing', 'ready', 'failed')),
    -- Why indexing failed, for the owner: a stable code and a message.
    failure_code text,
    failure_message text,
    char_count integer not null default 0 check (char_count >= 0),
    -- Bumped by every edit; indexing results for an older revision are discarded.
    revision integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    indexed_at timestamptz,
    foreign key (app_id, workspace_id) references apps (id, workspace_id) on delete cascade,
    constraint knowledge_items_id_workspace_key unique (id, workspace_id),
    constraint knowledge_items_failure check ((status = 'failed') = (failure_code is not null))
);
create index knowledge_items_app on knowledge_items (app_id, created_at);

-- The bytes of an uploaded file until it has been extracted into `body`.
create table knowledge_uploads (
    item_id uuid primary key,
    workspace_id uuid not null,
    bytes bytea not null,
    foreign key (item_id, workspace_id) references knowledge_items (id, workspace_id)
        on delete cascade
);

-- The passages retrieval returns. `lexemes` is built in Rust (NFKC, stemmed Latin
-- words, Japanese character bigrams) so both languages search well; `embedding` has the
-- dimensions of `embedding_model`, and a query only ever compares vectors of one model.
create table knowledge_chunks (
    id uuid primary key,
    workspace_id uuid not null,
    app_id uuid not null,
    item_id uuid not null,
    position integer not null check (position >= 0),
    -- The headings above the passage (`Returns › Refunds`), for citations.
    section text not null default '',
    content text not null,
    lexemes tsvector not null,
    embedding vector,
    embedding_model text,
    foreign key (item_id, workspace_id) references knowledge_items (id, workspace_id)
        on delete cascade,
    constraint knowledge_chunks_item_position_key unique (item_id, position),
    constraint knowledge_chunks_embedding check ((embedding is null) = (embedding_model is null))
);
create index knowledge_chunks_app on knowledge_chunks (app_id, embedding_model);
create index knowledge_chunks_lexemes on knowledge_chunks using gin (lexemes);
-- The approximate nearest-neighbour index of the default local model (384 dimensions).
-- Other models get theirs at start-up (`mimi_knowledge::ensure_vector_index`).
create index knowledge_chunks_hnsw_384 on knowledge_chunks
    using hnsw ((embedding::vector(384)) vector_cosine_ops)
    where vector_dims(embedding) = 384;

-- Items waiting to be (re)indexed, one row per item. Workers claim rows with
-- `knowledge_claim_job` and hold them for a lease; a crashed worker's rows come back
-- when the lease ends.
create table knowledge_jobs (
    item_id uuid primary key,
    workspace_id uuid not null,
    -- The item revision the job indexes; an edit re-arms the job with the new one.
    revision integer not null,
    run_after timestamptz not null default now(),
    lease_until timestamptz,
    attempts integer not null default 0,
    foreign key (item_id, workspace_id) references knowledge_items (id, workspace_id)
        on delete cascade
);
create index knowledge_jobs_due on knowledge_jobs (run_after);

alter table knowledge_items enable row level security;
alter table knowledge_items force row level security;
alter table knowledge_uploads enable row level security;
alter table knowledge_uploads force row level security;
alter table knowledge_chunks enable row level security;
alter table knowledge_chunks force row level security;
alter table knowledge_jobs enable row level security;
alter table knowledge_jobs force row level security;

create policy tenant on knowledge_items
    using (workspace_id = mimi_tenant()) with check (workspace_id = mimi_tenant());
create policy tenant on knowledge_uploads
    using (workspace_id = mimi_tenant()) with check (workspace_id = mimi_tenant());
create policy tenant on knowledge_chunks
    using (workspace_id = mimi_tenant()) with check (workspace_id = mimi_tenant());
create policy tenant on knowledge_jobs
    using (workspace_id = mimi_tenant()) with check (workspace_id = mimi_tenant());

-- The two queue functions below run as the table owner, across tenants, and return ids
-- only; forced RLS binds the owner too, so it gets these policies (`mimi_app` does not).
do $$
begin
    execute format('create policy owner_queue on knowledge_jobs to %I using (true) with check (true)', current_user);
    execute format('create policy owner_queue on knowledge_items for select to %I using (true)', current_user);
    execute format('create policy owner_queue on knowledge_chunks for select to %I using (true)', current_user);
end
$$;

-- Claims the next due job for `lease_seconds`: its item, tenant, revision and how many
-- times it has been tried, this time included.
create function knowledge_claim_job(lease_seconds integer)
    returns table (item_id uuid, workspace_id uuid, revision integer, attempts integer)
    language sql volatile security definer
    set search_path = public, pg_temp
    as $$
        update public.knowledge_jobs j
           set lease_until = now() + make_interval(secs => lease_seconds),
               attempts = j.attempts + 1
         where j.item_id = (
               select q.item_id from public.knowledge_jobs q
                where q.run_after <= now() and (q.lease_until is null or q.lease_until < now())
                order by q.run_after
                limit 1
                for update skip locked)
        returning j.item_id, j.workspace_id, j.revision, j.attempts
    $$;

-- Queues every indexed item that has a passage embedded by another model than `model`
-- (or none at all), so that changing the embedding model re-embeds in the background.
-- Returns how many it queued.
create function knowledge_enqueue_stale(model text) returns bigint
    language sql volatile security definer
    set search_path = public, pg_temp
    as $$
        with stale as (
            select i.id, i.workspace_id, i.revision
              from public.knowledge_items i
             where i.status = 'ready'
               and exists (select 1 from public.knowledge_chunks c
                            where c.item_id = i.id
                              and c.embedding_model is distinct from model)
        ), queued as (
            insert into public.knowledge_jobs (item_id, workspace_id, revision)
            select id, workspace_id, revision from stale
            on conflict (item_id) do nothing
            returning 1
        )
        select count(*) from queued
    $$;

-- Creates the partial HNSW index of another model's vector size, once, when the indexer
-- first embeds with it (the serving role owns no table, so it cannot itself). pgvector
-- indexes at most 2,000 dimensions; larger vectors are searched exactly.
create function knowledge_ensure_vector_index(dims integer) returns void
    language plpgsql volatile security definer
    set search_path = public, pg_temp
    as $$
    begin
        if dims < 1 or dims > 2000 or dims = 384 then
            return;
        end if;
        execute format(
            'create index if not exists knowledge_chunks_hnsw_%s on public.knowledge_chunks '
            'using hnsw ((embedding::vector(%s)) vector_cosine_ops) where vector_dims(embedding) = %s',
            dims, dims, dims);
    end
    $$;

revoke execute on function knowledge_claim_job(integer) from public;
revoke execute on function knowledge_ensure_vector_index(integer) from public;
grant execute on function knowledge_ensure_vector_index(integer) to mimi_app;
revoke execute on function knowledge_enqueue_stale(text) from public;
grant execute on function knowledge_claim_job(integer) to mimi_app;
grant execute on function knowledge_enqueue_stale(text) to mimi_app;

grant select, insert, update, delete
    on knowledge_items, knowledge_uploads, knowledge_chunks, knowledge_jobs to mimi_app;
