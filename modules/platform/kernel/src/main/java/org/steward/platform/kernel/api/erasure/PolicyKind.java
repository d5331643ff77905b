package org.steward.platform.kernel.api.erasure;

/** Which records of a category a retention policy makes due ({@link CategoryErasure}). */
public enum PolicyKind {
    /** Records obtained before the cutoff. */
    FIXED,
    /** Records of subjects whose last activity (a change, a record obtained) is before the cutoff. */
    INACTIVITY,
    /** Records of the subjects whose purposes for the category all ended, obtained up to that end. */
    PURPOSE_FULFILLED
}
