package org.quillpress.newsletter;

import java.util.List;
import java.util.Map;

import org.quillpress.post.Category;

import io.quarkus.qute.TemplateData;

/**
 * A subscribe or manage form as a page shows it: what was typed or is stored, the categories to choose from, and a
 * message per field that is wrong.
 */
@TemplateData
public record FormPage(String email, String scope, List<String> chosen, String frequency, List<Option> categories,
        Map<String, String> errors) {

    /** A category to choose, by the slug the form sends. */
    public record Option(String slug, String name) {
    }

    static List<Option> options() {
        return Category.listByName().stream().map(c -> new Option(c.slug, c.name)).toList();
    }

    /** The form as first shown: all posts, a mail for each. */
    static FormPage fresh(String email) {
        return new FormPage(email, SubscribeForm.ALL, List.of(), Frequency.EACH_POST.formValue(), options(), Map.of());
    }

    /** The form as it was sent, to show again with its errors. */
    static FormPage typed(SubscribeForm form, Map<String, String> errors) {
        return new FormPage(form.email() == null ? "" : form.email(), form.scope(), form.chosenCategories(),
                form.frequency(), options(), errors);
    }

    /** A subscriber's settings, for the manage page. */
    static FormPage of(PostSubscriber subscriber) {
        return new FormPage("", subscriber.allPosts ? SubscribeForm.ALL : SubscribeForm.CATEGORIES,
                subscriber.categories.stream().map(c -> c.slug).toList(), subscriber.frequency.formValue(), options(),
                Map.of());
    }

    public boolean allPosts() {
        return !SubscribeForm.CATEGORIES.equals(scope);
    }

    public boolean isChosen(String slug) {
        return chosen.contains(slug);
    }

    public boolean isFrequency(String value) {
        return value.equals(frequency);
    }
}
