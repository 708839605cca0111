package org.quillpress.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET resource method whose answer every guest sees alike, so the page cache may keep it for guests.
 * An allow-list: a page without it is never cached, so a page that shows something per visitor cannot slip in.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicPage {

    /**
     * True when the answer does not depend on who asks at all, signed in or not (feeds, the sitemap): the cache
     * then answers visitors with a session too, instead of rendering the same bytes again for each of them.
     */
    boolean everyone() default false;
}
