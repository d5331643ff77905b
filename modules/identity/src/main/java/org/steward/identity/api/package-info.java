/**
 * Identity: tenants (licensees) and their licences, data subjects (end users) and the personal data that policy §4b
 * says the vendor holds. Other modules may use the types in this package: typed ids, events and
 * {@link org.steward.identity.api.SubjectDirectory}.
 */
package org.steward.identity.api;
