package dev.gbconnect.custodian.authorization.control;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** The ESPI scopes of back-office tokens (client_credentials), and scope lists as OAuth writes them. */
public final class Scopes {

    /** Everything the data custodian's back office may do. */
    public static final String DATA_CUSTODIAN_ADMIN = "DataCustodian_Admin_Access";
    /** Green Button uploads only. */
    public static final String UPLOAD_ADMIN = "Upload_Admin_Access";
    /** A third party's own Authorizations, its bulk data and the service status. */
    public static final String THIRD_PARTY_ADMIN = "ThirdParty_Admin_Access";
    /** ESPI's registration token: a third party reads and updates its own ApplicationInformation. */
    public static final String REGISTRATION = "FB=36_40";

    private Scopes() {}

    /** RFC 6749 §3.3: space-delimited, order and repetition meaningless. */
    public static Set<String> split(String scope) {
        return scope == null || scope.isBlank()
                ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(scope.trim().split(" +")));
    }
}
