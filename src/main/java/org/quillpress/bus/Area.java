package org.quillpress.bus;

/** What an instance holds in memory and other instances may change; the bus names one in each message. */
public enum Area {
    /** The guest page cache: any content that public pages show. */
    PAGES,
    /** The standalone pages in the site navigation. */
    NAVIGATION,
    /** Site title, tagline, time zone and the like. */
    SITE_SETTINGS,
    /** The discussion rules. */
    DISCUSSION_SETTINGS,
    /** One account as a session sees it (name, role, session epoch, ban); the key is its id. */
    ACCOUNT,
    /** One ended session; the key is its id and expiry, {@code "<id> <epoch second>"}. */
    SESSION,
    /** One stored image as a featured image; the key is its id. */
    MEDIA;
}
