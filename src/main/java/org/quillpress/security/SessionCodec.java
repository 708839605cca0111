package org.quillpress.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.keys.AesKey;
import org.jose4j.lang.JoseException;
import org.quillpress.QuillpressConfig;
import org.quillpress.bus.FirstStart;
import org.quillpress.site.SiteSetting;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Seals session tokens into cookies as JWE (direct AES-256-GCM), so a cookie can be neither read nor
 * forged without the secret. Stateless: every instance with the same secret accepts every session.
 */
@ApplicationScoped
public class SessionCodec {

    // keyed once; only ever cloned, never used itself (a Mac is not safe for threads)
    private volatile javax.crypto.Mac keyed;

    /** Cookie values already decrypted: bounded, and forgotten when unused (a cookie is about 250 bytes). */
    private final Cache<String, SessionToken> opened = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    static final String GENERATED_SECRET_SETTING = "session.generated-secret";

    @Inject
    QuillpressConfig config;

    @Inject
    Clock clock;

    @Inject
    FirstStart firstStart;

    private volatile AesKey key;

    private volatile byte[] macKey;

    @Transactional
    void init(@Observes StartupEvent event) {
        String secret = config.session().secret().filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            secret = SiteSetting.get(GENERATED_SECRET_SETTING).orElse(null);
            if (secret == null) {
                // instances starting together generate it once: the later ones wait here, then read it
                firstStart.lockUntilCommit();
                secret = SiteSetting.get(GENERATED_SECRET_SETTING).orElse(null);
            }
            if (secret == null) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                SiteSetting.put(GENERATED_SECRET_SETTING, secret);
                Log.info("No QUILLPRESS_SESSION_SECRET set: generated one and kept it in the database");
            }
        } else if (secret.length() < 32) {
            throw new IllegalStateException("QUILLPRESS_SESSION_SECRET must be at least 32 characters long");
        }
        key = new AesKey(sha256(secret));
        // a separate key for signatures, derived from the same secret
        macKey = sha256("mac:" + secret);
    }

    /** An HMAC-SHA256 signature of {@code data}, URL-safe Base64, for values that must not be forged. */
    public String sign(String data) {
        try {
            // a copy of one keyed instance: looking up the algorithm and keying it cost more than signing
            javax.crypto.Mac mac = (javax.crypto.Mac) keyedMac().clone();
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A secret for another part of the sign-in machinery (OIDC state and token cookies), derived from the
     * session secret: the same on every instance and across restarts, yet never the session key itself.
     */
    public String derivedSecret(String purpose) {
        return sign("derived:" + purpose);
    }

    private javax.crypto.Mac keyedMac() throws java.security.GeneralSecurityException {
        javax.crypto.Mac mac = keyed;
        if (mac == null) {
            mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(macKey, "HmacSHA256"));
            keyed = mac;
        }
        return mac;
    }

    /** True when {@code signature} is this server's signature of {@code data}. */
    public boolean verify(String data, String signature) {
        return signature != null && MessageDigest.isEqual(sign(data).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    public String seal(SessionToken token) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(Long.toString(token.accountId()));
        claims.setClaim("ep", token.epoch());
        claims.setClaim("exp", token.expiresAtEpochSecond());
        if (token.id() != null) {
            claims.setClaim("sid", token.id());
        }
        return sealClaims(claims);
    }

    /** Encrypts any claims into a compact JWE for a cookie. */
    public String sealClaims(JwtClaims claims) {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.DIRECT);
        jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
        jwe.setKey(key);
        jwe.setPayload(claims.toJson());
        try {
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot seal a session token", e);
        }
    }

    /**
     * The token inside a cookie value, if the value is genuine and not expired. A genuine value is decrypted
     * once and remembered for a while (a signed-in visitor sends the same cookie with every request); whether it
     * has expired, and everything else about the session, is checked on every request as before.
     */
    public Optional<SessionToken> open(String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        SessionToken token = opened.getIfPresent(sealed);
        if (token == null) {
            token = decrypt(sealed).orElse(null);
            if (token == null) {
                return Optional.empty();
            }
            opened.put(sealed, token);
        }
        return token.expiresAtEpochSecond() < clock.instant().getEpochSecond() ? Optional.empty() : Optional.of(token);
    }

    private Optional<SessionToken> decrypt(String sealed) {
        return openClaims(sealed).flatMap(claims -> {
            try {
                return Optional.of(new SessionToken(Long.parseLong(claims.getSubject()),
                        claims.getClaimValue("ep", Long.class).intValue(), claims.getClaimValue("exp", Long.class),
                        claims.getClaimValue("sid", String.class)));
            } catch (MalformedClaimException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** The claims inside a value sealed by {@link #sealClaims}, if it is genuine. */
    public Optional<JwtClaims> openClaims(String sealed) {
        if (sealed == null || sealed.isEmpty() || sealed.length() > 4096) {
            return Optional.empty();
        }
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmConstraints(new org.jose4j.jwa.AlgorithmConstraints(
                    org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT, KeyManagementAlgorithmIdentifiers.DIRECT));
            jwe.setContentEncryptionAlgorithmConstraints(new org.jose4j.jwa.AlgorithmConstraints(
                    org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT,
                    ContentEncryptionAlgorithmIdentifiers.AES_256_GCM));
            jwe.setKey(key);
            jwe.setCompactSerialization(sealed);
            return Optional.of(JwtClaims.parse(jwe.getPayload()));
        } catch (JoseException | org.jose4j.jwt.consumer.InvalidJwtException | RuntimeException e) {
            Log.debugf("Rejected a session cookie: %s", e.getMessage());
            return Optional.empty();
        }
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
