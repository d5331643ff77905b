package org.steward.platform.kernel.api.erasure;

/**
 * What an erasure covers. {@code SUBJECT}: every row about one data subject. {@code TENANT}: what is left of a tenant
 * once each of its subjects was erased (tenant-level rows; the tenant keeps a PII-free row saying it existed).
 * {@code CATEGORY}: the records of one data category that a retention policy says are due, at most a chunk of them.
 */
public enum ErasureScope {
    SUBJECT, TENANT, CATEGORY
}
