package org.steward.archfixture.alpha.api;

public interface LeakyApi {
    org.steward.archfixture.alpha.internal.AlphaThing leak();
}
