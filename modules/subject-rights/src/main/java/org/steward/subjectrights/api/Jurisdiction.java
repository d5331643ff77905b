package org.steward.subjectrights.api;

/** The law a request is made under: it sets the deadlines, the denial bases and the wording of the answer. */
public enum Jurisdiction {
    /** The EU General Data Protection Regulation (2016/679). */
    GDPR,
    /** The UK GDPR, with the Data Protection Act 2018. */
    UK_GDPR,
    /** The California Consumer Privacy Act, as amended by the CPRA, and its regulations (11 CCR §7000 ff.). */
    CCPA
}
