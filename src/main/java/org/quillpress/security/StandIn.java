package org.quillpress.security;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.quillpress.account.AccountPrincipal;

/**
 * Placeholders a page is rendered with once for every visitor of the same kind, in place of what is each
 * visitor's own: their name, their CSRF token, the hidden fields of a public form. The page is then cut at the
 * placeholders and each visitor's values are put in per request (see the comment package's post page). The
 * placeholders are letters and digits only, so escaping leaves them as they are, and carry a random part per
 * process, so no stored text can imitate one. A value without a placeholder here (the visitor's handle) is a
 * placeholder too, which the cutting refuses: a template that starts to show it cannot go unnoticed.
 */
public final class StandIn {

    /** What every placeholder begins with. */
    public static final String PREFIX = "qpstandin" + UUID.randomUUID().toString().replace("-", "");
    public static final String NAME = PREFIX + "name";
    public static final String CSRF_TOKEN = PREFIX + "csrf";
    public static final String FORM_FIELDS = PREFIX + "fields";

    /** Who is looking while a page is rendered with placeholders: a stand-in account, or nobody (a guest). */
    private record Viewer(AccountPrincipal account) {
    }

    private static final ThreadLocal<Viewer> RENDERING = new ThreadLocal<>();

    private StandIn() {
    }

    /**
     * Renders with placeholders for a visitor like {@code viewer}: the same role, none of their own values.
     * Rendering must happen in this thread (Qute renders synchronously when every value is at hand).
     */
    public static String render(Optional<AccountPrincipal> viewer, Supplier<String> render) {
        RENDERING.set(new Viewer(viewer.map(v -> new AccountPrincipal(-1, PREFIX + "handle", NAME, v.role(), -1))
                .orElse(null)));
        try {
            return render.get();
        } finally {
            RENDERING.remove();
        }
    }

    /** The account the layout shows: the stand-in while rendering with placeholders, else the visitor's. */
    public static AccountPrincipal viewerOr(Supplier<AccountPrincipal> actual) {
        Viewer rendering = RENDERING.get();
        return rendering != null ? rendering.account() : actual.get();
    }

    /** The CSRF token the page's forms carry: a placeholder while rendering with placeholders. */
    public static String csrfTokenOr(Supplier<String> actual) {
        return RENDERING.get() != null ? CSRF_TOKEN : actual.get();
    }

    static boolean rendering() {
        return RENDERING.get() != null;
    }
}
