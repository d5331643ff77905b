package org.steward.archfixture.platform.kernel.api;

public class KernelThing {
    org.steward.archfixture.alpha.api.AlphaApi module;
    org.steward.archfixture.platform.crypto.api.CryptoThing crypto;
}
