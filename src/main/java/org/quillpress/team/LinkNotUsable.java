package org.quillpress.team;

/** A one-time link that is unknown, expired, used or revoked: its page says so and nothing changes. */
class LinkNotUsable extends RuntimeException {

    LinkNotUsable() {
        super("This link no longer works", null, false, false);
    }
}
