package org.quillpress.account;

/** What an account may do; each role includes the ones before it. */
public enum Role {
    READER,
    AUTHOR,
    MODERATOR,
    ADMIN;

    public static final String AUTHOR_ROLE = "AUTHOR";
    public static final String MODERATOR_ROLE = "MODERATOR";
    public static final String ADMIN_ROLE = "ADMIN";

    /** True when this role grants at least what {@code other} grants. */
    public boolean atLeast(Role other) {
        return ordinal() >= other.ordinal();
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
