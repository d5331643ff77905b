package org.steward.app.demo;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;
import org.steward.platform.kernel.api.DemoTime;

/**
 * The fictional demo dataset, built week by week over the last twelve weeks with the demo clock set back: tenants
 * and their licences, subjects (every name invented, every address under the reserved example.com), consents and
 * website visitors' choices, requests in every state (some overdue), disclosures, erasures with certificates, a
 * subprocessor under notice and a legal hold. The same seed gives the same dataset.
 */
final class DemoDataset {

    private static final Logger LOG = Logger.getLogger(DemoDataset.class.getName());

    static final int WEEKS = 12;
    static final String[] TENANTS = {"Northwind Traders", "Contoso Ltd", "Tailspin Toys", "Litware Inc.",
            "Fabrikam Inc."};
    private static final String[] FIRST = {"Avery", "Jordan", "Riley", "Morgan", "Quinn", "Harper", "Rowan", "Emery",
            "Sasha", "Kai", "Noor", "Mateo", "Ines", "Tomasz", "Yuki", "Amara", "Lena", "Oskar", "Priya", "Elio"};
    private static final String[] LAST = {"Fenwick", "Okafor", "Lindqvist", "Marchetti", "Tanaka", "Delacroix",
            "Novak", "Haddad", "Brennan", "Castillo", "Ivanova", "Sorensen"};
    private static final String[] TYPES = {"ACCESS", "ERASURE", "RECTIFICATION", "OBJECTION", "PORTABILITY",
            "RESTRICTION", "WITHDRAW_CONSENT", "COMPLAINT"};

    private record Tenant(String id, String name, String slug, List<String> subjects, List<String> emails) {
    }

    private final DemoApi api;
    private final DemoTime time;
    private final Instant now;
    private final Random random = new Random(20261203L);
    private final List<Tenant> tenants = new ArrayList<>();
    private final List<String> erasures = new ArrayList<>();
    private int requests;

    DemoDataset(DemoApi api, DemoTime time, Instant now) {
        this.api = api;
        this.time = time;
        this.now = now;
    }

    void load() {
        Instant start = now.minus(Duration.ofDays(7L * WEEKS));
        at(start);
        notices();
        registerTenants();
        for (int week = 0; week < WEEKS; week++) {
            Instant monday = start.plus(Duration.ofDays(7L * week));
            at(monday.plus(Duration.ofHours(9)));
            consents(week);
            visitors(week, monday);
            at(monday.plus(Duration.ofDays(1)).plus(Duration.ofHours(10)));
            requests(week);
            disclosures(week);
            if (week == 3 || week == 7 || week == 10) {
                eraseOne(week);
            }
            if (week == 5) {
                terminate(tenants.get(3));
            }
            if (week == 9) {
                holdOne();
            }
            if (week == 10) {
                proposeSubprocessor();
            }
            if (week == 2) {
                withdrawnByRequester();
            }
            if (week == WEEKS - 1) {
                unverified();
            }
        }
        time.backToNow();
        api.post("/api/v1/audit/verify", null);
        LOG.info("Demo data: " + tenants.size() + " tenants, " + requests + " requests, " + erasures.size()
                + " erasures requested; " + api.refused() + " calls refused");
    }

    private void at(Instant instant) {
        time.travelTo(instant);
    }

    private void notices() {
        notice("explicit-consent-marketing", "We send you product news and offers by email, about once a month."
                + " You can unsubscribe at any time, from any of our emails or in the privacy center.");
        notice("web-analytics", "We measure how visitors use our website (pages seen, time spent, device type) to"
                + " improve it. Nothing is collected unless you agree.");
        notice("cross-context-advertising", "We share your visits to our website with advertising networks so that"
                + " they can show you our ads elsewhere. This is sharing under the CCPA; you can refuse it.");
        notice("in-app-analytics", "We record how the apps are used (features opened, errors) to improve them.");
    }

    private void notice(String purpose, String text) {
        api.put("/api/v1/consent/purposes/" + purpose + "/notices/en", "{\"text\":" + DemoJson.str(text) + "}");
    }

    private void registerTenants() {
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        int[] expiresInDays = {300, 19, 44, 200, 120};
        for (int i = 0; i < TENANTS.length; i++) {
            String slug = TENANTS[i].toLowerCase().replaceAll("[^a-z]+", "");
            boolean dataCenter = i == 4;
            JsonObject t = api.post("/api/v1/tenants", "{\"name\":" + DemoJson.str(TENANTS[i]) + ",\"siteUrl\":"
                    + DemoJson.str("https://" + slug + ".atlassian.net") + ",\"hostingMode\":\""
                    + (dataCenter ? "DATA_CENTER" : "CLOUD") + "\",\"licence\":{\"key\":\"SEN-DEMO-" + (1001 + i)
                    + "\",\"expiresOn\":\"" + today.plusDays(expiresInDays[i]) + "\"}}");
            if (!t.containsKey("id")) {
                continue;
            }
            Tenant tenant = new Tenant(t.getString("id"), TENANTS[i], slug, new ArrayList<>(),
                    new ArrayList<>());
            tenants.add(tenant);
            if (!dataCenter) {
                subjects(tenant, i == 0 ? 14 : 9);
            }
        }
    }

    private void subjects(Tenant tenant, int count) {
        for (int n = 0; n < count; n++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String email = (first + "." + last + n).toLowerCase() + "@" + tenant.slug() + ".example.com";
            JsonObject s = api.post("/api/v1/tenants/" + tenant.id() + "/subjects", "{\"email\":" + DemoJson.str(email)
                    + ",\"displayName\":" + DemoJson.str(first + " " + last) + ",\"accountId\":\"5b10ac8d82e05b22cc7d"
                    + String.format("%04d", tenants.size() * 100 + n) + "\"}");
            if (!s.containsKey("id")) {
                continue;
            }
            String id = s.getString("id");
            tenant.subjects().add(id);
            tenant.emails().add(email);
            api.post("/api/v1/tenants/" + tenant.id() + "/subjects/" + id + "/contacts", "{\"name\":"
                    + DemoJson.str(first + " " + last) + ",\"email\":" + DemoJson.str(email)
                    + ",\"message\":\"Asked about the annual licence renewal.\"}");
            if (n % 3 == 0) {
                api.post("/api/v1/tenants/" + tenant.id() + "/subjects/" + id + "/feedback",
                        "{\"text\":\"The new dashboard is much faster. Could the export include comments?\"}");
            }
        }
    }

    /** Marketing consent grows over the weeks and a few withdraw; some app users object to in-app analytics. */
    private void consents(int week) {
        for (Tenant tenant : cloudTenantsWithSubjects()) {
            List<String> subjects = tenant.subjects();
            for (int k = 0; k < subjects.size(); k++) {
                String path = "/api/v1/tenants/" + tenant.id() + "/subjects/" + subjects.get(k) + "/consents";
                if (k % 10 == week) {
                    api.post(path, "{\"purpose\":\"explicit-consent-marketing\",\"action\":\"GRANT\","
                            + "\"noticeVersion\":1,\"source\":\"WEB_FORM\"}");
                } else if (k % 4 == 0 && k % 10 + 5 == week) {
                    api.post(path, "{\"purpose\":\"explicit-consent-marketing\",\"action\":\"WITHDRAW\","
                            + "\"source\":\"EMAIL_LINK\"}");
                }
                if ((k * 5 + week) % 17 == 0) {
                    api.post(path, "{\"purpose\":\"in-app-analytics\",\"action\":\"OPT_OUT\",\"source\":\"API\"}");
                }
            }
        }
    }

    /** Website visitors answer the banner: most accept analytics, fewer the advertising; a few send GPC. */
    private void visitors(int week, Instant monday) {
        for (int v = 0; v < 6; v++) {
            String device = "demo-device-" + week + "-" + v + "-" + Long.toHexString(random.nextLong());
            boolean gpc = v == 5;
            boolean analytics = random.nextInt(10) < 7;
            boolean advertising = !gpc && random.nextInt(10) < 4;
            String choices = "{\"choices\":[" + choice("web-analytics", analytics) + ","
                    + choice("cross-context-advertising", advertising) + "]}";
            api.visitor("POST", "/api/v1/public/consent/devices/" + device, choices, gpc);
        }
    }

    private static String choice(String purpose, boolean yes) {
        return yes ? "{\"purpose\":\"" + purpose + "\",\"action\":\"GRANT\",\"noticeVersion\":1}"
                : "{\"purpose\":\"" + purpose + "\",\"action\":\"" + (purpose.equals("web-analytics") ? "WITHDRAW"
                : "OPT_OUT") + "\"}";
    }

    /**
     * Two or three requests a week, filed by staff who checked the requester's identity; what happens next depends
     * on the week, so that every state shows: old ones left unanswered are overdue now.
     */
    private void requests(int week) {
        List<Tenant> cloud = cloudTenantsWithSubjects();
        int count = 2 + week % 2;
        for (int r = 0; r < count; r++) {
            Tenant tenant = cloud.get((week + r) % cloud.size());
            if (tenant.subjects().isEmpty()) {
                continue;
            }
            String subject = tenant.subjects().get((week * 3 + r) % tenant.subjects().size());
            String type = TYPES[(week * 3 + r) % TYPES.length];
            String jurisdiction = (week + r) % 4 == 3 ? "CCPA" : "GDPR";
            String details = switch (type) {
                case "RECTIFICATION" -> ",\"details\":{\"corrections\":{\"displayName\":\"" + FIRST[r] + " "
                        + LAST[week % LAST.length] + "\"}}";
                case "OBJECTION" -> ",\"details\":{\"purposes\":[\"direct-marketing\"]}";
                case "WITHDRAW_CONSENT" -> ",\"details\":{\"purposes\":[\"explicit-consent-marketing\"]}";
                case "COMPLAINT" -> ",\"details\":{\"complaint\":\"I received a newsletter after unsubscribing.\"}";
                default -> "";
            };
            JsonObject filed = api.post("/api/v1/requests", "{\"type\":\"" + type + "\",\"jurisdiction\":\""
                    + jurisdiction + "\",\"subject\":{\"tenantId\":\"" + tenant.id() + "\",\"subjectId\":\"" + subject
                    + "\"},\"channel\":\"" + (r % 2 == 0 ? "EMAIL" : "PHONE") + "\",\"identityCheck\":"
                    + "\"Replied from the address on file (demo)\"" + details + "}");
            if (!filed.containsKey("id")) {
                continue;
            }
            requests++;
            advance(filed.getString("id"), filed.getString("dueOn", null), type, week, r);
        }
    }

    /** Recent weeks stay open; older ones were answered, refused, cancelled, extended, or left overdue. */
    private void advance(String id, String dueOn, String type, int week, int r) {
        String path = "/api/v1/requests/" + id;
        int fate = (week * 7 + r * 3) % 6;
        if (week >= WEEKS - 2 || fate == 0) {
            return; // VERIFIED and waiting: the older ones are overdue today
        }
        if (type.equals("ACCESS") || type.equals("PORTABILITY")) {
            fate = 4; // their exports are what a newcomer wants to see
        }
        switch (fate) {
            case 1 -> api.post(path + "/denial", "{\"basis\":\"" + (type.equals("COMPLAINT") ? "MANIFESTLY_UNFOUNDED"
                    : "IDENTITY_NOT_VERIFIED") + "\",\"text\":\"We could not match the request to an account.\"}");
            case 2 -> api.post(path + "/cancellation", null);
            case 3 -> {
                if (dueOn != null) {
                    api.post(path + "/extension", "{\"newDueOn\":\"" + LocalDate.parse(dueOn).plusDays(30)
                            + "\",\"reason\":\"Complex request: the data is in several systems (demo)\"}");
                }
                approve(path, type);
            }
            default -> approve(path, type);
        }
    }

    private void approve(String path, String type) {
        api.post(path + "/approval", null);
        if (type.equals("COMPLAINT")) {
            api.post(path + "/completion", "{\"response\":\"We checked the mailing list: the address was removed on"
                    + " the day of the unsubscribe; one queued mail went out. We apologise.\"}");
        }
    }

    /** A requester who changed their mind: the request is cancelled before its fulfilment starts. */
    private void withdrawnByRequester() {
        Tenant tenant = tenants.get(1);
        if (tenant.subjects().isEmpty()) {
            return;
        }
        JsonObject filed = api.post("/api/v1/requests", "{\"type\":\"PORTABILITY\",\"jurisdiction\":\"GDPR\","
                + "\"subject\":{\"tenantId\":\"" + tenant.id() + "\",\"subjectId\":\"" + tenant.subjects().get(0)
                + "\"},\"channel\":\"PHONE\",\"identityCheck\":\"Called back on the number on file (demo)\"}");
        if (filed.containsKey("id")) {
            requests++;
            api.post("/api/v1/requests/" + filed.getString("id") + "/cancellation", null);
        }
    }

    /** Requests filed on the privacy center this week, still waiting for the mailed code. */
    private void unverified() {
        for (Tenant tenant : cloudTenantsWithSubjects()) {
            if (!tenant.emails().isEmpty()) {
                JsonObject filed = api.visitor("POST", "/api/v1/requests", "{\"type\":\"ACCESS\",\"jurisdiction\":"
                        + "\"GDPR\",\"subject\":{\"email\":" + DemoJson.str(tenant.emails().get(0)) + "}}", false);
                if (filed.containsKey("id")) {
                    requests++;
                }
                return;
            }
        }
    }

    /** Contact data shared with the CRM for support, as the register allows. */
    private void disclosures(int week) {
        for (Tenant tenant : cloudTenantsWithSubjects()) {
            if (tenant.subjects().isEmpty()) {
                continue;
            }
            String subject = tenant.subjects().get(week % tenant.subjects().size());
            api.post("/api/v1/disclosures", "{\"clientId\":\"demo-" + tenant.slug() + "-" + week + "\",\"tenantId\":\""
                    + tenant.id() + "\",\"subjectId\":\"" + subject + "\",\"recipient\":\"Salesforce\","
                    + "\"categories\":[\"contact\"],\"purpose\":\"communication-support\"}");
        }
    }

    private void eraseOne(int week) {
        Tenant tenant = tenants.get(week % 3);
        if (tenant.subjects().size() < 3) {
            return;
        }
        String subject = tenant.subjects().remove(tenant.subjects().size() - 1);
        JsonObject e = api.post("/api/v1/tenants/" + tenant.id() + "/subjects/" + subject + "/erasure",
                "{\"reference\":\"DEMO-" + (100 + week) + "\"}");
        if (e.containsKey("id")) {
            erasures.add(e.getString("id"));
        }
    }

    /** The licensee ends its licence: every one of its subjects is erased, each with a certificate. */
    private void terminate(Tenant tenant) {
        api.post("/api/v1/tenants/" + tenant.id() + "/licence/termination",
                "{\"acknowledgeErasure\":true,\"reason\":\"The customer moved to another product (demo)\"}");
        tenant.subjects().clear();
    }

    private void holdOne() {
        Tenant tenant = tenants.get(2);
        api.post("/api/v1/retention/holds", "{\"scope\":\"TENANT\",\"tenantId\":\"" + tenant.id() + "\",\"reason\":"
                + "\"Pending licence dispute (demo)\",\"owner\":\"Legal\",\"endsAt\":\""
                + now.plus(Duration.ofDays(90)) + "\"}");
    }

    private void proposeSubprocessor() {
        api.post("/api/v1/sharing/subprocessors", "{\"name\":\"Quillon Survey Co. (fictional)\",\"category\":"
                + "\"PRODUCTIVITY\",\"purpose\":\"Customer satisfaction surveys after support cases\","
                + "\"dataCategories\":[\"contact\"],\"countries\":[\"IE\"],\"transferMechanism\":\"NONE_REQUIRED\"}");
    }

    private List<Tenant> cloudTenantsWithSubjects() {
        return tenants.stream().filter(t -> !t.subjects().isEmpty()).toList();
    }
}
