/**
 * Sharing (public API): the subprocessor register, the ledger of disclosures to recipients, erasure propagated to
 * recipients, and the enforced promise that personal data is never sold (policy §11).
 */
package org.steward.sharing.api;
