package dev.gbconnect.custodian.console.entity;

import java.util.EnumSet;
import java.util.Set;

/** What a member of staff may do (issue 19): the server checks one of these before every console action. */
public enum Role {
    /** Everything. */
    OPERATOR(EnumSet.allOf(Permission.class)),
    /** Reads, and helps a customer: resets their password, ends an Authorization on their behalf. */
    SUPPORT(EnumSet.of(Permission.READ, Permission.RESET_PASSWORD, Permission.REVOKE_AUTHORIZATIONS)),
    /** Reads only. */
    AUDITOR(EnumSet.of(Permission.READ));

    /** The actions roles are made of. */
    public enum Permission {
        READ,
        RESET_PASSWORD,
        CHANGE_CUSTOMERS,
        UPLOAD,
        MANAGE_STAFF,
        /** Move registrations between ESPI statuses, rotate their secrets, send dead notices again. */
        MANAGE_THIRD_PARTIES,
        REVOKE_AUTHORIZATIONS,
        /** Offline authorization: access granted on a customer's behalf. */
        GRANT_OFFLINE
    }

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean may(Permission p) {
        return permissions.contains(p);
    }

    /** The role's name as configured and shown: {@code operator}, {@code support}, {@code auditor}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
