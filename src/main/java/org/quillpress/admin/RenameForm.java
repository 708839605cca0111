package org.quillpress.admin;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.post.TermService.CategoryRow;
import org.quillpress.post.TermService.TagRow;

/** A category's or tag's name, slug and (categories only) description, as typed on its page. */
public record RenameForm(
        @RestForm String name,
        @RestForm String slug,
        @RestForm String description) {

    static RenameForm of(CategoryRow category) {
        return new RenameForm(category.name(), category.slug(),
                category.description() == null ? "" : category.description());
    }

    static RenameForm of(TagRow tag) {
        return new RenameForm(tag.name(), tag.slug(), "");
    }
}
