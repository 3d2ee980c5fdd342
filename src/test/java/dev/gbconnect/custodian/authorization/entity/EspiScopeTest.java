package dev.gbconnect.custodian.authorization.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EspiScopeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void parseWhenGbaExampleThenFunctionBlocksTermsAndPlainWords() {
        EspiScope s = EspiScope.parse(
                "FB=1_3_4_5_8_13_14_15_18_19_31_32_33_34_35_37_39;IntervalDuration=900_3600;BlockDuration=monthly;HistoryLength=13");
        assertTrue(s.functionBlocks().containsAll(Set.of(1, 4, 5, 15, 18)));
        assertEquals(
                List.of(
                        "Your electricity use, electricity you send back to the grid, your bill summaries, power quality measurements.",
                        "Readings every 15 minutes or every hour.",
                        "Past data going back 13 months.",
                        "New data sent monthly while the connection lasts."),
                s.usageInPlainWords());
        assertEquals(
                Instant.parse("2025-10-23T00:00:00Z"), s.historyStart(NOW), "small HistoryLength values are months");
    }

    @Test
    void parseWhenSchemaExampleWithSpacesAndSecondsThenReadAsREQ21Counts() {
        EspiScope s = EspiScope.parse(
                "FB=1_3_4_5_8_13_18_19_31_34_35_39;IntervalDuration=900_3600;BlockDuration=Daily; HistoryLength= 34128000;"
                        + "SubscriptionFrequency=Daily; AccountCollection=5;BR=1;");
        assertEquals(NOW.minusSeconds(34_128_000), s.historyStart(NOW));
        assertEquals("1", s.bulkId());
        assertTrue(s.usageInPlainWords().contains("New data sent daily while the connection lasts."));
    }

    @Test
    void parseWhenNotAnEspiScopeThenTheProblemIsNamed() {
        assertThrows(IllegalArgumentException.class, () -> EspiScope.parse("DataCustodian_Admin_Access"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EspiScope.parse("FB=1_3;FB=4"))
                .getMessage()
                .contains("twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EspiScope.parse("FB=1_3;HistoryLength=long"))
                .getMessage()
                .contains("HistoryLength"));
        assertThrows(IllegalArgumentException.class, () -> EspiScope.parse("FB=" + "1_".repeat(200) + "1"));
    }

    @Test
    void grantsCustomerInformationOnlyWithTheRetailCustomerConnectMyDataBlock() {
        assertTrue(EspiScope.parse("FB=4_5_15_51_53;IntervalDuration=900").grantsCustomerInformation());
        assertFalse(EspiScope.parse("FB=4_5_15;IntervalDuration=900").grantsCustomerInformation());
        assertFalse(EspiScope.parse("FB=4_5_51;IntervalDuration=900").grantsCustomerInformation());
    }

    @Test
    void withoutCustomerInformationWhenPersonalInformationLeftOutThenOnlyTheRetailCustomerBlocksGo() {
        EspiScope asked = EspiScope.parse("FB=4_5_15_51_53_64_65_69;IntervalDuration=900;HistoryLength=13");
        assertTrue(asked.grantsCustomerInformation());
        EspiScope granted = asked.withoutCustomerInformation().orElseThrow();
        assertEquals("FB=4_5_15;IntervalDuration=900;HistoryLength=13", granted.text());
        assertFalse(granted.grantsCustomerInformation());
        assertEquals(asked.usageInPlainWords(), granted.usageInPlainWords(), "the usage data stays as asked");
        EspiScope usageOnly = EspiScope.parse("FB=4_5;IntervalDuration=900;");
        assertEquals(usageOnly, usageOnly.withoutCustomerInformation().orElseThrow(), "the text stays as registered");
        assertTrue(EspiScope.parse("FB=51_53").withoutCustomerInformation().isEmpty());
    }
}
