-- Interval data partitioned by month of the block's start (issue 21 item 3, docs/operations.md "Partitions of
-- interval data"): a month of old readings is detached and archived as one table, without a DELETE that would
-- rewrite indexes and bloat the live table. PostgreSQL requires every unique constraint of a partitioned table to
-- include the partition key, so the block's key is (ID, INTERVAL_START) instead of ID alone; NULLS NOT DISTINCT
-- keeps a block that names no interval unique by its ID. The importer finds a block by its ID, which reads each
-- partition's key index once. Blocks without a start, and months no partition covers yet, land in the default
-- partition; INTERVAL_BLOCK_PARTITION moves such a month out of it into a partition of its own.
ALTER TABLE INTERVAL_BLOCK RENAME TO INTERVAL_BLOCK_V15;
DROP INDEX IX_BLOCK_READING_START;

CREATE TABLE INTERVAL_BLOCK (
    ID VARCHAR(36) NOT NULL,
    INTERVAL_DURATION BIGINT,
    INTERVAL_START BIGINT,
    PUBLISHED BIGINT,
    READING_COUNT INTEGER NOT NULL,
    READINGS BYTEA NOT NULL,
    SOURCE_HREF VARCHAR(1024),
    SOURCE_ID VARCHAR(256),
    TITLE VARCHAR(512),
    UPDATED BIGINT,
    METER_READING_ID VARCHAR(36) NOT NULL,
    CONSTRAINT UQ_INTERVAL_BLOCK_ID UNIQUE NULLS NOT DISTINCT (ID, INTERVAL_START)
) PARTITION BY RANGE (INTERVAL_START);
CREATE INDEX IX_BLOCK_READING_START ON INTERVAL_BLOCK (METER_READING_ID, INTERVAL_START, ID);
CREATE TABLE INTERVAL_BLOCK_DEFAULT PARTITION OF INTERVAL_BLOCK DEFAULT;

-- The partition of the month (UTC) that holds the epoch second given, made if missing, with the rows of that month
-- moved to it from the default partition. Called by the server at start and daily for the months around now
-- (IntervalBlockPartitions), and by operators for a month of history loaded into the default partition.
-- Answers the partition's name.
CREATE FUNCTION INTERVAL_BLOCK_PARTITION(AT_SECOND BIGINT) RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE
    first_day TIMESTAMP := date_trunc('month', to_timestamp(AT_SECOND) AT TIME ZONE 'UTC');
    low BIGINT := extract(epoch FROM first_day)::BIGINT;
    high BIGINT := extract(epoch FROM first_day + INTERVAL '1 month')::BIGINT;
    partition TEXT := 'interval_block_' || to_char(first_day, 'YYYY_MM');
BEGIN
    -- Instances starting together call this at once: one makes the partition, the others then find it.
    PERFORM pg_advisory_xact_lock(7105112716935016);
    IF EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = to_regclass(partition)) THEN
        RETURN partition;
    END IF;
    IF to_regclass(partition) IS NOT NULL THEN
        RAISE EXCEPTION '% exists but is no partition of interval_block: a detached month waiting to be archived;'
            ' drop it (after archiving) or rename it, then call INTERVAL_BLOCK_PARTITION again', partition;
    END IF;
    EXECUTE format('CREATE TABLE %I (LIKE interval_block INCLUDING DEFAULTS)', partition);
    EXECUTE format('WITH moved AS (DELETE FROM interval_block_default WHERE interval_start >= %s AND interval_start < %s'
        || ' RETURNING *) INSERT INTO %I SELECT * FROM moved', low, high, partition);
    -- ATTACH takes a weaker lock on the parent than CREATE TABLE ... PARTITION OF: reads and writes of other months
    -- go on meanwhile.
    EXECUTE format('ALTER TABLE interval_block ATTACH PARTITION %I FOR VALUES FROM (%s) TO (%s)', partition, low, high);
    RETURN partition;
END
$$;

SELECT INTERVAL_BLOCK_PARTITION(m)
FROM (SELECT DISTINCT extract(epoch FROM date_trunc('month', to_timestamp(INTERVAL_START) AT TIME ZONE 'UTC'))::BIGINT AS m
      FROM INTERVAL_BLOCK_V15 WHERE INTERVAL_START IS NOT NULL) months
ORDER BY m;

INSERT INTO INTERVAL_BLOCK SELECT * FROM INTERVAL_BLOCK_V15;
DROP TABLE INTERVAL_BLOCK_V15;
