/**
 * The moderators' side: the queue of held comments with why each was held
 * ({@link org.quillpress.moderation.ModerationResource}, {@link org.quillpress.moderation.ModerationApi},
 * {@link org.quillpress.moderation.ModerationQueue}), decisions one at a time or in bulk
 * ({@link org.quillpress.moderation.ModerationService}), bans and the discussion settings.
 * <p>
 * Rules: staff only; every decision is recorded (who, what, when, why) in the comment's audit trail, and
 * comments change only through the comment package's entities and events.
 */
package org.quillpress.moderation;
