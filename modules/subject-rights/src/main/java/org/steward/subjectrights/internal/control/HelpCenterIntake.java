package org.steward.subjectrights.internal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.subjectrights.api.HelpCenterRequests;
import org.steward.subjectrights.internal.entity.Request;

/**
 * Files the help center's portal requests like any other: a customer signed in with an Atlassian account is verified
 * by that account (in every tenant that knows it); one known only by email gets the usual mailed code.
 */
@ApplicationScoped
public class HelpCenterIntake implements HelpCenterRequests {

    @Inject
    RequestIntake intake;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Filed file(HelpCenterFiling f) {
        boolean account = f.accountId() != null && !f.accountId().isBlank();
        if (!account && (f.email() == null || f.email().isBlank())) {
            throw ProblemException.invalid("reporter", "the portal request names neither an Atlassian account nor"
                    + " an email address");
        }
        Filing filing = new Filing(f.type(), f.jurisdiction(),
                account ? Request.IdentifierKind.ACCOUNT_ID : Request.IdentifierKind.EMAIL,
                account ? f.accountId().strip() : f.email().strip(), null,
                account && f.email() != null && !f.email().isBlank() ? f.email().strip() : null, Details.NONE,
                Request.Channel.JSM, f.issueKey(), Request.FiledBy.SUBJECT, null, null);
        RequestIntake.Filed filed = intake.file(filing);
        return new Filed(filed.request().id(), filed.joined(), filed.request().state());
    }
}
