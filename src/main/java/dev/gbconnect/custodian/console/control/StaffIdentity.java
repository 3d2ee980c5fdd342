package dev.gbconnect.custodian.console.control;

import dev.gbconnect.custodian.console.entity.Role;
import java.util.Set;

/**
 * Who a member of staff is, as whoever signed them in vouches: a local account ({@code local:<username>}) or an
 * OpenID Connect provider ({@code oidc:<sub>}, a name claim, and the roles its role claim maps to). Sessions and the
 * audit log know only this, not how it was established.
 */
public record StaffIdentity(String subject, String name, Set<Role> roles) {

    public boolean may(Role.Permission p) {
        return roles.stream().anyMatch(r -> r.may(p));
    }
}
