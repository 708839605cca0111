package org.quillpress.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.quillpress.account.Account;
import org.quillpress.account.AccountPrincipal;
import org.quillpress.web.AccountMessages;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.SiteLanguage;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Two-factor sign-in with an authenticator app (TOTP: six digits, 30-second steps, one step of drift either way)
 * and ten recovery codes, through {@code dev.samstevens.totp}. Time comes from the injected clock. Between the
 * password and the code, the browser holds a signed cookie naming the account for five minutes; no session starts
 * before the code.
 */
@ApplicationScoped
public class TwoFactorCodes {

    public static final String PENDING_COOKIE = "qp_second_factor";

    static final Duration PENDING_FOR = Duration.ofMinutes(5);

    static final int RECOVERY_CODES = 10;

    private static final long STEP_SECONDS = 30;

    private final CodeGenerator generator = new DefaultCodeGenerator();

    @Inject
    Clock clock;

    @Inject
    SessionCodec codec;

    @Inject
    Sessions sessions;

    /** What the set-up page shows: the secret to type, and the same as a QR code for the app to scan. */
    public record Setup(String secret, String qrDataUri) {
    }

    @Transactional
    public boolean enabled(long accountId) {
        return TwoFactor.enabledFor(accountId).isPresent();
    }

    /** Starts (or restarts) setting up: a new secret, asking for nothing until a first code confirms it. */
    @Transactional
    public Setup begin(long accountId, String label, String issuer) {
        if (enabled(accountId)) {
            throw new InvalidInputException(409, Map.of("code", SiteLanguage.messages(AccountMessages.class).errTwoFactorOn()));
        }
        TwoFactor pending = TwoFactor.<TwoFactor> findByIdOptional(accountId).orElseGet(() -> {
            TwoFactor fresh = new TwoFactor();
            fresh.accountId = accountId;
            return fresh;
        });
        pending.secret = new DefaultSecretGenerator().generate();
        pending.persist();
        return setup(pending.secret, label, issuer);
    }

    /** The set-up page again (after a wrong code), with the secret being set up. */
    @Transactional
    public Setup current(long accountId, String label, String issuer) {
        TwoFactor pending = TwoFactor.<TwoFactor> findByIdOptional(accountId).filter(t -> t.enabledAt == null)
                .orElseThrow(() -> new InvalidInputException(
                        Map.of("code", SiteLanguage.messages(AccountMessages.class).errStartAgain())));
        return setup(pending.secret, label, issuer);
    }

    /** Turns two-factor sign-in on once a code from the app matches; returns the recovery codes, shown once. */
    @Transactional
    public List<String> enable(long accountId, String code) {
        TwoFactor pending = TwoFactor.<TwoFactor> findByIdOptional(accountId).filter(t -> t.enabledAt == null)
                .orElseThrow(() -> new InvalidInputException(
                        Map.of("code", SiteLanguage.messages(AccountMessages.class).errStartAgain())));
        if (!totp(pending, code)) {
            throw new InvalidInputException(Map.of("code", SiteLanguage.messages(AccountMessages.class).errCodeClock()));
        }
        pending.enabledAt = clock.instant();
        RecoveryCode.delete("accountId", accountId);
        List<String> codes = Arrays.asList(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
        for (String plain : codes) {
            RecoveryCode stored = new RecoveryCode();
            stored.accountId = accountId;
            stored.codeHash = hash(plain);
            stored.persist();
        }
        return codes;
    }

    /** Turns two-factor sign-in off; it takes a current code (or a recovery code), not only a session. */
    @Transactional
    public void disable(long accountId, String code) {
        if (!verify(accountId, code)) {
            throw new InvalidInputException(Map.of("code", SiteLanguage.messages(AccountMessages.class).errCodeNoMatch()));
        }
        RecoveryCode.delete("accountId", accountId);
        TwoFactor.deleteById(accountId);
    }

    /** Whether {@code code} is the app's current code (not used before) or an unused recovery code; uses it up. */
    @Transactional
    public boolean verify(long accountId, String code) {
        Optional<TwoFactor> factor = TwoFactor.enabledFor(accountId);
        if (factor.isEmpty() || code == null) {
            return false;
        }
        if (totp(factor.get(), code)) {
            return true;
        }
        String normal = code.strip().toLowerCase(Locale.ROOT);
        Optional<RecoveryCode> recovery = RecoveryCode
                .<RecoveryCode> find("accountId = ?1 and codeHash = ?2 and usedAt is null", accountId, hash(normal))
                .firstResultOptional();
        recovery.ifPresent(r -> r.usedAt = clock.instant());
        return recovery.isPresent();
    }

    /** How many recovery codes are left. */
    @Transactional
    public long recoveryCodesLeft(long accountId) {
        return RecoveryCode.count("accountId = ?1 and usedAt is null", accountId);
    }

    /** Remembers, in a signed cookie, that this browser gave the account's password a moment ago. */
    public void startPending(AccountPrincipal account, RoutingContext routing) {
        long until = clock.instant().plus(PENDING_FOR).getEpochSecond();
        String data = account.id() + "." + account.sessionEpoch() + "." + until;
        routing.response().addCookie(sessions.cookie(PENDING_COOKIE, data + "." + codec.sign("2fa|" + data), routing)
                .setMaxAge(PENDING_FOR.toSeconds()));
    }

    /** The account whose password this browser gave, if it did so within five minutes and nothing changed since. */
    @Transactional
    public Optional<AccountPrincipal> pending(RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(PENDING_COOKIE);
        if (cookie == null) {
            return Optional.empty();
        }
        String[] parts = cookie.getValue().split("\\.");
        if (parts.length != 4) {
            return Optional.empty();
        }
        String data = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(codec.sign("2fa|" + data).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(parts[2]) < clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            Account account = Account.findById(Long.parseLong(parts[0]));
            return account == null || account.sessionEpoch != Integer.parseInt(parts[1]) ? Optional.empty()
                    : Optional.of(AccountPrincipal.of(account));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void clearPending(RoutingContext routing) {
        routing.response().addCookie(sessions.cookie(PENDING_COOKIE, "", routing).setMaxAge(0));
    }

    private boolean totp(TwoFactor factor, String code) {
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        if (!digits.matches("\\d{6}")) {
            return false;
        }
        long now = clock.instant().getEpochSecond() / STEP_SECONDS;
        for (long step = now - 1; step <= now + 1; step++) {
            if (factor.lastStep != null && step <= factor.lastStep) {
                continue;
            }
            try {
                if (MessageDigest.isEqual(generator.generate(factor.secret, step).getBytes(StandardCharsets.US_ASCII),
                        digits.getBytes(StandardCharsets.US_ASCII))) {
                    factor.lastStep = step;
                    return true;
                }
            } catch (CodeGenerationException e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }

    private static Setup setup(String secret, String label, String issuer) {
        QrData data = new QrData.Builder().label(label).secret(secret).issuer(issuer).digits(6)
                .period((int) STEP_SECONDS).build();
        ZxingPngQrGenerator qr = new ZxingPngQrGenerator();
        try {
            return new Setup(secret, Utils.getDataUriForImage(qr.generate(data), qr.getImageMimeType()));
        } catch (QrGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
