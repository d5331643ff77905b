/**
 * Atlassian (public API): nothing yet. The module acts on the other modules' APIs (identity's accounts, retention's
 * erasures, subject-rights' help-center requests) and offers none of its own; its work is on its REST endpoints.
 */
package org.steward.atlassian.api;
