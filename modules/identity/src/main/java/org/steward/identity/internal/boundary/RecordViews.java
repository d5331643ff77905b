package org.steward.identity.internal.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answers for each personal-data record type. The connection's token is never returned: only {@code hasToken}. */
public final class RecordViews {

    private RecordViews() {
    }

    @Schema(name = "ContactRecord")
    public record Contact(@Schema(required = true, format = "uuid") String id,
                          @Schema(required = true, format = "uuid") String subjectId,
                          @Schema(required = true, format = "date-time") OffsetDateTime obtainedAt,
                          @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
                          String name, @Schema(format = "email") String email, String username, String message) {
    }

    @Schema(name = "FeedbackRecord")
    public record Feedback(@Schema(required = true, format = "uuid") String id,
                           @Schema(required = true, format = "uuid") String subjectId,
                           @Schema(required = true, format = "date-time") OffsetDateTime obtainedAt,
                           @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
                           String name, @Schema(format = "email") String email, String text) {
    }

    @Schema(name = "ConnectionRecord")
    public record Connection(@Schema(required = true, format = "uuid") String id,
                             @Schema(required = true, format = "uuid") String subjectId,
                             @Schema(required = true, format = "date-time") OffsetDateTime obtainedAt,
                             @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
                             @Schema(format = "uri") String siteUrl, @Schema(format = "email") String userEmail,
                             @Schema(required = true) boolean hasToken) {
    }

    @Schema(name = "SyncProfileRecord")
    public record SyncProfile(@Schema(required = true, format = "uuid") String id,
                              @Schema(required = true, format = "uuid") String subjectId,
                              @Schema(required = true, format = "date-time") OffsetDateTime obtainedAt,
                              @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
                              String name, Map<String, String> statusMappings, List<String> issueTypes,
                              Map<String, String> fieldValues, Map<String, String> userEmailMappings) {
    }

    @Schema(name = "DripActivityRecord")
    public record DripActivity(@Schema(required = true, format = "uuid") String id,
                               @Schema(required = true, format = "uuid") String subjectId,
                               @Schema(required = true, format = "date-time") OffsetDateTime obtainedAt,
                               @Schema(required = true, format = "date-time") OffsetDateTime createdAt,
                               String sequence, Integer step,
                               @Schema(enumeration = {"SENT", "DELIVERED", "OPENED", "CLICKED", "BOUNCED", "UNSUBSCRIBED"}) String event) {
    }

    @Schema(name = "ContactPage")
    public record ContactPage(@Schema(required = true, type = SchemaType.ARRAY, implementation = Contact.class) List<Contact> items, String nextCursor) {
    }

    @Schema(name = "FeedbackPage")
    public record FeedbackPage(@Schema(required = true, type = SchemaType.ARRAY, implementation = Feedback.class) List<Feedback> items, String nextCursor) {
    }

    @Schema(name = "ConnectionPage")
    public record ConnectionPage(@Schema(required = true, type = SchemaType.ARRAY, implementation = Connection.class) List<Connection> items, String nextCursor) {
    }

    @Schema(name = "SyncProfilePage")
    public record SyncProfilePage(@Schema(required = true, type = SchemaType.ARRAY, implementation = SyncProfile.class) List<SyncProfile> items, String nextCursor) {
    }

    @Schema(name = "DripActivityPage")
    public record DripActivityPage(@Schema(required = true, type = SchemaType.ARRAY, implementation = DripActivity.class) List<DripActivity> items, String nextCursor) {
    }
}
