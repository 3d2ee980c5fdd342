/**
 * OAuth clients with their secrets, ESPI Authorizations with their Subscriptions, ESPI scope strings parsed ({@code
 * EspiScope}). Entities use only entities (their own component's, or those of components the map lets it use) and
 * {@code platform}; never control or boundary code (ArchitectureTest).
 */
package dev.gbconnect.custodian.authorization.entity;
