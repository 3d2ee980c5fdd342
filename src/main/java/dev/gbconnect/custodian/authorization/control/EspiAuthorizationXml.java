package dev.gbconnect.custodian.authorization.control;

import static dev.gbconnect.custodian.atom.AtomWriter.leaf;

import dev.gbconnect.custodian.atom.AtomWriter;
import dev.gbconnect.custodian.atom.EspiUris;
import dev.gbconnect.custodian.authorization.entity.Authorization;
import dev.gbconnect.custodian.authorization.entity.Client;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The ESPI OAuth resources as espi.xsd 4.0 orders them: ApplicationInformation (a registered client) and
 * Authorization. Where espi.xsd is narrower than what we support, the XML says what the schema allows and the
 * JSON registration the whole truth: token_endpoint_auth_method is always client_secret_basic here, grant_types
 * leave out password, and client_secret and registration_access_token are empty (secrets are shown once, at
 * creation, and the registration token is a client_credentials token with scope FB=36_40).
 */
public final class EspiAuthorizationXml {

    private static final Set<String> ESPI_GRANT_TYPES =
            Set.of("authorization_code", "client_credentials", "refresh_token");

    private EspiAuthorizationXml() {}

    public static void applicationInformation(XMLStreamWriter w, Client c, String dataCustodianId, EspiUris uris)
            throws XMLStreamException {
        AtomWriter.startEspi(w, "ApplicationInformation");
        leaf(w, "dataCustodianId", dataCustodianId);
        leaf(w, "dataCustodianApplicationStatus", c.status().espiCode());
        leaf(w, "thirdPartyApplicationDescription", c.description());
        endpoints(w, c, uris);
        registration(w, c);
        leaf(w, "registration_client_uri", uris.base() + "oauth/register/" + c.id());
        leaf(w, "registration_access_token", "");
        // This client's own entry, so that a flow started here reaches its scope-selection screen (OA-19).
        leaf(
                w,
                "dataCustodianScopeSelectionScreenURI",
                uris.base() + "oauth/scope-selection?client_id=" + URLEncoder.encode(c.id(), StandardCharsets.UTF_8));
        w.writeEndElement();
    }

    /** From authorizationServerUri to thirdPartyUserPortalScreenURI: where each side's services are. */
    private static void endpoints(XMLStreamWriter w, Client c, EspiUris uris) throws XMLStreamException {
        leaf(w, "authorizationServerUri", uris.base());
        leaf(w, "thirdPartyNotifyUri", c.notifyUri());
        leaf(w, "authorizationServerAuthorizationEndpoint", uris.base() + "oauth/authorize");
        leaf(w, "authorizationServerRegistrationEndpoint", uris.base() + "oauth/register");
        leaf(w, "authorizationServerTokenEndpoint", uris.base() + "oauth/token");
        leaf(w, "dataCustodianBulkRequestURI", uris.resource("Batch/Bulk"));
        leaf(w, "dataCustodianResourceEndpoint", uris.base() + "espi/1_1/resource");
        leaf(w, "thirdPartyScopeSelectionScreenURI", c.scopeSelectionUri());
        leaf(w, "thirdPartyUserPortalScreenURI", c.userPortalUri());
    }

    /** From client_secret to response_types: the RFC 7591 client metadata, as espi.xsd orders it. */
    private static void registration(XMLStreamWriter w, Client c) throws XMLStreamException {
        leaf(w, "client_secret", "");
        leaf(w, "logo_uri", c.logoUri());
        leaf(w, "client_name", c.name());
        leaf(w, "client_uri", c.clientUri());
        for (String r : c.redirectUris()) leaf(w, "redirect_uri", r);
        leaf(w, "client_id", c.id());
        leaf(w, "tos_uri", c.tosUri());
        leaf(w, "policy_uri", c.policyUri());
        leaf(w, "software_id", c.softwareId() == null ? c.id() : c.softwareId());
        leaf(w, "software_version", c.softwareVersion() == null ? "1" : c.softwareVersion());
        leaf(w, "client_id_issued_at", c.issuedAt().getEpochSecond());
        leaf(w, "client_secret_expires_at", 0);
        for (String contact : c.contacts()) leaf(w, "contacts", contact);
        leaf(w, "token_endpoint_auth_method", Client.SECRET_BASIC);
        for (String s : c.scopes()) leaf(w, "scope", s);
        for (String g : c.grantTypes()) if (ESPI_GRANT_TYPES.contains(g)) leaf(w, "grant_types", g);
        leaf(w, "response_types", "code");
    }

    /**
     * Every Authorization carries both periods, as GBA's FND004 reads them. authorizedPeriod: from the grant to its
     * end, the customer's "until" or an earlier revocation; duration 0 while it has no end (espi.xsd: 0 is an
     * infinite duration). publishedPeriod: the data it opens, from the scope's HistoryLength (start 0, the epoch,
     * when the scope sets none) to the same end. A refusal (status 2) authorized nothing and has neither. Neither
     * moves with token refreshes; {@code expires_at} does. A suspended one (its customer is disabled) reads as
     * revoked while it lasts.
     */
    public static void authorization(XMLStreamWriter w, Authorization a, boolean suspended, EspiUris uris)
            throws XMLStreamException {
        AtomWriter.startEspi(w, "Authorization");
        if (a.status() != Authorization.DENIED) {
            Instant end = end(a);
            period(w, "authorizedPeriod", a.authorizedStart(), end);
            period(w, "publishedPeriod", a.publishedStart() == null ? Instant.EPOCH : a.publishedStart(), end);
        }
        leaf(w, "status", suspended ? Authorization.REVOKED : a.status());
        Instant expires =
                a.expiresAt() != null ? a.expiresAt() : a.authorizedEnd() != null ? a.authorizedEnd() : a.updatedAt();
        leaf(w, "expires_at", expires.getEpochSecond());
        if (ESPI_GRANT_TYPES.contains(a.grantType())) leaf(w, "grant_type", a.grantType());
        leaf(w, "scope", a.scope());
        leaf(w, "token_type", "Bearer");
        leaf(w, "resourceURI", AuthorizationUris.resourceOf(uris, a));
        leaf(w, "authorizationURI", AuthorizationUris.authorization(uris, a));
        String customer = AuthorizationUris.customerResourceOf(uris, a);
        if (customer != null) leaf(w, "customerResourceURI", customer);
        w.writeEndElement();
    }

    /** When it stops (or stopped) giving access; null while it has no end. A revocation is its last change. */
    private static Instant end(Authorization a) {
        if (a.status() != Authorization.REVOKED) return a.authorizedEnd();
        return a.authorizedEnd() != null && a.authorizedEnd().isBefore(a.updatedAt())
                ? a.authorizedEnd()
                : a.updatedAt();
    }

    /** An ended period lasts at least a second, so that it never reads as 0, "no end". */
    private static void period(XMLStreamWriter w, String name, Instant start, Instant end) throws XMLStreamException {
        w.writeStartElement(name);
        leaf(
                w,
                "duration",
                end == null ? 0 : Math.max(1, Duration.between(start, end).toSeconds()));
        leaf(w, "start", start.getEpochSecond());
        w.writeEndElement();
    }
}
