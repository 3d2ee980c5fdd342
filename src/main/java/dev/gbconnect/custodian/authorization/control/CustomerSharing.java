package dev.gbconnect.custodian.authorization.control;

/**
 * Fired inside the transaction that disabled a customer ({@code sharing} false) or enabled them again. Their
 * Authorizations are not touched: every token check joins the customer's state, so enabling them again restores
 * exactly the Authorizations that had not ended. An Authorization event, so that notices need not know customers.
 */
public record CustomerSharing(String customerId, boolean sharing) {}
