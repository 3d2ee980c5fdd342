/** The customer information read API: the root and customer forms, and {@code Batch/RetailCustomer/{id}}. */
package dev.gbconnect.custodian.retail.boundary;
