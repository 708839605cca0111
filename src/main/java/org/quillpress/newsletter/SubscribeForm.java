package org.quillpress.newsletter;

import java.util.List;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.account.AccountService;

import io.quarkus.qute.TemplateData;

/**
 * What the subscribe and manage forms send, before any checking: an email (the manage form has none), "all" or
 * "categories" with the chosen categories' slugs, and a frequency ({@link Frequency#formValue()}).
 */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record SubscribeForm(@RestForm String email, @RestForm String scope, @RestForm("category") List<String> categories,
        @RestForm String frequency) {

    public static final int MAX_EMAIL = AccountService.MAX_EMAIL;
    public static final String ALL = "all";
    public static final String CATEGORIES = "categories";

    List<String> chosenCategories() {
        return categories == null ? List.of() : categories;
    }
}
