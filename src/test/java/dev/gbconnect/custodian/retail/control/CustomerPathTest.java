package dev.gbconnect.custodian.retail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gbconnect.custodian.retail.entity.CustomerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerPathTest {

    @Test
    void parseWhenCollectionThenKindAndTheParentsStoredPath() {
        CustomerPath p = CustomerPath.parse("Customer/c/CustomerAccount/a/CustomerAgreement/g/ServiceLocation/")
                .orElseThrow();
        assertEquals(CustomerKind.SERVICE_LOCATION, p.kind());
        assertEquals("Customer/c/CustomerAccount/a/CustomerAgreement/g", p.path());
        assertTrue(!p.entry());
    }

    @Test
    void parseWhenEntryThenItsOwnStoredPath() {
        CustomerPath p =
                CustomerPath.parse("Customer/c/CustomerAccount/a/Statement/s").orElseThrow();
        assertEquals(CustomerKind.STATEMENT, p.kind());
        assertEquals("Customer/c/CustomerAccount/a/Statement/s", p.path());
        assertEquals("s", p.id());
    }

    @Test
    void parseWhenTopCollectionThenNoParent() {
        assertEquals(null, CustomerPath.parse("Customer").orElseThrow().path());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "CustomerAccount",
                "Customer/c/ServiceLocation",
                "Customer//CustomerAccount",
                "Customer/c/CustomerAccount/a/Meter",
                "Customer/c/UsagePoint",
                "Customer/c/CustomerAccount/a/b"
            })
    void parseWhenNotAPlaceInTheTreeThenEmpty(String path) {
        assertTrue(CustomerPath.parse(path).isEmpty(), path);
    }
}
