package dev.gbconnect.custodian.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The schema check every Atom assertion starts with must itself refuse what a standard client would. */
class AtomTest {

    private static final String STATUS =
            "<ServiceStatus xmlns=\"http://naesb.org/espi\"><currentStatus>%s</currentStatus></ServiceStatus>";

    @Test
    void validWhenDocumentMatchesTheSchemaThenXPathReadsIt() {
        assertEquals("1", Atom.valid(STATUS.formatted("1")).text("/espi:ServiceStatus/espi:currentStatus"));
    }

    @Test
    void validWhenValueNotOfItsTypeOrContentUnknownThenFailsNamingTheProblem() {
        AssertionError status = assertThrows(AssertionError.class, () -> Atom.valid(STATUS.formatted("normal")));
        assertTrue(
                status.getMessage().contains("currentStatus")
                        || status.getMessage().contains("normal"),
                status.getMessage());
        AssertionError content = assertThrows(
                AssertionError.class,
                () -> Atom.valid("<entry xmlns=\"http://www.w3.org/2005/Atom\"><id>urn:uuid:1</id>"
                        + "<link rel=\"self\" href=\"x\"/><link rel=\"up\" href=\"y\"/><title>t</title><updated>2025-01-01T00:00:00Z</updated>"
                        + "<content><Nonsense xmlns=\"http://naesb.org/espi\"/></content></entry>"));
        assertTrue(content.getMessage().contains("Nonsense"), content.getMessage());
    }
}
