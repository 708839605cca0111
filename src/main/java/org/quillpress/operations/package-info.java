/**
 * Running the site: backups of the embedded database and the media folder ({@link org.quillpress.operations.Backups},
 * the admin page {@link org.quillpress.operations.BackupResource} and the {@code backup} command), and starting
 * again after a crash ({@link org.quillpress.operations.StartupPool}).
 * <p>
 * Rules: a backup is one consistent snapshot of the database, with the media files it refers to; PostgreSQL is
 * backed up with its own tools ({@code pg_dump}, README "Backup and restore").
 */
package org.quillpress.operations;
