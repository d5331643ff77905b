package org.steward.atlassian.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.steward.atlassian.internal.connector.JsmClient;

/**
 * Posts the outbox's comments to their tickets (each ticket's earliest first: {@link TicketComments#due}), retried
 * with backoff while JSM fails. A comment whose earlier try may have got through (a timeout, or an instance that died
 * while posting it) is looked for on the ticket first, so that the subject never reads it twice: JSM's API has no
 * idempotency key. A closing notice then transitions the ticket (a resolved ticket offers no transition, so that is
 * never done twice either); the request itself never waits for any of this.
 */
@ApplicationScoped
public class CommentPoster {

    private static final Logger LOG = Logger.getLogger(CommentPoster.class.getName());

    @Inject
    TicketComments comments;

    @Inject
    AtlassianConfig config;

    @Inject
    AtlassianMetrics metrics;

    @ActivateRequestContext
    public void post(List<String> ids) {
        for (String id : ids) {
            try {
                TicketComments.Outgoing o = comments.claim(id);
                if (o == null) {
                    continue;
                }
                try {
                    if (o.comment() && !(o.uncertain() && config.jsm().hasComment(o.desk(), o.issueKey(), o.body()))) {
                        config.jsm().comment(o.desk(), o.issueKey(), o.body());
                        if (o.transition()) {
                            comments.commented(id);
                        }
                    }
                    if (o.transition() && !config.jsm().transition(o.desk(), o.issueKey(), o.transitionName())) {
                        LOG.info("A ticket offers no transition named as configured; it is left as it is");
                    }
                    comments.posted(id);
                    metrics.commentPosted();
                } catch (JsmClient.JsmException e) {
                    comments.failed(id, e.getMessage());
                    metrics.commentFailed();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Posting a ticket comment failed; it is retried", e);
            }
        }
    }
}
