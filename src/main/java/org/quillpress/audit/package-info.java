/**
 * The site-wide audit log at /admin/audit: who published, edited or trashed which post, changed a role, invited
 * someone, banned or lifted a ban, changed the settings, imported or exported, and when. It sits above post,
 * account, moderation and team and observes their events; admin and wxr, above it, write to it directly. Comment
 * moderation keeps its own, finer trail on each comment (comment/ModerationAction); the log links there instead of
 * copying it.
 */
package org.quillpress.audit;
