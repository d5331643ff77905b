/**
 * The erasure protocol, in the platform so that every module can take part without depending on the module that
 * drives it (retention). The driver fires {@link org.steward.platform.kernel.api.erasure.ErasureRequested} synchronously inside
 * one transaction; every module that holds personal data observes it, deletes its rows for the scope and reports
 * what it deleted (and which data keys protected it) on the event's {@link org.steward.platform.kernel.api.erasure.ErasureReport}.
 * The driver then destroys the reported data keys in the same transaction: rows gone and keys gone, or neither.
 */
package org.steward.platform.erasure;
