/** The console's pages and forms. Transactions start here. */
package dev.gbconnect.custodian.console.boundary;
