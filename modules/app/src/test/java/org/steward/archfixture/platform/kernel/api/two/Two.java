package org.steward.archfixture.platform.kernel.api.two;

public class Two {
    org.steward.archfixture.platform.kernel.api.one.One one;
}
