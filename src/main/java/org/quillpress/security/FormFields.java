package org.quillpress.security;

import org.quillpress.web.HtmlText;

import io.quarkus.arc.Arc;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateGlobal;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The per-visitor hidden fields of a public form: the visitor's CSRF token and a fresh signed stamp (see
 * {@link FormStamp}), between two markers. The markers let the page cache serve one rendering of a page to
 * every guest and splice fresh fields into each copy. Pages get them through {@code {#formFields /}}
 * (tags/formFields.html), the cache through {@link #region}: one writing for both, so they cannot drift.
 * A page has at most one such region.
 */
public final class FormFields {

    public static final String START = "<!--qp:fields-->";
    public static final String END = "<!--/qp:fields-->";

    private FormFields() {
    }

    /** The whole region, markers included, for a visitor with this CSRF token and a stamp issued now. */
    public static String region(String csrfField, String csrfToken, String stamp) {
        return START + "<input type=\"hidden\" name=\"" + HtmlText.escape(csrfField) + "\" value=\""
                + HtmlText.escape(csrfToken) + "\"><input type=\"hidden\" name=\"" + FormStamp.FIELD + "\" value=\""
                + HtmlText.escape(stamp) + "\">" + END;
    }

    /**
     * The region for the page being rendered (a placeholder while a skeleton is, see {@link StandIn}). Raw: every
     * value in it is escaped by {@link #region}, between two fixed comments.
     */
    @TemplateGlobal(name = "formFields")
    static RawString formFieldsForThisRequest() {
        return new RawString(StandIn.rendering() ? StandIn.FORM_FIELDS : forThisRequest());
    }

    /** The whole region for this request's visitor, with a stamp issued now. */
    public static String forThisRequest() {
        CsrfTokenParameterProvider csrf = Arc.container().instance(CsrfTokenParameterProvider.class).get();
        String stamp = Arc.container().instance(FormStamp.class).get().issue();
        return region(csrf.getParameterName(), csrfToken(), stamp);
    }

    /**
     * The CSRF token for the page's forms. The CSRF filter provides it, but a request refused by a role
     * check or matching no resource never reaches that filter, and its error page still carries the
     * sign-out form: then the token is the one in the browser's CSRF cookie, as the filter would reuse it.
     */
    public static String csrfToken() {
        CsrfTokenParameterProvider csrf = Arc.container().instance(CsrfTokenParameterProvider.class).get();
        try {
            return csrf.getToken();
        } catch (IllegalStateException notFiltered) {
            Cookie cookie = Arc.container().instance(RoutingContext.class).get().request()
                    .getCookie(csrf.getCookieName());
            return cookie == null ? "" : cookie.getValue();
        }
    }
}
