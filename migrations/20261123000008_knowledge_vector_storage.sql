-- Keep a passage's vector and search terms in its row.
--
-- A passage row (text, lexemes and a 384-d vector: about 3.5 kB) is over PostgreSQL's
-- default 2 kB TOAST target, and pgvector's type defaults to `external` storage: the
-- vector, then the lexemes, were moved to the TOAST table, and every similarity and
-- every `@@` computed from the row paid a TOAST index lookup and fetch, several times
-- per row in one search (ranking, term frequencies, coverage). With a target of a whole
-- page, rows up to 8 kB stay as they are; in a larger row (a 1536-d vector with a long
-- passage) the text goes out first, and the vector and lexemes only as a last resort.
-- Applies to rows written from now on; re-indexing rewrites older ones.
alter table knowledge_chunks set (toast_tuple_target = 8160);
alter table knowledge_chunks alter column embedding set storage main;
alter table knowledge_chunks alter column lexemes set storage main;
