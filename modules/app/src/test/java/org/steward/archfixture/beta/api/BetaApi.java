package org.steward.archfixture.beta.api;

public interface BetaApi {
    org.steward.archfixture.alpha.api.AlphaApi partner();
}
