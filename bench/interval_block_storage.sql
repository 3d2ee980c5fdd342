-- Bytes on disk per 15-minute reading of INTERVAL_BLOCK at scale, and what TOAST compression does to it
-- (docs/scaling.md, "Storage per reading"). Run with psql on a copy of a database that holds the demo data (for
-- instance PostgresIT's, left on disk under target/it-data): it makes 50,000 daily blocks (4.8M readings) in one
-- month-sized table from the stored blocks of 96 readings, with new ids and starts, then the same rows with the
-- packed column compressed inline. Drops its tables again at the end.
CREATE TEMP TABLE storage_template AS
    SELECT row_number() OVER () AS n, * FROM interval_block WHERE reading_count = 96;

CREATE TABLE storage_today (LIKE interval_block INCLUDING DEFAULTS);
INSERT INTO storage_today
SELECT md5(g::text)::uuid::text, t.interval_duration, 1735689600 + (g % 31) * 86400, t.published, t.reading_count,
       t.readings, '/User/' || substr(md5((g / 31)::text), 1, 8) || '/UsagePoint/01/MeterReading/04/IntervalBlock/' || g,
       'urn:uuid:' || upper(md5((g * 7)::text)::uuid::text), t.title, t.updated, md5((g / 31)::text)::uuid::text
FROM generate_series(1, 50000) g
JOIN storage_template t ON t.n = 1 + g % (SELECT count(*) FROM storage_template);

-- PostgreSQL compresses a value only in a row over TOAST_TUPLE_THRESHOLD (about 2 KB); a lower toast_tuple_target
-- with STORAGE MAIN is what would ask it to compress the packed readings and keep them in the row.
CREATE TABLE storage_lz4 (LIKE interval_block INCLUDING DEFAULTS) WITH (toast_tuple_target = 128);
ALTER TABLE storage_lz4 ALTER COLUMN readings SET STORAGE MAIN, ALTER COLUMN readings SET COMPRESSION lz4;
INSERT INTO storage_lz4 SELECT * FROM storage_today;

ALTER TABLE storage_today ADD UNIQUE NULLS NOT DISTINCT (id, interval_start);
CREATE INDEX ON storage_today (meter_reading_id, interval_start, id);
ALTER TABLE storage_lz4 ADD UNIQUE NULLS NOT DISTINCT (id, interval_start);
CREATE INDEX ON storage_lz4 (meter_reading_id, interval_start, id);
VACUUM ANALYZE storage_today;
VACUUM ANALYZE storage_lz4;

SELECT t AS "table",
       round(pg_total_relation_size(t)::numeric / 4800000, 2) AS "bytes a reading",
       round(pg_relation_size(t)::numeric / 4800000, 2) AS "heap",
       round(pg_indexes_size(t)::numeric / 4800000, 2) AS "indexes",
       (SELECT round(avg(pg_column_size(readings)) / 96, 2) FROM storage_today) AS "packed (today)"
FROM unnest(ARRAY['storage_today', 'storage_lz4']::regclass[]) t;

DROP TABLE storage_today, storage_lz4;
