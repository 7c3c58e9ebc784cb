-- pgvector is the only extension Mimi requires of a database server.
create extension if not exists vector;
