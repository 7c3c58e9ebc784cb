-- Anonymous daily views of an app's public page (`/@handle`): one counter per app and
-- UTC day. Nothing about the viewer is stored, not even a hash of their address, so
-- there is nothing to export, delete or leak per visitor.
create table page_views (
    workspace_id uuid not null,
    app_id uuid not null,
    day date not null,
    views bigint not null default 0 check (views >= 0),
    primary key (app_id, day),
    foreign key (app_id, workspace_id) references apps (id, workspace_id) on delete cascade
);
create index page_views_workspace on page_views (workspace_id);

alter table page_views enable row level security;
alter table page_views force row level security;
create policy tenant on page_views
    using (workspace_id = mimi_tenant())
    with check (workspace_id = mimi_tenant());

grant select, insert, update, delete on page_views to mimi_app;
