package dev.gbconnect.custodian.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes for passwords and secrets. Whatever a person chose (passwords, a configured admin secret) gets a salted,
 * slow PBKDF2-HMAC-SHA256 at OWASP's 2023 work factor, stored as {@code pbkdf2-sha256$iterations$salt$hash} so
 * the factor can rise later. Secrets we generate carry 256 random bits, which no amount of guessing reaches, so a
 * plain SHA-256 ({@code sha256$hash}) protects them as well and keeps the token endpoint fast.
 */
public final class PasswordHash {

    static final int ITERATIONS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SCHEME = "pbkdf2-sha256";
    private static final String FAST_SCHEME = "sha256";

    private PasswordHash() {}

    public static String hash(String secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return SCHEME + "$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(secret, salt, ITERATIONS));
    }

    /** For a secret from {@link #newSecret()} only. */
    public static String hashGenerated(String secret) {
        return FAST_SCHEME + "$" + b64(sha256(secret));
    }

    /** Compares in constant time whichever scheme {@code stored} uses. */
    public static boolean verify(String secret, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length == 2 && FAST_SCHEME.equals(parts[0]))
            return MessageDigest.isEqual(Base64.getDecoder().decode(parts[1]), sha256(secret));
        if (parts.length != 4 || !SCHEME.equals(parts[0])) return false;
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(secret, salt, Integer.parseInt(parts[1])));
    }

    /** A random secret of 256 bits, URL-safe. */
    public static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] derive(String secret, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().withoutPadding().encodeToString(b);
    }
}
