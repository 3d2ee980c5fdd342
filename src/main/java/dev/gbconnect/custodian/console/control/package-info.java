/** Staff accounts and sessions, the dashboard's figures and the customer views; joins the caller's transaction. */
package dev.gbconnect.custodian.console.control;
