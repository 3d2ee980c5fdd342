package dev.gbconnect.custodian.authorization.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * What a third party registers about itself: RFC 7591 client metadata plus the ESPI ApplicationInformation fields
 * a data custodian needs (notify URI, scope-selection screen). Checked by {@code Clients}, stored on the
 * {@link Client}. Built by name ({@link #named}, {@link #toBuilder}): most of its sixteen fields are optional.
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
        List<String> contacts) {

    /** A registration of our own making: no redirect URIs, no contacts, nothing optional until set. */
    public static Builder named(String clientName) {
        return new Builder().clientName(clientName);
    }

    public Builder toBuilder() {
        return new Builder()
                .clientName(clientName)
                .redirectUris(redirectUris)
                .grantTypes(grantTypes)
                .scopes(scopes)
                .tokenEndpointAuthMethod(tokenEndpointAuthMethod)
                .thirdPartyNotifyUri(thirdPartyNotifyUri)
                .thirdPartyScopeSelectionUri(thirdPartyScopeSelectionUri)
                .thirdPartyUserPortalScreenUri(thirdPartyUserPortalScreenUri)
                .clientDescription(clientDescription)
                .clientUri(clientUri)
                .logoUri(logoUri)
                .tosUri(tosUri)
                .policyUri(policyUri)
                .softwareId(softwareId)
                .softwareVersion(softwareVersion)
                .contacts(contacts);
    }

    public static final class Builder {
        private String clientName;
        private List<String> redirectUris = List.of();
        private List<String> grantTypes;
        private List<String> scopes;
        private String tokenEndpointAuthMethod;
        private String thirdPartyNotifyUri;
        private String thirdPartyScopeSelectionUri;
        private String thirdPartyUserPortalScreenUri;
        private String clientDescription;
        private String clientUri;
        private String logoUri;
        private String tosUri;
        private String policyUri;
        private String softwareId;
        private String softwareVersion;
        private List<String> contacts = List.of();

        private Builder() {}

        public Builder clientName(String clientName) {
            this.clientName = clientName;
            return this;
        }

        public Builder redirectUris(List<String> redirectUris) {
            this.redirectUris = redirectUris;
            return this;
        }

        public Builder grantTypes(List<String> grantTypes) {
            this.grantTypes = grantTypes;
            return this;
        }

        public Builder scopes(List<String> scopes) {
            this.scopes = scopes;
            return this;
        }

        public Builder tokenEndpointAuthMethod(String tokenEndpointAuthMethod) {
            this.tokenEndpointAuthMethod = tokenEndpointAuthMethod;
            return this;
        }

        public Builder thirdPartyNotifyUri(String thirdPartyNotifyUri) {
            this.thirdPartyNotifyUri = thirdPartyNotifyUri;
            return this;
        }

        public Builder thirdPartyScopeSelectionUri(String thirdPartyScopeSelectionUri) {
            this.thirdPartyScopeSelectionUri = thirdPartyScopeSelectionUri;
            return this;
        }

        public Builder thirdPartyUserPortalScreenUri(String thirdPartyUserPortalScreenUri) {
            this.thirdPartyUserPortalScreenUri = thirdPartyUserPortalScreenUri;
            return this;
        }

        public Builder clientDescription(String clientDescription) {
            this.clientDescription = clientDescription;
            return this;
        }

        public Builder clientUri(String clientUri) {
            this.clientUri = clientUri;
            return this;
        }

        public Builder logoUri(String logoUri) {
            this.logoUri = logoUri;
            return this;
        }

        public Builder tosUri(String tosUri) {
            this.tosUri = tosUri;
            return this;
        }

        public Builder policyUri(String policyUri) {
            this.policyUri = policyUri;
            return this;
        }

        public Builder softwareId(String softwareId) {
            this.softwareId = softwareId;
            return this;
        }

        public Builder softwareVersion(String softwareVersion) {
            this.softwareVersion = softwareVersion;
            return this;
        }

        public Builder contacts(List<String> contacts) {
            this.contacts = contacts;
            return this;
        }

        public Registration build() {
            return new Registration(
                    clientName,
                    redirectUris,
                    grantTypes,
                    scopes,
                    tokenEndpointAuthMethod,
                    thirdPartyNotifyUri,
                    thirdPartyScopeSelectionUri,
                    thirdPartyUserPortalScreenUri,
                    clientDescription,
                    clientUri,
                    logoUri,
                    tosUri,
                    policyUri,
                    softwareId,
                    softwareVersion,
                    contacts);
        }
    }
}
