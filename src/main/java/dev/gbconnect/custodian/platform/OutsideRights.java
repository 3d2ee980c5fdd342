package dev.gbconnect.custodian.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How an id outside the caller's rights is answered (another party's Authorization, another customer's
 * Subscription or usage point). By default exactly like an id that does not exist, 404 with the same body apart
 * from the id: the answer tells no one what exists. GBA's certification platform expects 403 for those
 * (GREEN-BUTTON-CMD.md ER-07, AL-07), so with {@code custodian.gba-harness} an id that exists but is not the
 * caller's gets 403 {@code insufficient_scope} (RFC 6750 §3.1), and only an id that exists nowhere gets 404.
 */
@ApplicationScoped
public class OutsideRights {

    @Inject
    @ConfigProperty(name = "custodian.gba-harness", defaultValue = "false")
    boolean gbaHarness;

    /** The refusal of {@code what}; {@code existsElsewhere} is asked only in harness mode. */
    public Refusal refusal(String what, BooleanSupplier existsElsewhere) {
        if (gbaHarness && existsElsewhere.getAsBoolean()) {
            return BearerError.INSUFFICIENT_SCOPE.because(what + " is outside this token's rights");
        }
        return ApiException.notFound(what);
    }
}
