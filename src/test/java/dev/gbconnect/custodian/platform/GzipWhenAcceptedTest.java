package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GzipWhenAcceptedTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "gzip|true",
                "GZIP|true",
                "deflate, gzip;q=0.5|true",
                "x-gzip|true",
                "*|true",
                "br;q=1.0, *;q=0.1|true",
                "gzip;q=0|false",
                "gzip;q=0.000|false",
                "deflate|false",
                "identity|false",
                "null|false",
                "gzip;q=0, *|false",
                "*;q=0|false"
            })
    void acceptsWhenHeaderNamesGzipWithQualityAboveZero(String header, boolean expected) {
        assertEquals(expected, GzipWhenAccepted.accepts(header));
    }
}
