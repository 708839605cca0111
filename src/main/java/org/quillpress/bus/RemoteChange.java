package org.quillpress.bus;

/**
 * Fired on this instance when another instance announced a change, after that change committed. Observers drop or
 * reload what they hold of {@code area}; they run on the bus's own thread, one message after the other.
 *
 * @param key which item of the area changed, or null for all of it (also sent after the bus reconnects, when
 *        messages may have been missed)
 */
public record RemoteChange(Area area, String key) {

    /** True when this change concerns the item with {@code id}, or the whole area. */
    public boolean covers(String id) {
        return key == null || key.equals(id);
    }
}
