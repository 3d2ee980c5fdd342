package dev.gbconnect.custodian.usage.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReadingTypeTest {

    @Test
    void currencyWhenTheStoredElementNamesOneThenItsNumberElseNull() {
        assertEquals(
                840,
                ReadingType.currency(
                        "<espi:ReadingType xmlns:espi=\"http://naesb.org/espi\"><espi:accumulationBehaviour>4</espi:accumulationBehaviour><espi:currency>840</espi:currency></espi:ReadingType>"
                                .getBytes(StandardCharsets.UTF_8)));
        assertNull(ReadingType.currency("<ReadingType><uom>72</uom></ReadingType>".getBytes(StandardCharsets.UTF_8)));
        assertNull(ReadingType.currency(
                "<ReadingType><currency>USD</currency></ReadingType>".getBytes(StandardCharsets.UTF_8)));
        assertNull(ReadingType.currency("not xml".getBytes(StandardCharsets.UTF_8)));
    }
}
