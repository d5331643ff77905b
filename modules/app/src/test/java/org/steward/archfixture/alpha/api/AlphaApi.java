package org.steward.archfixture.alpha.api;

public interface AlphaApi {
    org.steward.archfixture.beta.api.BetaApi partner();
}
