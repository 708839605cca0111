package org.quillpress.account;

import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.web.InvalidInputException;

import io.quarkus.qute.TemplateData;

/** The new-API-token form on /account: only the token's name, which is the holder's own label for it. */
@TemplateData(namespace = TemplateData.SIMPLENAME)
public record TokenForm(@RestForm String name) {

    public static final int MAX_NAME = 80;

    /** The name, stripped; its message is keyed {@code tokenName}, as the profile form has a name too. */
    String label() {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > MAX_NAME) {
            throw new InvalidInputException(Map.of("tokenName",
                    "Name the token (at most " + MAX_NAME + " characters), e.g. \"import script\"."));
        }
        return label;
    }
}
