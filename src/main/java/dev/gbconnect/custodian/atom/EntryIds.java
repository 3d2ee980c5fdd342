package dev.gbconnect.custodian.atom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based (RFC 9562 version 5) UUIDs for every resource we serve: GBA certification wants v3/v5 ids, and a
 * name-based id makes re-importing the same file update rows instead of duplicating them.
 */
public final class EntryIds {

    /** Fixed for the life of the product: changing it would change every published id. */
    static final UUID NAMESPACE = UUID.fromString("6b0f3f9e-1c1e-4f7a-9a57-2e4f5c1d7a10");

    private EntryIds() {}

    /** The id of the resource named by these parts, joined so that no two part lists share a name. */
    public static String of(String... parts) {
        StringBuilder name = new StringBuilder();
        for (String p : parts) {
            String s = p == null ? "" : p;
            name.append(s.length()).append(':').append(s);
        }
        return v5(NAMESPACE, name.toString()).toString();
    }

    static UUID v5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(namespace));
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long msb = 0, lsb = 0;
            for (int i = 0; i < 8; i++) msb = (msb << 8) | (hash[i] & 0xff);
            for (int i = 8; i < 16; i++) lsb = (lsb << 8) | (hash[i] & 0xff);
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] toBytes(UUID u) {
        byte[] b = new byte[16];
        long msb = u.getMostSignificantBits(), lsb = u.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (msb >>> (56 - 8 * i));
            b[8 + i] = (byte) (lsb >>> (56 - 8 * i));
        }
        return b;
    }
}
