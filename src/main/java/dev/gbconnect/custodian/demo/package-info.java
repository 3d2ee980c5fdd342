/**
 * A deterministic synthetic Green Button generator and the demo data it seeds. The benchmark uses the same
 * generator, so demo, tests and benchmark exercise one import path.
 */
package dev.gbconnect.custodian.demo;
