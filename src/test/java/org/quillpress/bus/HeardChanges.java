package org.quillpress.bus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Records every change the bus fires on this instance, for the tests to read. */
@ApplicationScoped
public class HeardChanges {

    private final List<RemoteChange> heard = new CopyOnWriteArrayList<>();

    void on(@Observes RemoteChange change) {
        heard.add(change);
    }

    public List<RemoteChange> all() {
        return List.copyOf(heard);
    }

    public void clear() {
        heard.clear();
    }
}
