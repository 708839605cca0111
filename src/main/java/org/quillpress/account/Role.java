package org.quillpress.account;

import java.util.Locale;

import org.quillpress.web.AdminMessages;
import org.quillpress.web.CheckMessages;
import org.quillpress.web.SiteLanguage;

/**
 * What an account may do; each role includes the ones before it. Readers comment; authors write and publish their
 * own posts; editors also edit and publish everyone's posts and manage categories and tags; moderators also
 * moderate comments and ban; admins also change site settings and roles.
 */
public enum Role {
    READER,
    AUTHOR,
    EDITOR,
    MODERATOR,
    ADMIN;

    public static final String AUTHOR_ROLE = "AUTHOR";
    public static final String EDITOR_ROLE = "EDITOR";
    public static final String MODERATOR_ROLE = "MODERATOR";
    public static final String ADMIN_ROLE = "ADMIN";

    /** True when this role grants at least what {@code other} grants. */
    public boolean atLeast(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** Whether this role edits and publishes everyone's posts and manages categories and tags. */
    public boolean editsAllPosts() {
        return atLeast(EDITOR);
    }

    /** The role's name in the site's language, as pages show it ("Author", "Autor"). */
    public String label() {
        return SiteLanguage.messages(AdminMessages.class).roleName(name());
    }

    /** The role's name in a sentence in the site's language ("as author"). */
    public String inSentence() {
        return SiteLanguage.messages(CheckMessages.class).roleInSentence(name());
    }

    /** The role as the audit log stores it, in English whatever the site's language ("author"). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
