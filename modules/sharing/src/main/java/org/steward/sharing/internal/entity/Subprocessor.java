package org.steward.sharing.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A recipient of personal data (policy §11): what it receives, where, under which transfer safeguard, and how it is
 * told of an erasure (its connector). A new one is PROPOSED until its notice's objection window ends; a widening of
 * its data waits in {@code pendingCategories} the same way.
 */
@Entity
@Table(name = "sharing_subprocessor")
public class Subprocessor {

    public enum Category { INFRASTRUCTURE, PRODUCTIVITY, SUPPORT, MARKETING_ANALYTICS }

    public enum Status { PROPOSED, ACTIVE, RETIRED }

    /** The safeguard of a transfer outside the EEA (GDPR Art. 45–47), or none needed. */
    public enum TransferMechanism { NONE_REQUIRED, ADEQUACY_DECISION, STANDARD_CONTRACTUAL_CLAUSES, BINDING_CORPORATE_RULES }

    public enum Connector { MANUAL, WEBHOOK, OPENDSR }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "name_key", nullable = false)
    private String nameKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false)
    private Category category;

    @Column(name = "purpose", nullable = false)
    private String purpose;

    @Column(name = "data_categories", nullable = false)
    private String dataCategories;

    @Column(name = "pending_categories")
    private String pendingCategories;

    @Column(name = "countries", nullable = false)
    private String countries;

    @Enumerated(EnumType.STRING)
    @Column(name = "transfer_mechanism", nullable = false)
    private TransferMechanism transferMechanism;

    @Column(name = "dpa_reference")
    private String dpaReference;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private Status status;

    @Column(name = "effective_at", nullable = false)
    private OffsetDateTime effectiveAt;

    @Column(name = "pending_until")
    private OffsetDateTime pendingUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "connector", nullable = false)
    private Connector connector;

    @Column(name = "endpoint_url")
    private String endpointUrl;

    @Column(name = "secret_key_id")
    private String secretKeyId;

    @Column(name = "secret_enc")
    private byte[] secretEnc;

    @Column(name = "certificate_pem")
    private String certificatePem;

    @Column(name = "manual_due_days", nullable = false)
    private int manualDueDays;

    @Column(name = "retired_at")
    private OffsetDateTime retiredAt;

    @Column(name = "retire_reason")
    private String retireReason;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Subprocessor() {
    }

    @SuppressWarnings("java:S107")
    public Subprocessor(String id, String name, Category category, String purpose, SortedSet<String> dataCategories,
                        List<String> countries, TransferMechanism transferMechanism, String dpaReference,
                        OffsetDateTime effectiveAt, OffsetDateTime now) {
        this.id = id;
        rename(name);
        this.category = category;
        this.purpose = purpose;
        this.dataCategories = String.join(",", dataCategories);
        this.countries = String.join(",", countries);
        this.transferMechanism = transferMechanism;
        this.dpaReference = dpaReference;
        this.status = Status.PROPOSED;
        this.effectiveAt = effectiveAt;
        this.connector = Connector.MANUAL;
        this.manualDueDays = 30;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The form names are compared in: trimmed and case-folded, so "AWS" and " aws" are one subprocessor. */
    public static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public void rename(String name) {
        this.name = name.strip();
        this.nameKey = nameKey(name);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Category category() {
        return category;
    }

    public void category(Category category) {
        this.category = category;
    }

    public String purpose() {
        return purpose;
    }

    public void purpose(String purpose) {
        this.purpose = purpose;
    }

    public SortedSet<String> dataCategories() {
        return split(dataCategories);
    }

    public void dataCategories(SortedSet<String> categories) {
        this.dataCategories = String.join(",", categories);
    }

    public SortedSet<String> pendingCategories() {
        return split(pendingCategories);
    }

    /** A widening that waits for its objection window: the categories it will receive once {@code until} passed. */
    public void pending(SortedSet<String> categories, OffsetDateTime until) {
        this.pendingCategories = categories == null ? null : String.join(",", categories);
        this.pendingUntil = until;
    }

    public OffsetDateTime pendingUntil() {
        return pendingUntil;
    }

    public List<String> countries() {
        return List.copyOf(split(countries));
    }

    public void countries(List<String> countries) {
        this.countries = String.join(",", new TreeSet<>(countries));
    }

    public TransferMechanism transferMechanism() {
        return transferMechanism;
    }

    public void transferMechanism(TransferMechanism mechanism) {
        this.transferMechanism = mechanism;
    }

    public String dpaReference() {
        return dpaReference;
    }

    public void dpaReference(String reference) {
        this.dpaReference = reference;
    }

    public Status status() {
        return status;
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    public OffsetDateTime effectiveAt() {
        return effectiveAt;
    }

    public void activate(OffsetDateTime at) {
        this.status = Status.ACTIVE;
        this.effectiveAt = at;
    }

    public void retire(String reason, OffsetDateTime at) {
        this.status = Status.RETIRED;
        this.retiredAt = at;
        this.retireReason = reason;
        this.pendingCategories = null;
        this.pendingUntil = null;
    }

    public OffsetDateTime retiredAt() {
        return retiredAt;
    }

    public String retireReason() {
        return retireReason;
    }

    public Connector connector() {
        return connector;
    }

    public String endpointUrl() {
        return endpointUrl;
    }

    public String secretKeyId() {
        return secretKeyId;
    }

    public byte[] secretEnc() {
        return secretEnc;
    }

    public String certificatePem() {
        return certificatePem;
    }

    public int manualDueDays() {
        return manualDueDays;
    }

    /** How the recipient is told of erasures, corrections and restrictions. */
    public void connect(Connector connector, String endpointUrl, String secretKeyId, byte[] secretEnc,
                        String certificatePem, int manualDueDays) {
        this.connector = connector;
        this.endpointUrl = endpointUrl;
        this.secretKeyId = secretKeyId;
        this.secretEnc = secretEnc;
        this.certificatePem = certificatePem;
        this.manualDueDays = manualDueDays;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public void touched(OffsetDateTime at) {
        this.updatedAt = at;
    }

    private static SortedSet<String> split(String joined) {
        SortedSet<String> out = new TreeSet<>();
        if (joined != null && !joined.isEmpty()) {
            out.addAll(Arrays.asList(joined.split(",")));
        }
        return out;
    }
}
