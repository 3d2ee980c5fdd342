/**
 * The ESPI Authorization and ApplicationInformation resources, dynamic client registration (RFC 7591), and what every
 * protected resource uses: {@code RequiresScope} and the request's {@code CurrentCaller}. Transactions start here.
 * Only boundary code (this component's or another's) may use it: controls and entities never do (ArchitectureTest).
 */
package dev.gbconnect.custodian.authorization.boundary;
