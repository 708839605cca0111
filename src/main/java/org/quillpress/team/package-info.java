/**
 * The people side of the authors' desk: a password reset by mail for every local account, invitations that let
 * an admin bring in authors, editors and moderators, and the one-time links both are made of
 * ({@link org.quillpress.team.OneTimeLink}). It sits above account, security and mail, using them; nothing below
 * depends on it.
 */
package org.quillpress.team;
