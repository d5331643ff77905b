package org.steward.it.support;

import java.util.UUID;

/** Builders for the JSON bodies most tests need, with unique values so tests never collide on the shared server. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static String tenantJson(String hostingMode, String expiresOn) {
        String u = unique();
        return """
                {"name":"Tenant %s","siteUrl":"https://t%s.atlassian.net","hostingMode":"%s",
                 "licence":{"key":"SEN-%s","expiresOn":"%s"}}""".formatted(u, u, hostingMode, u, expiresOn);
    }

    /** Registers a tenant and returns its id. */
    public static String tenant(Http http, String hostingMode) {
        Http.Response r = http.post("/api/v1/tenants", tenantJson(hostingMode, "2099-12-31"));
        if (r.status() != 201) {
            throw new IllegalStateException("Tenant not created: " + r);
        }
        return r.json().getString("id");
    }

    /** Registers a subject with a unique email and returns its id. */
    public static String subject(Http http, String tenantId) {
        Http.Response r = http.post("/api/v1/tenants/" + tenantId + "/subjects",
                "{\"email\":\"user-" + unique() + "@example.com\"}");
        if (r.status() != 201) {
            throw new IllegalStateException("Subject not created: " + r);
        }
        return r.json().getString("id");
    }

    /** Places a legal hold on a whole tenant (it keeps the tenant's data through a licence end) and returns its id. */
    public static String tenantHold(Http http, String tenantId) {
        Http.Response r = http.post("/api/v1/retention/holds", "{\"scope\":\"TENANT\",\"tenantId\":\"" + tenantId
                + "\",\"reason\":\"Litigation hold " + unique() + "\",\"owner\":\"Legal\",\"endsAt\":\""
                + java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusDays(30)
                + "\",\"blocksSubjectRequests\":false}");
        if (r.status() != 201) {
            throw new IllegalStateException("Hold not placed: " + r);
        }
        return r.json().getString("id");
    }
}
