/**
 * A deterministic synthetic Green Button generator and the demo data it seeds and keeps current, day by day. The benchmark uses the same
 * generator, so demo, tests and benchmark exercise one import path.
 *
 * <p>May use: {@code ingest} (one import path), {@code customer}, {@code atom}, {@code platform}. Nothing uses it.
 */
package dev.gbconnect.custodian.demo;
