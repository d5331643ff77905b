package org.steward.subjectrights.internal.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.steward.platform.crypto.api.KeyedCipher;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.security.api.CurrentCaller;
import org.steward.platform.security.api.Role;
import org.steward.platform.security.api.TenantScope;
import org.steward.subjectrights.internal.control.Details;
import org.steward.subjectrights.internal.control.Filing;
import org.steward.subjectrights.internal.control.Fulfilment;
import org.steward.subjectrights.internal.control.RequestConfig;
import org.steward.subjectrights.internal.control.RequestKeys;
import org.steward.subjectrights.internal.control.RequestMetricsReport;
import org.steward.subjectrights.internal.control.SubjectResolution;
import org.steward.sharing.api.RecipientPropagations;
import org.steward.subjectrights.internal.control.Watchdog;
import org.steward.subjectrights.internal.entity.FulfilmentTask;
import org.steward.subjectrights.internal.entity.Request;

/** Builds the answers about requests; decrypts what the requester gave only for staff who handle requests. */
@ApplicationScoped
public class RequestViews {

    @Inject
    RequestKeys keys;

    @Inject
    SubjectResolution subjects;

    @Inject
    Fulfilment fulfilment;

    @Inject
    Watchdog watchdog;

    @Inject
    RecipientPropagations propagations;

    @Inject
    RequestConfig config;

    @Inject
    RequestMetricsReport metrics;

    @Inject
    TenantScope scope;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    RequestView staff(Request r, boolean withTasks) {
        String bound = scope.boundTenant();
        if (bound != null && !bound.equals(r.tenantId())) {
            throw ProblemException.notFound("request", r.id());
        }
        boolean handler = caller.get().has(Role.PRIVACY_OFFICER) || caller.get().has(Role.SUPPORT_AGENT)
                || caller.get().has(Role.ADMIN);
        boolean open = handler && r.dataKeyId() != null;
        KeyedCipher cipher = open ? keys.cipher(r) : null;
        String identifier = open ? cipher.decrypt("identifier", r.identifierEnc()) : null;
        String contact = open ? cipher.decrypt("contact", r.contactEnc()) : null;
        Details details = open ? org.steward.subjectrights.internal.control.RequestIntake.detailsOf(cipher, r) : null;
        Filing.Agent agent = open ? org.steward.subjectrights.internal.control.RequestIntake.agentOf(cipher, r) : null;
        List<RequestView.SubjectRef> refs = subjects.of(r.id()).stream()
                .map(s -> new RequestView.SubjectRef(s.tenantId(), s.subjectId())).toList();
        List<TaskView> tasks = withTasks ? fulfilment.tasks(r.id()).stream().map(TaskView::of).toList() : null;
        return new RequestView(r.id(), r.type(), r.jurisdiction(), r.state(), r.outcome(), r.channel().name(),
                r.channelRef(), r.filedByKind().name(), r.identifierKind().name(), identifier, r.tenantId(), contact,
                details, agent, r.verification() == null ? null : r.verification().name(),
                open ? cipher.decrypt("identity-check", r.identityCheckEnc()) : null, refs, r.receivedAt(),
                r.acknowledgeBy(), r.acknowledgedAt(), r.dueOn(), r.originalDueOn(), r.maxDueOn(), r.extendedAt(),
                open ? cipher.decrypt("extension-reason", r.extensionReasonEnc()) : null, r.verifiedAt(),
                r.approvedAt(), r.closedAt(), r.denialBasis(),
                open ? cipher.decrypt("denial-text", r.denialTextEnc()) : null, r.pseudonym(), tasks);
    }

    StatusView status(Request r, String token) {
        return new StatusView(r.id(), r.type(), r.state(), r.outcome(), r.receivedAt(), r.dueOn(),
                r.extendedAt() != null, r.closedAt(), r.denialBasis() == null ? null : r.denialBasis().reference(),
                "You have the right to lodge a complaint with " + config.supervisoryAuthority() + ".", token);
    }

    WatchdogView watchdog(Integer days) {
        int within = days == null ? config.dueSoonDays() : days;
        List<WatchdogView.Item> overdue = new ArrayList<>();
        List<WatchdogView.Item> soon = new ArrayList<>();
        List<WatchdogView.Item> ack = new ArrayList<>();
        List<WatchdogView.Item> stuck = new ArrayList<>();
        List<WatchdogView.Item> failing = new ArrayList<>();
        List<WatchdogView.Item> recipients = new ArrayList<>();
        String bound = scope.boundTenant();
        for (Watchdog.Finding f : watchdog.findings(within)) {
            Request r = f.request();
            if (bound != null && !bound.equals(r.tenantId())) {
                continue;
            }
            FulfilmentTask t = f.task();
            WatchdogView.Item item = new WatchdogView.Item(r.id(), r.type().name(), r.jurisdiction().name(),
                    r.state().name(), r.dueOn(), r.acknowledgeBy(), t == null ? null : t.id(),
                    t == null ? null : t.module(), t == null ? null : t.action().name(),
                    t == null ? null : t.state().name(), t == null ? null : t.lastError());
            switch (f.concern()) {
                case OVERDUE -> overdue.add(item);
                case DUE_SOON -> soon.add(item);
                case ACKNOWLEDGEMENT_DUE -> ack.add(item);
                case STUCK -> stuck.add(item);
                case FAILING -> failing.add(item);
                case RECIPIENT_OVERDUE -> recipients.add(item);
            }
        }
        // A client bound to a tenant sees its own requests only; the recipients' queue is staff's.
        List<WatchdogView.Recipient> late = bound != null ? List.of() : propagations.overdue(1000).stream()
                .map(o -> new WatchdogView.Recipient(o.propagationId(), o.kind(), o.recipient(), o.connector(),
                        o.causeRef(), o.dueAt())).toList();
        return new WatchdogView(Times.now(clock).toLocalDate(), within, overdue, soon, ack, stuck, failing,
                recipients, late);
    }

    Response metrics(int year, boolean csv) {
        return csv ? Response.ok(metrics.csv(year), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"ccpa-request-metrics-" + year + ".csv\"").build()
                : Response.ok(metrics.json(year)).build();
    }
}
