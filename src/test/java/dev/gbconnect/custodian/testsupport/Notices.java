package dev.gbconnect.custodian.testsupport;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/** Notification notices as the admin API shows them. */
public final class Notices {

    private Notices() {}

    public static JsonObject one(Api admin, long id) {
        Api.Reply r = admin.get("admin/notifications/" + id);
        if (r.status() != 200) throw new AssertionError("notification " + id + ": " + r.status() + " " + r.body());
        return r.json();
    }

    /** The notice once it is in {@code state}; a receiver's answer comes before the server records it. */
    public static JsonObject awaitState(Api admin, long id, String state, Duration wait) throws InterruptedException {
        Instant end = Instant.now().plus(wait);
        JsonObject n = one(admin, id);
        while (!n.getString("state").equals(state)) {
            if (Instant.now().isAfter(end))
                throw new AssertionError("notification " + id + " stayed " + n + " instead of becoming " + state);
            Thread.sleep(100);
            n = one(admin, id);
        }
        return n;
    }
}
