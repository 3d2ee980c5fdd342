/**
 * Small component trees for ArchitectureRulesTest: {@code clean} keeps every rule, each other one breaks one rule on
 * purpose. Never imported by ArchitectureTest, which reads only the main classes.
 */
package dev.gbconnect.archfixture;
