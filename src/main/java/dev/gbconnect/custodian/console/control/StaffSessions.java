package dev.gbconnect.custodian.console.control;

import dev.gbconnect.custodian.console.entity.Role;
import dev.gbconnect.custodian.console.entity.StaffSession;
import dev.gbconnect.custodian.platform.PasswordHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Console sessions, in the database so every instance serves the next page: a new random token at every sign-in (a
 * token planted before sign-in is never promoted, so a session cannot be fixed), idle and absolute limits.
 */
@ApplicationScoped
public class StaffSessions {

    /** A signed-in member of staff and the session's form token. */
    public record Staff(StaffIdentity identity, String csrf) {}

    /** The token for the cookie, and the session it opens. */
    public record Started(String token, Staff staff) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "custodian.console.idle-timeout", defaultValue = "PT15M")
    Duration idle;

    @Inject
    @ConfigProperty(name = "custodian.console.session-lifetime", defaultValue = "PT10H")
    Duration longest;

    @Transactional
    public Started start(StaffIdentity who) {
        String token = PasswordHash.newSecret();
        String roles = who.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
        StaffSession s = new StaffSession(
                PasswordHash.hashGenerated(token),
                who.subject(),
                who.name(),
                roles,
                PasswordHash.newSecret(),
                Instant.now(),
                longest);
        em.persist(s);
        return new Started(token, new Staff(who, s.csrf()));
    }

    @Transactional
    public Optional<Staff> find(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        StaffSession s = em.find(StaffSession.class, PasswordHash.hashGenerated(token));
        Instant now = Instant.now();
        if (s == null || !s.usableAt(now, idle)) return Optional.empty();
        s.seen(now);
        var roles = Arrays.stream(s.roles().split(","))
                .filter(r -> !r.isEmpty())
                .map(Role::valueOf)
                .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new Staff(new StaffIdentity(s.subject(), s.name(), roles), s.csrf()));
    }

    @Transactional
    public void end(String token) {
        if (token == null) return;
        StaffSession s = em.find(StaffSession.class, PasswordHash.hashGenerated(token));
        if (s != null) em.remove(s);
    }
}
