package org.quillpress.account;

/** The signed-in account as every request sees it: cached, immutable, never holding the email. */
public record AccountPrincipal(long id, String handle, String displayName, Role role, int sessionEpoch) {

    public static AccountPrincipal of(Account account) {
        return new AccountPrincipal(account.id, account.handle, account.displayName, account.role,
                account.sessionEpoch);
    }

    public boolean isStaff() {
        return role.atLeast(Role.MODERATOR);
    }

    public boolean isAuthor() {
        return role.atLeast(Role.AUTHOR);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
