-- PostgreSQL, unlike Derby, makes no index for a foreign key: every read of a customer's usage points, a usage
-- point's MeterReadings and summaries, or an Authorization's chosen usage points scanned its whole table, and
-- deleting a customer scanned each referencing table. Unseen with thousands of customers, the first cost at a
-- million (issue 21; found when Batch/Bulk joined these tables for ranges of Authorizations).
CREATE INDEX USAGE_POINT_CUSTOMER ON USAGE_POINT (CUSTOMER_ID);
CREATE INDEX METER_READING_USAGE_POINT ON METER_READING (USAGE_POINT_ID);
CREATE INDEX USAGE_SUMMARY_USAGE_POINT ON USAGE_SUMMARY (USAGE_POINT_ID);
CREATE INDEX POWER_QUALITY_SUMMARY_USAGE_POINT ON POWER_QUALITY_SUMMARY (USAGE_POINT_ID);
CREATE INDEX READING_TYPE_CUSTOMER ON READING_TYPE (CUSTOMER_ID);
CREATE INDEX LOCAL_TIME_PARAMETERS_CUSTOMER ON LOCAL_TIME_PARAMETERS (CUSTOMER_ID);
CREATE INDEX SUBSCRIPTION_USAGE_POINT_AUTH ON SUBSCRIPTION_USAGE_POINT (AUTHORIZATION_ID);
CREATE INDEX SERVICE_LOCATION_USAGE_POINT_SL ON SERVICE_LOCATION_USAGE_POINT (SERVICE_LOCATION_ID);
