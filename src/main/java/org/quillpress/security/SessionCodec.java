package org.quillpress.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
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

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Seals session tokens into cookies as JWE (direct AES-256-GCM), so a cookie can be neither read nor
 * forged without the secret. Stateless: every instance with the same secret accepts every session.
 */
@ApplicationScoped
public class SessionCodec {

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
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(macKey, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
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

    /** The token inside a cookie value, if the value is genuine and not expired. */
    public Optional<SessionToken> open(String sealed) {
        return openClaims(sealed).flatMap(claims -> {
            try {
                long expires = claims.getClaimValue("exp", Long.class);
                if (expires < clock.instant().getEpochSecond()) {
                    return Optional.empty();
                }
                return Optional.of(new SessionToken(Long.parseLong(claims.getSubject()),
                        claims.getClaimValue("ep", Long.class).intValue(), expires,
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
