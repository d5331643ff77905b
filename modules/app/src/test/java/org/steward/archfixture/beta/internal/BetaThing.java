package org.steward.archfixture.beta.internal;

public class BetaThing {
}
