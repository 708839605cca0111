package org.quillpress.media;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.TemplateData;

/** The alt text and caption of an image as typed on the library page (with the upload, or changed later). */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record MediaForm(
        @RestForm String alt,
        @RestForm String caption) {

    public static final int MAX_ALT = MediaService.MAX_ALT;
    public static final int MAX_CAPTION = MediaService.MAX_CAPTION;

    static MediaForm blank() {
        return new MediaForm("", "");
    }
}
