package org.steward.platform.kernel.api.erasure;

/**
 * What an erasure covers; each scope has its request type, which names exactly what the participant needs.
 * {@code SUBJECT} ({@link SubjectErasure}): every row about one data subject. {@code TENANT} ({@link TenantErasure}):
 * what is left of a tenant once each of its subjects was erased (tenant-level rows; the tenant keeps a PII-free row
 * saying it existed). {@code DEVICE} ({@link DeviceErasure}): every row about one website visitor's device.
 * {@code CATEGORY} ({@link CategoryErasure}): the records of one data category that a retention policy says are due,
 * at most a chunk of them.
 */
public enum ErasureScope {
    SUBJECT, TENANT, DEVICE, CATEGORY
}
