package org.quillpress.security;

import io.quarkus.arc.Arc;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The per-visitor hidden fields of a public form: the visitor's CSRF token and a fresh signed stamp (see
 * {@link FormStamp}), between two markers. The markers let the page cache serve one rendering of a page to
 * every guest and splice fresh fields into each copy. Pages get them through {@code {#formFields /}}
 * (tags/formFields.html), the cache through {@link #region}: one rendering for both, so they cannot drift.
 * A page has at most one such region.
 */
public final class FormFields {

    public static final String START = "<!--qp:fields-->";
    public static final String END = "<!--/qp:fields-->";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance fields(String csrfField, String csrfToken, String stampField, String stamp);
    }

    private FormFields() {
    }

    /** The whole region, markers included, for a visitor with this CSRF token and a stamp issued now. */
    public static String region(String csrfField, String csrfToken, String stamp) {
        return START + Templates.fields(csrfField, csrfToken, FormStamp.FIELD, stamp).render() + END;
    }

    /**
     * The region for the page being rendered. Raw: it is the output of an HTML template that escaped every
     * value, between two fixed comments.
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
