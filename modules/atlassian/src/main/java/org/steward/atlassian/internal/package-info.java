/** Atlassian (internals): personal data reporting and the JSM help center channel. Other modules never reach in. */
package org.steward.atlassian.internal;
