package org.quillpress.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A personal access token presented as {@code Authorization: Bearer qp_…}. */
public class ApiTokenAuthenticationRequest extends BaseAuthenticationRequest {

    private final String secret;

    public ApiTokenAuthenticationRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }
}
