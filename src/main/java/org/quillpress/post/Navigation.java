package org.quillpress.post;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.quillpress.bus.Area;
import org.quillpress.bus.ChangeBus;
import org.quillpress.bus.RemoteChange;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The standalone pages shown in the site navigation. Every page's layout reads them, possibly on an I/O
 * thread, so they are held in memory: rebuilt when a page is saved (after the commit), when another instance
 * announces that it saved one ({@link ChangeBus}), and every minute should such a message be lost.
 */
@ApplicationScoped
public class Navigation {

    /** A link in the navigation: top-level pages, each followed by its children. */
    public record Link(String title, String path) {
    }

    @Inject
    Clock clock;

    @Inject
    ChangeBus bus;

    private volatile List<Link> links = List.of();

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    void onSaved(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostSaved saved) {
        if (saved.kind() == PostKind.PAGE) {
            reload();
            bus.publish(Area.NAVIGATION);
        }
    }

    void onRemoteChange(@Observes RemoteChange change) {
        if (change.area() == Area.NAVIGATION) {
            reload();
        }
    }

    public List<Link> links() {
        return links;
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reload() {
        links = QuarkusTransaction.requiringNew().call(() -> {
            List<Post> pages = Post.listVisiblePages(clock.instant());
            List<Link> built = new ArrayList<>();
            for (Post page : pages) {
                if (page.parent == null) {
                    built.add(new Link(page.title, page.path()));
                    for (Post child : pages) {
                        if (child.parent != null && child.parent.id.equals(page.id)) {
                            built.add(new Link(child.title, child.path()));
                        }
                    }
                }
            }
            return List.copyOf(built);
        });
    }
}
