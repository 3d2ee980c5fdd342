/** Staff accounts, their roles, and staff sessions. */
package dev.gbconnect.custodian.console.entity;
