-- ESPI ReadingType currency (ISO 4217 numeric): the portal shows IntervalReading costs in it.
ALTER TABLE READING_TYPE ADD COLUMN CURRENCY INTEGER;
