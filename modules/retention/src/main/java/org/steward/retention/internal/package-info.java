/** Retention (internals): sweeps, holds, erasure orchestration, certificates. Other modules never reach in here. */
package org.steward.retention.internal;
