package org.steward.consent.api;

/** Where a consent action came from: part of its proof. */
public enum ConsentSource {
    WEB_FORM, API, EMAIL_LINK, GPC, ADMIN
}
