package org.steward.archfixture.alpha.internal;

public class AlphaThing {
}
