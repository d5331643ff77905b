package org.steward.archfixture.platform.kernel.api.one;

public class One {
    org.steward.archfixture.platform.kernel.api.two.Two two;
}
