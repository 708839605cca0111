/**
 * Who someone is: accounts, their sign-in identities (keyed by provider and subject, never by email), roles,
 * API tokens and bans. Entry points: {@link org.quillpress.account.LoginResource} (email and password),
 * {@link org.quillpress.account.SocialLoginResource} (one OIDC tenant per provider, built by
 * {@link org.quillpress.account.SocialProviders}), {@link org.quillpress.account.AccountResource} (the reader's
 * own page) and {@link org.quillpress.account.AccountService}.
 * <p>
 * Rules: a banned account, email or network ({@link org.quillpress.account.Bans}) cannot sign in, use a
 * token or comment; emails are never shown. With {@code security} it is one module (how a request proves
 * who it is); every other feature depends on it, never the other way round.
 */
package org.quillpress.account;
