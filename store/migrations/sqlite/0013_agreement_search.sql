-- Full-text search of the kerja sama registry (issue 5 item 9), SQLite.
-- agreements.search_text holds the folded words of the title, scope, urusan
-- and party names (package search); FTS5 indexes exactly those words (the
-- ascii tokenizer splits at the spaces only, the words being letters and
-- numbers), with prefix indexes for the short prefixes a search box sees.
-- Triggers keep the index in the writing transaction; the migration's Go
-- step (store/migrate.go) rewrites the rows written before it in the folded
-- form, after 'rebuild' has indexed their old text.
CREATE VIRTUAL TABLE agreements_fts USING fts5(search_text, content='agreements', content_rowid='id', tokenize='ascii', prefix='2 3');
INSERT INTO agreements_fts(agreements_fts) VALUES ('rebuild');
CREATE TRIGGER agreements_fts_insert AFTER INSERT ON agreements
BEGIN INSERT INTO agreements_fts(rowid, search_text) VALUES (new.id, new.search_text); END;
CREATE TRIGGER agreements_fts_delete AFTER DELETE ON agreements
BEGIN INSERT INTO agreements_fts(agreements_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END;
CREATE TRIGGER agreements_fts_update AFTER UPDATE OF search_text ON agreements
BEGIN
    INSERT INTO agreements_fts(agreements_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO agreements_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
-- The import finds parties by name, case-insensitively, a batch at a time.
CREATE INDEX organizations_lower_name ON organizations(lower(name));
