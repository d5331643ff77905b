/** Sharing (internals): subprocessors, disclosures, recipient notices. Other modules never reach in here. */
package org.steward.sharing.internal;
