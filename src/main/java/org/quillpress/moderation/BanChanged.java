package org.quillpress.moderation;

import java.time.Instant;

import org.quillpress.account.Ban;

/**
 * Fired inside the transaction when a ban is laid or renewed ({@code lifted} false) or lifted, for the audit log.
 * For an account ban {@code value} is the account's id.
 */
public record BanChanged(Ban.Kind kind, String value, String reason, Instant until, boolean lifted) {
}
