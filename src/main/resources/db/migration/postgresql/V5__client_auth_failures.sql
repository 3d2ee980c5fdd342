-- Wrong client secrets per client (issue 16): past a threshold the client is held back (429) on every instance,
-- and further guesses cost no password hash. HELD_UNTIL and WINDOW_START are epoch milliseconds.
CREATE TABLE CLIENT_AUTH_FAILURES (
    CLIENT_ID VARCHAR(64) NOT NULL PRIMARY KEY,
    FAILURES INTEGER NOT NULL,
    HELD_UNTIL BIGINT,
    HOLDS INTEGER NOT NULL,
    WINDOW_START BIGINT NOT NULL
);
