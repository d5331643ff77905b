/**
 * Subject rights (public API): the data-subject requests of GDPR and CCPA (access, portability, rectification,
 * erasure, restriction, objection, opt-out, and the right to know), verified and answered within their legal
 * deadlines (policy §9, §12).
 */
package org.steward.subjectrights.api;
