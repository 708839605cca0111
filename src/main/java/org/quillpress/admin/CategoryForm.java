package org.quillpress.admin;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.TemplateData;

/** The new-category form as typed; {@link AdminService#addCategory} checks it against the existing categories. */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record CategoryForm(
        @RestForm String name,
        @RestForm String description) {

    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 1000;

    static CategoryForm blank() {
        return new CategoryForm("", "");
    }
}
