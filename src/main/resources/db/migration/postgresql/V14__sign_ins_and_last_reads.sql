-- Account settings and connected apps (issue 20 items 5 and 7, issue 19 item 4); columns in the order EclipseLink
-- generates them (SchemaMigrationIT). SIGN_IN_RECORD: each portal or consent sign-in of a known username, kept
-- until EXPIRES_AT (custodian.sign-in.history, 90 days by default), then swept. AUTHORIZATION_LAST_READ: when an
-- Authorization's token last read data, written at most once per custodian.portal.last-read-resolution.
CREATE TABLE SIGN_IN_RECORD (
    ID VARCHAR(36) NOT NULL PRIMARY KEY,
    ADDRESS VARCHAR(64),
    AGENT VARCHAR(200),
    CHANNEL VARCHAR(16) NOT NULL,
    CUSTOMER_ID VARCHAR(36) NOT NULL,
    EXPIRES_AT BIGINT NOT NULL,
    OCCURRED_AT BIGINT NOT NULL,
    OUTCOME VARCHAR(16) NOT NULL
);
CREATE INDEX SIGN_IN_RECORD_CUSTOMER ON SIGN_IN_RECORD (CUSTOMER_ID, OCCURRED_AT);
CREATE INDEX SIGN_IN_RECORD_EXPIRES ON SIGN_IN_RECORD (EXPIRES_AT);

CREATE TABLE AUTHORIZATION_LAST_READ (
    AUTHORIZATION_ID VARCHAR(36) NOT NULL PRIMARY KEY,
    READ_AT BIGINT NOT NULL
);
