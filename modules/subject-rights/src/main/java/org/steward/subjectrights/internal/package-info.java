/** Subject rights (internals): request workflow, deadlines, verification. Other modules never reach in here. */
package org.steward.subjectrights.internal;
