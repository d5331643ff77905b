package org.steward.consent.api;

import java.util.List;

/** What other modules may ask about the register of purposes: which exist, and which use a data category. */
public interface PurposeCatalog {

    boolean exists(String purposeKey);

    /** Whether the register has this data category. */
    boolean categoryExists(String categoryKey);

    /** The keys of the purposes whose data falls into this category, sorted; empty for an unknown category. */
    List<String> purposesUsing(String categoryKey);

    /** The keys of the data categories a purpose uses, sorted; empty for an unknown purpose. */
    List<String> categoriesOf(String purposeKey);
}
