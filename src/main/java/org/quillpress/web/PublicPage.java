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
}
