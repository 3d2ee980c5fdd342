/**
 * Wiring that no business component owns: the JAX-RS application, the data source chosen from configuration, the
 * one place where errors become responses, password hashing.
 */
package dev.gbconnect.custodian.platform;
