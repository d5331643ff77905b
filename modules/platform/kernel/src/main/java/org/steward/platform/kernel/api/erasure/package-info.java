/**
 * The erasure protocol, in the platform so that every module can take part without depending on the module that
 * drives it (retention). Each module that holds personal data implements
 * {@link org.steward.platform.kernel.api.erasure.ErasureParticipant} once; the driver calls every participant inside
 * one transaction with a typed request ({@link org.steward.platform.kernel.api.erasure.SubjectErasure},
 * {@link org.steward.platform.kernel.api.erasure.TenantErasure},
 * {@link org.steward.platform.kernel.api.erasure.DeviceErasure},
 * {@link org.steward.platform.kernel.api.erasure.CategoryErasure}), and each deletes its rows for the scope and reports
 * what it deleted (and which data keys protected it) on its part of the
 * {@link org.steward.platform.kernel.api.erasure.ErasureReport}. The driver then destroys the reported data keys and
 * signs the certificate in the same transaction: rows gone and keys gone, or neither.
 */
package org.steward.platform.kernel.api.erasure;
