package org.quillpress.account;

/**
 * Fired while an account is being deleted, inside the deleting transaction and before the account row goes:
 * each feature observes it synchronously and lets go of its own rows that point to the account.
 *
 * @param accountId the account about to be deleted
 * @param removeComments whether its holder asked for the text of their comments to go as well
 */
public record AccountDeleting(long accountId, boolean removeComments) {
}
