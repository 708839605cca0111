package org.quillpress.moderation;

import org.quillpress.account.AccountPrincipal;
import org.quillpress.security.CurrentUser;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;
import io.vertx.core.Context;

/** What the layout shows staff on every page: how many comments wait for them. */
@TemplateGlobal
public class ModerationGlobals {

    /**
     * The number of pending comments for moderators and admins, as the queue shows it ("1000+" past its cap);
     * null for everyone else, who cost no query.
     * Null as well on the event loop, where error pages for unmatched addresses are rendered and a
     * database query would block it.
     */
    static String pendingCount() {
        AccountPrincipal viewer = Arc.container().instance(CurrentUser.class).get().account().orElse(null);
        if (viewer == null || !viewer.isStaff() || Context.isOnEventLoopThread()) {
            return null;
        }
        return Arc.container().instance(ModerationQueue.class).get().pendingCount();
    }
}
