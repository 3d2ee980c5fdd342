/**
 * A signed-in portal session (only a hash of its token). Entities use only entities (their own component's, or those
 * of components the map lets it use) and {@code platform}; never control or boundary code (ArchitectureTest).
 */
package dev.gbconnect.custodian.portal.entity;
