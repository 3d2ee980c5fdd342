package dev.gbconnect.custodian.authorization.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * What a third party registers about itself: RFC 7591 client metadata plus the ESPI ApplicationInformation fields
 * a data custodian needs (notify URI, scope-selection screen). Checked by {@code Clients}, stored on the
 * {@link Client}.
 */
public record Registration(
        @JsonbProperty("client_name") String clientName,
        @JsonbProperty("redirect_uris") List<String> redirectUris,
        @JsonbProperty("grant_types") List<String> grantTypes,
        /** The ESPI scopes this third party offers customers, e.g. {@code FB=1_3_4_5_13;IntervalDuration=900;…}. */
        List<String> scopes,
        @JsonbProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
        @JsonbProperty("third_party_notify_uri") String thirdPartyNotifyUri,
        @JsonbProperty("third_party_scope_selection_uri") String thirdPartyScopeSelectionUri,
        /** ESPI thirdPartyUserPortalScreenURI: where a customer manages this application on the third party's site. */
        @JsonbProperty("third_party_user_portal_screen_uri") String thirdPartyUserPortalScreenUri,
        @JsonbProperty("client_description") String clientDescription,
        @JsonbProperty("client_uri") String clientUri,
        @JsonbProperty("logo_uri") String logoUri,
        @JsonbProperty("tos_uri") String tosUri,
        @JsonbProperty("policy_uri") String policyUri,
        @JsonbProperty("software_id") String softwareId,
        @JsonbProperty("software_version") String softwareVersion,
        List<String> contacts) {}
