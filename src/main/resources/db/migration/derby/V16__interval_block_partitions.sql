-- PostgreSQL's V16 partitions interval data by month; Derby has no partitioning, and an embedded database serves
-- one instance of a size that does not need it. Nothing changes here; the version is kept so both dialects list
-- the same migrations (SchemaMigrationIT).
VALUES 1;
