-- Feeds read a MeterReading's blocks in (start, id) order: with the id in the index, the database reads them in
-- that order from the index and sorts nothing.
DROP INDEX IX_BLOCK_READING_START;
CREATE INDEX IX_BLOCK_READING_START ON INTERVAL_BLOCK (METER_READING_ID, INTERVAL_START, ID);
