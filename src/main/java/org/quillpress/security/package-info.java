/**
 * How a request proves who it is: the sealed session cookie ({@link org.quillpress.security.Sessions},
 * {@link org.quillpress.security.SessionCodec}), bearer API tokens, roles on the security identity
 * ({@link org.quillpress.security.AccountRoles}), password hashing and the sign-in throttle, the CSRF check for
 * the JSON API ({@link org.quillpress.security.ApiCsrfGuard}) and the per-visitor hidden fields of public forms
 * ({@link org.quillpress.security.FormFields}, {@link org.quillpress.security.FormStamp}).
 * <p>
 * Rules: one module with {@code account}; the current viewer is read through
 * {@link org.quillpress.security.CurrentUser} only.
 */
package org.quillpress.security;
