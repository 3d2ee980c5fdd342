/**
 * Retail customer information: the resources of ESPI's customer.xsd (Customer, CustomerAccount, CustomerAgreement,
 * ServiceLocation, ServiceSupplier, Meter, EndDevice, Statement, ProgramDateIdMappings) as stored and as read.
 *
 * <p>May use: {@code feed} (conditional entries), {@code usage} (the stored element of a described resource),
 * {@code customer}, {@code authorization} (the caller and its token class), {@code atom}, {@code platform}. The
 * upload that writes these resources is {@code ingest}'s, which uses this component, not the other way round.
 *
 * <p>Decisions. One table for every kind ({@code CUSTOMER_RESOURCE}): the resources are few per customer, all
 * descriptive, and read the same way, so a kind column replaces nine tables and nine queries. Each row keeps the
 * validated element as imported (every field and extension of customer.xsd, written back unchanged) plus the
 * columns the tree needs: kind, customer, parent, and the path below the customer ({@code RESOURCE_PATH}), which
 * answers a nested path in one indexed lookup and, ordered, streams a whole tree parents first. The tie from a
 * ServiceLocation to the UsagePoints it serves is its own table, resolved at upload, so that a third party's
 * consent to some ServiceLocations can later reach their UsagePoints in SQL.
 */
package dev.gbconnect.custodian.retail;
