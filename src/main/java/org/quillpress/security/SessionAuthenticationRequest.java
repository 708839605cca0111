package org.quillpress.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A session cookie that opened correctly: the provider still checks the account and its epoch. */
public class SessionAuthenticationRequest extends BaseAuthenticationRequest {

    private final SessionToken token;

    public SessionAuthenticationRequest(SessionToken token) {
        this.token = token;
    }

    public SessionToken token() {
        return token;
    }
}
