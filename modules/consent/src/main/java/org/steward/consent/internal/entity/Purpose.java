package org.steward.consent.internal.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;
import org.steward.consent.api.CcpaDisclosure;
import org.steward.consent.api.LegalBasis;

/**
 * A purpose of processing (policy §5) with its legal basis (§6). Its key is stable: records and clients use it. Its
 * name, description, categories and flags may be edited; its legal basis may not (the states recorded under it would
 * change meaning). A retired purpose keeps its notices, events and states, but nothing new may be granted for it.
 */
@Entity
@Table(name = "consent_purpose")
public class Purpose {

    @Id
    @Column(name = "purpose_key", length = 64)
    private String key;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description", nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis", nullable = false)
    private LegalBasis legalBasis;

    @Enumerated(EnumType.STRING)
    @Column(name = "ccpa", nullable = false)
    private CcpaDisclosure ccpa;

    @Column(name = "opt_out_allowed", nullable = false)
    private boolean optOutAllowed;

    /** Sent by email: every such purpose gets an unsubscribe link. */
    @Column(name = "email", nullable = false)
    private boolean email;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "consent_purpose_category", joinColumns = @JoinColumn(name = "purpose_key"))
    @Column(name = "category_key")
    private Set<String> categories = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Column(name = "retired_at")
    private OffsetDateTime retiredAt;

    @Column(name = "retirement_reason", length = 500)
    private String retirementReason;

    protected Purpose() {
    }

    public Purpose(String key, String name, String description, LegalBasis legalBasis, CcpaDisclosure ccpa,
                   boolean optOutAllowed, boolean email, Set<String> categories, OffsetDateTime now) {
        this.key = key;
        this.name = name;
        this.description = description;
        this.legalBasis = legalBasis;
        this.ccpa = ccpa;
        this.optOutAllowed = optOutAllowed;
        this.email = email;
        this.categories = new TreeSet<>(categories);
        this.createdAt = now;
    }

    public String key() {
        return key;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public LegalBasis legalBasis() {
        return legalBasis;
    }

    public CcpaDisclosure ccpa() {
        return ccpa;
    }

    public boolean optOutAllowed() {
        return optOutAllowed;
    }

    public boolean email() {
        return email;
    }

    public Set<String> categories() {
        return new TreeSet<>(categories);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public OffsetDateTime retiredAt() {
        return retiredAt;
    }

    public String retirementReason() {
        return retirementReason;
    }

    public boolean retired() {
        return retiredAt != null;
    }

    /** Sharing for cross-context behavioural advertising (CCPA). */
    public boolean sharing() {
        return ccpa == CcpaDisclosure.SHARING;
    }

    /** Replaces what the edit gives; the caller has checked the result. */
    public void change(String name, String description, CcpaDisclosure ccpa, boolean optOutAllowed, boolean email,
                       Set<String> categories, OffsetDateTime now) {
        this.name = name;
        this.description = description;
        this.ccpa = ccpa;
        this.optOutAllowed = optOutAllowed;
        this.email = email;
        this.categories = new TreeSet<>(categories);
        this.updatedAt = now;
    }

    /** Once: a second retirement keeps the first one's time and reason. */
    public boolean retire(String reason, OffsetDateTime now) {
        if (retiredAt != null) {
            return false;
        }
        this.retiredAt = now;
        this.retirementReason = reason;
        this.updatedAt = now;
        return true;
    }
}
