/** Consent (internals): entities, services and REST resources. Other modules never reach in here. */
package org.steward.consent.internal;
