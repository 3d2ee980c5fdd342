-- Staff sign-in through OpenID Connect (issue 19): an authorization request waiting for the provider's answer, with
-- the nonce and PKCE code_verifier it needs, keyed by a hash of its state, so any instance can take the answer
-- (columns in the order EclipseLink generates them: SchemaMigrationIT).
CREATE TABLE OIDC_REQUEST (
    STATE_HASH VARCHAR(64) NOT NULL PRIMARY KEY,
    CODE_VERIFIER VARCHAR(128) NOT NULL,
    EXPIRES_AT BIGINT NOT NULL,
    NONCE VARCHAR(64) NOT NULL
);
CREATE INDEX OIDC_REQUEST_EXPIRES ON OIDC_REQUEST (EXPIRES_AT);
