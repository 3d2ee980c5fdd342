package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class ConfiguredDataSourceTest {

    @Test
    void postgresqlWhenUrlIsPlainThenBatchedInsertsAreRewrittenToMultiRowInserts() {
        PGSimpleDataSource pg = (PGSimpleDataSource)
                ConfiguredDataSource.postgresql("jdbc:postgresql://db.example:5432/custodian", "u", "p");

        assertTrue(pg.getReWriteBatchedInserts());
    }

    @Test
    void postgresqlWhenUrlTurnsRewritingOffThenTheOperatorsSettingWins() {
        PGSimpleDataSource pg = (PGSimpleDataSource) ConfiguredDataSource.postgresql(
                "jdbc:postgresql://db.example:5432/custodian?reWriteBatchedInserts=false", "u", "p");

        assertFalse(pg.getReWriteBatchedInserts());
    }
}
