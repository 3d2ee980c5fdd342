package dev.gbconnect.custodian.oauth.control;

/** The ESPI scopes of back-office tokens (client_credentials). */
public final class Scopes {

    /** Everything the data custodian's back office may do. */
    public static final String DATA_CUSTODIAN_ADMIN = "DataCustodian_Admin_Access";
    /** Green Button uploads only. */
    public static final String UPLOAD_ADMIN = "Upload_Admin_Access";

    private Scopes() {
    }
}
