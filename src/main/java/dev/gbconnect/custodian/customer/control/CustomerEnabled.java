package dev.gbconnect.custodian.customer.control;

/**
 * Fired inside the transaction that disabled a customer or enabled them again. Their Authorizations are not
 * touched: every token check joins the customer's state, so enabling them again restores exactly the
 * Authorizations that had not ended.
 */
public record CustomerEnabled(String customerId, boolean enabled) {}
