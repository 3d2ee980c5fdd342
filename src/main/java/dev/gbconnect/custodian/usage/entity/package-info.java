/**
 * The ESPI usage resources as stored: each descriptive resource's element plus the columns queries use, and
 * IntervalBlocks with their readings packed ({@code PackedReadings}). Entities use only entities (their own
 * component's, or those of components the map lets it use) and {@code platform}; never control or boundary code
 * (ArchitectureTest).
 */
package dev.gbconnect.custodian.usage.entity;
