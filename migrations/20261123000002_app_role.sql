-- The role Mimi serves requests as. It owns nothing, is no superuser and cannot bypass
-- Row-Level Security: every pooled connection switches to it (`set role mimi_app`), so
-- a query that forgets its tenant filter still sees one tenant only. Roles belong to
-- the whole cluster, so another database on the same server may have created it.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'mimi_app') then
        create role mimi_app nologin nosuperuser nobypassrls nocreatedb nocreaterole;
    end if;
    -- The migrating user must be able to switch to it (a superuser always can).
    if not pg_has_role(current_user, 'mimi_app', 'member') then
        execute format('grant mimi_app to %I', current_user);
    end if;
end
$$;
grant usage on schema public to mimi_app;
-- Readiness compares the applied migrations with the binary's.
grant select on _sqlx_migrations to mimi_app;

-- The tenant of the current transaction, set by the store's tenant transaction with
-- `set_config('mimi.workspace_id', …, true)`. Unset means no tenant: policies match
-- nothing.
create function mimi_tenant() returns uuid
    language sql stable
    as $$ select nullif(current_setting('mimi.workspace_id', true), '')::uuid $$;

-- The signed-in account of the current transaction, if any.
create function mimi_account() returns uuid
    language sql stable
    as $$ select nullif(current_setting('mimi.account_id', true), '')::uuid $$;

grant execute on function mimi_tenant() to mimi_app;
grant execute on function mimi_account() to mimi_app;
