package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which database failures are answered 503 with Retry-After ({@link ErrorMappers.Unexpected}), not 500. */
class DatabaseAwayTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08003", "08006", "57P01", "57P02", "57P03", "40001", "40P01"})
    void stateWhenTheDatabaseIsAwayOrReplayCancelledTheReadThenTemporarilyUnavailable(String state) {
        assertTrue(ErrorMappers.Unexpected.isDatabaseAway(state));
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "42P01", "22001", "57014", "XX000"})
    void stateWhenTheRequestOrTheCodeFailedThenNot(String state) {
        assertFalse(ErrorMappers.Unexpected.isDatabaseAway(state));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void stateWhenNoneThenNot(String state) {
        assertFalse(ErrorMappers.Unexpected.isDatabaseAway(state));
    }
}
