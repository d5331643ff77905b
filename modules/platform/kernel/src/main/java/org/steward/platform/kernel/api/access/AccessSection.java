package org.steward.platform.kernel.api.access;

import java.util.List;

/** A module's section of an export: a sequence of categories, each a table of rows. */
public interface AccessSection {

    /**
     * Starts a category of records and returns its writer. Close it before the next category is started.
     *
     * @param key     a stable file-name-safe name ({@code profile}, {@code contact}, {@code consent-history}):
     *                the category's CSV is {@code <module>/<key>.csv} and its JSON member is {@code key}
     * @param title   what the category is, in words for the index page ("Contact requests")
     * @param source  where the data came from, in words ("you, through the vendor's contact form")
     * @param columns the column names, in the order of {@link RecordWriter#row}
     */
    RecordWriter category(String key, String title, Provenance provenance, String source, List<String> columns);
}
