/** Health checks for load balancers and operators. */
package dev.gbconnect.custodian.status;
