/**
 * A notice waiting for, or done with, delivery. Entities use only entities (their own component's, or those of
 * components the map lets it use) and {@code platform}; never control or boundary code (ArchitectureTest).
 */
package dev.gbconnect.custodian.notification.entity;
