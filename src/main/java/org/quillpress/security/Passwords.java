package org.quillpress.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.quillpress.web.SiteLanguage;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** Argon2id password hashing with OWASP's recommended parameters (19 MiB, 2 passes, 1 lane). */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19456, 2, 1, 32, Argon2.ID, 19);

    // Checked against when an email is unknown, so that a miss costs as much as a wrong password.
    private static final String DUMMY = hash("not-a-real-password-just-timing");

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    /** True when the password matches; a null hash is checked against a dummy so timing tells nothing. */
    public boolean matches(String password, String encodedHash) {
        if (password == null) {
            return false;
        }
        String target = encodedHash == null ? DUMMY : encodedHash;
        boolean ok = Password.check(password, target).with(Argon2Function.getInstanceFromHash(target));
        return ok && encodedHash != null;
    }

    /** A message naming what is wrong with a new password, or null when it is acceptable. */
    public static String problemWith(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return SiteLanguage.messages().passwordTooShort(MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            return SiteLanguage.messages().atMostCharacters(SiteLanguage.number(MAX_LENGTH));
        }
        return null;
    }
}
