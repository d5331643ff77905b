/**
 * The access protocol (GDPR Art. 15 and 20, CCPA right to know), in the platform so that every module contributes
 * its part of a subject's export without depending on the module that drives it (subject-rights). Each module that
 * holds personal data implements {@link org.steward.platform.kernel.api.access.AccessParticipant} once; the driver
 * gives it an {@link org.steward.platform.kernel.api.access.AccessSection} and the module writes its categories of
 * records into it, row by row, so that no export is ever held whole in memory.
 */
package org.steward.platform.kernel.api.access;
