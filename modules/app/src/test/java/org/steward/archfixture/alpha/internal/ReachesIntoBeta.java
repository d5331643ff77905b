package org.steward.archfixture.alpha.internal;

public class ReachesIntoBeta {
    org.steward.archfixture.beta.internal.BetaThing thing;
}
