package dev.gbconnect.archfixture.entity.billing.control;

import dev.gbconnect.archfixture.entity.customer.entity.Customer;

/** Deliberately wrong: reaches into the customer component's entities, which its map row does not allow. */
public class Invoice {
    Customer customer;
}
