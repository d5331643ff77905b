package org.steward.consent.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.steward.consent.api.ConsentHolder;
import org.steward.identity.api.ProcessingRestrictions;
import org.steward.platform.kernel.api.SubjectId;

/** Tells identity which subjects are restricted (GDPR Art. 18), from the rows {@link Restrictions} keeps. */
@ApplicationScoped
public class SubjectRestrictions implements ProcessingRestrictions {

    @Inject
    Restrictions restrictions;

    @Override
    public boolean isRestricted(SubjectId subjectId) {
        return restrictions.of(ConsentHolder.subject(subjectId)).isPresent();
    }
}
