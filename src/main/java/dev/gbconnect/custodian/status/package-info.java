/** Health checks for load balancers and operators. *
 * <p>May use: {@code authorization} (the scope of the status resource), {@code atom} (the certification link), {@code platform}. Nothing uses it.
 */
package dev.gbconnect.custodian.status;
