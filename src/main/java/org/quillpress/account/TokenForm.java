package org.quillpress.account;

import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;
import org.quillpress.web.AccountMessages;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.SiteLanguage;

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
                    SiteLanguage.messages(AccountMessages.class).errTokenName(MAX_NAME)));
        }
        return label;
    }
}
