/**
 * The owner's and admins' pages: accounts and roles, bans of accounts, site settings and categories
 * ({@link org.quillpress.admin.AdminResource}, {@link org.quillpress.admin.AdminService}).
 * <p>
 * Rules: admins only; the site keeps at least one admin; "Uncategorized" cannot be deleted.
 */
package org.quillpress.admin;
