package org.quillpress.audit;

import java.util.Locale;

/** The kinds of entries, as the filter on /admin/audit offers them. */
public enum AuditKind {
    POST("Posts"),
    ROLE("Roles"),
    INVITATION("Invitations and sign-ups"),
    BAN("Bans"),
    SETTINGS("Settings"),
    IMPORT_EXPORT("Imports and exports");

    private final String label;

    AuditKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind a filter parameter names, or null for "every kind". */
    static AuditKind parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
