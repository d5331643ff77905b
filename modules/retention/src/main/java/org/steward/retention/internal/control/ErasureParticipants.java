package org.steward.retention.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import org.steward.platform.kernel.api.erasure.CategoryErasure;
import org.steward.platform.kernel.api.erasure.DeviceErasure;
import org.steward.platform.kernel.api.erasure.ErasureParticipant;
import org.steward.platform.kernel.api.erasure.ErasureReport;
import org.steward.platform.kernel.api.erasure.SubjectErasure;
import org.steward.platform.kernel.api.erasure.TenantErasure;

/**
 * Every module's {@link ErasureParticipant}, called in the order of their module names (deterministic, so that two
 * erasures running at once take their locks in the same order), each with its own part of one report. Always in the
 * caller's transaction: the erasure's. A module joins by declaring its participant bean; nothing here names one.
 */
@ApplicationScoped
public class ErasureParticipants {

    @Inject
    Instance<ErasureParticipant> participants;

    @Transactional(Transactional.TxType.MANDATORY)
    public ErasureReport eraseSubject(SubjectErasure erasure) {
        List<ErasureParticipant> all = ordered();
        all.forEach(p -> p.beforeSubjectErasure(erasure));
        return each(all, (p, part) -> p.eraseSubject(erasure, part));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ErasureReport eraseTenant(TenantErasure erasure) {
        return each((p, part) -> p.eraseTenant(erasure, part));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ErasureReport eraseDevice(DeviceErasure erasure) {
        return each((p, part) -> p.eraseDevice(erasure, part));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ErasureReport eraseCategory(CategoryErasure erasure) {
        return each((p, part) -> p.eraseCategory(erasure, part));
    }

    /** The participants by module name; two naming the same module are an error of the build, not of the data. */
    public List<ErasureParticipant> ordered() {
        List<ErasureParticipant> all = new ArrayList<>();
        participants.forEach(all::add);
        return ordered(all);
    }

    static List<ErasureParticipant> ordered(List<ErasureParticipant> all) {
        List<ErasureParticipant> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(ErasureParticipant::module));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).module().equals(sorted.get(i - 1).module())) {
                throw new IllegalStateException("Two erasure participants name module " + sorted.get(i).module()
                        + ": " + sorted.get(i - 1).getClass().getName() + " and " + sorted.get(i).getClass().getName()
                        + ". A module takes part once: merge them");
            }
        }
        return sorted;
    }

    private ErasureReport each(BiConsumer<ErasureParticipant, ErasureReport.Part> call) {
        return each(ordered(), call);
    }

    private static ErasureReport each(List<ErasureParticipant> participants,
                                      BiConsumer<ErasureParticipant, ErasureReport.Part> call) {
        ErasureReport report = new ErasureReport();
        for (ErasureParticipant p : participants) {
            call.accept(p, report.part(p.module()));
        }
        return report;
    }
}
