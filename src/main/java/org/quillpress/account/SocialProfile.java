package org.quillpress.account;

import java.security.Principal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.UserInfo;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who a provider says the person is: its stable subject (never the email), and a profile to start the account
 * with. The email is kept only when the provider says it verified it; names are cut to what an account holds.
 */
public record SocialProfile(SocialProvider provider, String subject, String displayName, String email,
        String avatarUrl) {

    static final int MAX_SUBJECT = 255;
    static final int MAX_NAME = 120;
    static final int MAX_URL = 500;

    /** The profile in a signed-in OIDC identity, or empty when the provider did not say who the person is. */
    public static Optional<SocialProfile> of(SocialProvider provider, SecurityIdentity identity) {
        Map<String, String> claims = new HashMap<>();
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken token && token.getClaimNames() != null) {
            for (String name : token.getClaimNames()) {
                String value = text(token.getClaim(name));
                if (value != null) {
                    claims.put(name, value);
                }
            }
        }
        UserInfo userInfo = identity.getAttribute("userinfo");
        if (userInfo != null) {
            JsonObject json = userInfo.getJsonObject();
            // X answers {"data": {"id": …, "name": …, "username": …}}
            JsonObject data = json.get("data") instanceof JsonObject nested ? nested : json;
            data.forEach((name, value) -> {
                String text = text(value);
                if (text != null) {
                    claims.put(name, text);
                }
            });
        }
        return of(provider, claims);
    }

    static Optional<SocialProfile> of(SocialProvider provider, Map<String, String> claims) {
        String subject = claims.get(provider.subjectClaim);
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
            return Optional.empty();
        }
        String name = first(claims, "name", "display_name", "preferred_username", "login", "username", "nickname");
        if (name == null) {
            String given = claims.get("given_name");
            String family = claims.get("family_name");
            name = given == null ? family : family == null ? given : given + " " + family;
        }
        name = tidyName(name);
        if (name.isEmpty()) {
            name = provider.label + " reader";
        }
        String email = claims.get("email");
        boolean verified = "true".equalsIgnoreCase(claims.get("email_verified"));
        if (!verified || email == null || email.length() > 254 || !AccountService.EMAIL.matcher(email.strip()).matches()) {
            email = null;
        }
        String avatar = first(claims, "picture", "avatar_url", "avatar", "profile_image_url");
        if (avatar != null && (avatar.length() > MAX_URL || !avatar.toLowerCase(Locale.ROOT).startsWith("https://"))) {
            avatar = null;
        }
        return Optional.of(new SocialProfile(provider, subject.strip(), name, email == null ? null : email.strip(),
                avatar));
    }

    /**
     * Control characters and bidirectional overrides out, white space collapsed, at most {@link #MAX_NAME} characters (whole
     * code points).
     */
    static String tidyName(String name) {
        if (name == null) {
            return "";
        }
        String clean = name.replaceAll("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]", "").replaceAll("\\s+", " ").strip();
        if (clean.codePointCount(0, clean.length()) > MAX_NAME) {
            clean = clean.substring(0, clean.offsetByCodePoints(0, MAX_NAME - 1)).strip() + "…";
        }
        return clean;
    }

    private static String first(Map<String, String> claims, String... names) {
        for (String name : names) {
            String value = claims.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String text(Object value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value.toString();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return null;
    }
}
