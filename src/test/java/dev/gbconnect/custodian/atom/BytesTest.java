package dev.gbconnect.custodian.atom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BytesTest {

    @ParameterizedTest
    @ValueSource(
            longs = {
                0,
                7,
                -7,
                9,
                10,
                99,
                100,
                101,
                1_000,
                12_345,
                1_735_689_600L,
                Integer.MAX_VALUE,
                Integer.MAX_VALUE + 1L,
                -Integer.MAX_VALUE - 1L,
                10_000_000_000L,
                -1_000_000_000_000L,
                999_999_999_999_999_999L,
                Long.MAX_VALUE,
                Long.MIN_VALUE,
                Long.MIN_VALUE + 1
            })
    void numberWhenWrittenThenAsLongToStringWritesIt(long v) {
        Bytes b = new Bytes(1).utf8("<v>").number(v).utf8("</v>");
        assertEquals("<v>" + v + "</v>", new String(b.toByteArray(), StandardCharsets.UTF_8));
    }
}
