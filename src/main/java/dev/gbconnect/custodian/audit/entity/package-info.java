/** The audit log's one entity. */
package dev.gbconnect.custodian.audit.entity;
