-- Full-text search of the kerja sama registry (issue 5 item 9), PostgreSQL.
-- agreements.search_text holds the folded words of the title, scope, urusan
-- and party names (package search); search_vector holds exactly those words
-- as lexemes (no parser, no dictionary, so they are the words SQLite's FTS5
-- indexes), kept by the database itself; a GIN index answers the prefix
-- queries ('pete':* & 'maros':*). The migration's Go step (store/migrate.go)
-- rewrites the rows written before it in the folded form.
ALTER TABLE agreements ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (array_to_tsvector(array_remove(string_to_array(search_text, ' '), ''))) STORED;
CREATE INDEX agreements_search ON agreements USING GIN (search_vector);
-- The import finds parties by name, case-insensitively, a batch at a time.
CREATE INDEX organizations_lower_name ON organizations(lower(name));
