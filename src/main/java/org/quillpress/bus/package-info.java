/**
 * The change bus between instances of one site on one PostgreSQL database. Each instance keeps some state in
 * memory (the page cache, settings, navigation, the account cache, revoked sessions, featured images); when it
 * changes that state after a commit it also announces the change here ({@link org.quillpress.bus.ChangeBus}), and
 * every other instance hears it through PostgreSQL {@code LISTEN/NOTIFY} ({@link org.quillpress.bus.ChangeListener})
 * as a {@link org.quillpress.bus.RemoteChange} event, which the owner of that state observes.
 * <p>
 * Rules: the bus carries only what changed (an {@link org.quillpress.bus.Area} and perhaps an id), never data, so
 * the database stays the one truth; an instance ignores its own messages (it has applied them already); each
 * owner keeps its timed reload as the fallback for a message lost while a connection was down. On the embedded
 * H2 database there is one process, and nothing is sent. This package depends on no feature package.
 */
package org.quillpress.bus;
