package org.steward.sharing.api;

import java.util.List;

/**
 * What other modules may ask about the propagation of a cause (an erasure's id) to the recipients of the subject's
 * data: subject-rights completes an erasure request only once every recipient confirmed or was waived, and shows
 * overdue recipients in its watchdog.
 */
public interface RecipientPropagations {

    /** The tasks of one cause; all zero when the subject's data went to no recipient. */
    PropagationProgress progress(String causeRef);

    /** Open tasks past their due date, oldest first, whatever caused them. */
    List<OverdueRecipient> overdue(int limit);
}
