package dev.gbconnect.custodian.console.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerCsvTest {

    static List<CustomerCsv.Row> parse(String text) {
        return CustomerCsv.parse(text.getBytes(StandardCharsets.UTF_8), 10);
    }

    @Test
    void parseWhenQuotedFieldsBlankLinesAndABomThenOneRowPerCustomerWithItsLineNumber() {
        List<CustomerCsv.Row> rows = parse("\uFEFFUsername, Name\r\nada,\"Elm, Ada \"\"A\"\"\"\n\nbob,\r\n");

        assertEquals(
                List.of(
                        new CustomerCsv.Row(2, "ada", "Elm, Ada \"A\"", null),
                        new CustomerCsv.Row(4, "bob", null, null)),
                rows);
    }

    @Test
    void parseWhenALineIsWrongThenThatLineIsInvalidWithItsReasonAndTheOthersStand() {
        List<CustomerCsv.Row> rows = parse("username,name\nx,Too short\nalone\nbad\"quote,N\n\"open,N\nfine,Fine\n");

        assertTrue(
                rows.get(0).problem().startsWith("username must be"),
                rows.get(0).problem());
        assertEquals("expected 2 fields (username,name), found 1", rows.get(1).problem());
        assertEquals(
                "a quote inside an unquoted field; quote the field", rows.get(2).problem());
        assertEquals("a quoted field does not end", rows.get(3).problem());
        assertEquals(new CustomerCsv.Row(6, "fine", "Fine", null), rows.get(4));
    }

    @Test
    void parseWhenNotACsvOfCustomersThenTheWholeFileIsRefused() {
        assertThrows(CustomerCsv.NotCsv.class, () -> CustomerCsv.parse(new byte[] {(byte) 0xff, 0x41}, 10));
        assertThrows(CustomerCsv.NotCsv.class, () -> parse("username,name\nada\0,A\n"));
        assertThrows(CustomerCsv.NotCsv.class, () -> parse("login,email\nada,a@example.org\n"));
        assertThrows(CustomerCsv.NotCsv.class, () -> parse("username,name\n\n"));
        assertThrows(CustomerCsv.NotCsv.class, () -> parse("username,name\n" + "a1a,A\n".repeat(11)));
    }
}
