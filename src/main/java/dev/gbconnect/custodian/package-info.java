/**
 * The Green Button Connect My Data custodian, one business component per package right below this one. Read
 * {@code ArchitectureTest.MAP} or the table that opens docs/design.md for who may use whom: dependencies point one
 * way, from the pages and feeds down to {@code authorization}, {@code atom} and {@code platform}. No class lives
 * here.
 */
package dev.gbconnect.custodian;
