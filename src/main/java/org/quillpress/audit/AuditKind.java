package org.quillpress.audit;

import java.util.Locale;

/** The kinds of entries, as the filter on /admin/audit offers them; the page names each (staffadmin:auditKind). */
public enum AuditKind {
    POST,
    ROLE,
    INVITATION,
    BAN,
    SETTINGS,
    IMPORT_EXPORT;

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
