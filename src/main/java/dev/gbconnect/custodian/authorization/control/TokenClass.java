package dev.gbconnect.custodian.authorization.control;

import java.util.EnumSet;
import java.util.Set;

/**
 * ESPI's token classes (Authorization and Bulk Transfer in Green Button CMD, Appendix B; GBA's access-tokens page):
 * which kind of party a token speaks for, whatever grant issued it. Each ESPI resource accepts a few of them, and
 * a token of another class is refused before anything is looked up.
 */
public enum TokenClass {
    /** ESPI {@code access_token}: a customer's Subscription (authorization_code, refresh, offline, password). */
    CUSTOMER,
    /** ESPI {@code client_access_token}: a third party's back office (client_credentials, ThirdParty_Admin_Access). */
    THIRD_PARTY,
    /** ESPI {@code registration_access_token}: a third party managing its own registration (FB=36_40). */
    REGISTRATION,
    /** ESPI {@code data_custodian_access_token}: the utility's own back office. */
    DATA_CUSTODIAN,
    /** ESPI {@code upload_access_token}: the utility's uploads. */
    UPLOAD;

    /** A client_credentials token may carry several admin scopes, and then belongs to several classes. */
    public static Set<TokenClass> of(Caller caller) {
        Set<TokenClass> classes = EnumSet.noneOf(TokenClass.class);
        if (caller.subscriptionId() != null) classes.add(CUSTOMER);
        Set<String> scopes = caller.scopes();
        if (scopes.contains(Scopes.THIRD_PARTY_ADMIN)) classes.add(THIRD_PARTY);
        if (scopes.contains(Scopes.REGISTRATION)) classes.add(REGISTRATION);
        if (caller.isDataCustodian()) classes.add(DATA_CUSTODIAN);
        if (scopes.contains(Scopes.UPLOAD_ADMIN)) classes.add(UPLOAD);
        return classes;
    }
}
