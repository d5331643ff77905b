/**
 * Retention (public API): retention policies per data category, legal holds, and the one erasure mechanism that every
 * trigger goes through, ending in crypto-shredding and a signed erasure certificate (policy §8, §10).
 */
package org.steward.retention.api;
