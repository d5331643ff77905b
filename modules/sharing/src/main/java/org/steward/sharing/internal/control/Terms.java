package org.steward.sharing.internal.control;

import java.util.List;
import org.steward.sharing.internal.entity.Subprocessor;

/** What a subprocessor is registered with; in a change, null fields stay as they are. */
public record Terms(String name, Subprocessor.Category category, String purpose, List<String> dataCategories,
                    List<String> countries, Subprocessor.TransferMechanism transferMechanism, String dpaReference) {
}
