package org.quillpress.web;

/**
 * Fired when something every public page may show has changed (site settings, categories, a profile, an
 * approved comment): the page cache then drops what it rendered before. Observers react after the commit,
 * so fire it inside the transaction that makes the change. Post changes need no such event: their
 * {@code PostSaved} does the same.
 *
 * @param what a few words for the log, such as "site settings"
 * @param searchable whether it may change what search finds (its index is then rebuilt); false for changes of
 *        presentation only, such as the discussion rules
 */
public record ContentChanged(String what, boolean searchable) {

    /** A change that may touch what search finds: the safe default. */
    public ContentChanged(String what) {
        this(what, true);
    }
}
