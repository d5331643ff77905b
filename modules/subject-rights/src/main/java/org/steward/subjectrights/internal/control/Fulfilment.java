package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.steward.platform.kernel.api.Ids;
import org.steward.platform.kernel.api.Times;
import org.steward.platform.kernel.api.access.AccessParticipant;
import org.steward.subjectrights.internal.entity.FulfilmentTask;
import org.steward.subjectrights.internal.entity.FulfilmentTask.Action;
import org.steward.subjectrights.internal.entity.Request;
import org.steward.subjectrights.internal.entity.RequestSubject;

/**
 * What an approved request asks of each module, as tasks: an export asks every {@link AccessParticipant} for every
 * holder; the other rights ask the one module that carries them out (identity corrects, retention erases, consent
 * restricts, records objections and withdrawals). The request completes when every task is done.
 */
@ApplicationScoped
public class Fulfilment {

    @PersistenceContext(unitName = "steward")
    EntityManager em;

    @Inject
    Event<WorkQueued> queued;

    @Inject
    Instance<AccessParticipant> participants;

    @Inject
    SubjectResolution resolution;

    @Inject
    RequestKeys keys;

    @Inject
    ExportLinks links;

    @Inject
    RequestConfig config;

    @Inject
    Clock clock;

    /** The holder names of tasks: a subject of a tenant, a device, a whole tenant. */
    static String subjectHolder(String tenantId, String subjectId) {
        return "subject:" + tenantId + "/" + subjectId;
    }

    public int createTasks(Request r) {
        List<String> holders = new ArrayList<>();
        if (r.identifierKind() == Request.IdentifierKind.DEVICE) {
            holders.add("device:" + keys.cipher(r).decrypt("identifier", r.identifierEnc()));
        } else {
            for (RequestSubject s : resolution.of(r.id())) {
                holders.add(subjectHolder(s.tenantId(), s.subjectId()));
            }
        }
        Details d = RequestIntake.detailsOf(keys.cipher(r), r);
        List<FulfilmentTask> tasks = new ArrayList<>();
        OffsetDateTime now = Times.now(clock);
        switch (r.type()) {
            case ACCESS, PORTABILITY -> {
                for (String module : participantModules().keySet()) {
                    holders.forEach(h -> tasks.add(task(r, module, Action.EXPORT, h, now)));
                }
            }
            case RECTIFICATION -> holders.forEach(h -> tasks.add(task(r, "identity", Action.RECTIFY, h, now)));
            case ERASURE -> {
                if (d.tenantScope()) {
                    tasks.add(task(r, "identity", Action.TERMINATE_LICENCE, "tenant:" + r.tenantId(), now));
                    tasks.add(task(r, "retention", Action.ERASE, "tenant:" + r.tenantId(), now));
                } else {
                    holders.forEach(h -> tasks.add(task(r, "retention", Action.ERASE, h, now)));
                }
            }
            case RESTRICTION -> holders.forEach(h -> tasks.add(task(r, "consent",
                    d.lifts() ? Action.LIFT_RESTRICTION : Action.RESTRICT, h, now)));
            case OBJECTION -> holders.forEach(h -> tasks.add(task(r, "consent", Action.OBJECT, h, now)));
            case WITHDRAW_CONSENT -> holders.forEach(h -> tasks.add(task(r, "consent", Action.WITHDRAW, h, now)));
            case COMPLAINT -> {
            }
        }
        tasks.forEach(em::persist);
        if (!tasks.isEmpty()) {
            queued.fire(new WorkQueued(r.id()));
        }
        return tasks.size();
    }

    private static FulfilmentTask task(Request r, String module, Action action, String holder, OffsetDateTime now) {
        return new FulfilmentTask(Ids.newId().toString(), r.id(), module, action, holder, now);
    }

    /** Every participant by its module name; two beans naming one module are refused. */
    public TreeMap<String, AccessParticipant> participantModules() {
        TreeMap<String, AccessParticipant> byModule = new TreeMap<>();
        for (AccessParticipant p : participants) {
            if (byModule.put(p.module(), p) != null) {
                throw new IllegalStateException("Two access participants name the module " + p.module());
            }
        }
        return byModule;
    }

    public long openTasks(String requestId) {
        return em.createQuery("SELECT COUNT(t) FROM FulfilmentTask t WHERE t.requestId = :r AND t.state <> :done",
                Long.class).setParameter("r", requestId).setParameter("done", FulfilmentTask.State.DONE)
                .getSingleResult();
    }

    public List<FulfilmentTask> tasks(String requestId) {
        return em.createQuery("SELECT t FROM FulfilmentTask t WHERE t.requestId = :r ORDER BY t.module, t.holder,"
                + " t.id", FulfilmentTask.class).setParameter("r", requestId).getResultList();
    }

    /** A fresh single-use link to the export (mailed, so its token lives only in the encrypted mail row). */
    String exportLink(Request r) {
        String token = links.issue(r.id(), r.type() == org.steward.subjectrights.api.RequestType.ACCESS);
        String path = "/api/v1/requests/" + r.id() + "/export?token=" + token;
        return config.publicUrl().map(base -> base + path).orElse(path);
    }
}
