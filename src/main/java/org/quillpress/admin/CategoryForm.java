package org.quillpress.admin;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.post.TermService;

import io.quarkus.qute.TemplateData;

/** The new-category form as typed; {@link TermService#createCategory} checks it against the existing tree. */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record CategoryForm(
        @RestForm String name,
        @RestForm String description,
        @RestForm String parent) {

    public static final int MAX_NAME = TermService.MAX_NAME;
    public static final int MAX_DESCRIPTION = TermService.MAX_DESCRIPTION;

    static CategoryForm blank() {
        return new CategoryForm("", "", "");
    }

    /** Whether the parent menu should show the category with this id as chosen. */
    public boolean hasParent(long id) {
        return Long.toString(id).equals(parent);
    }
}
