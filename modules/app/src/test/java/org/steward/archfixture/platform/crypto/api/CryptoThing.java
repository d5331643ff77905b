package org.steward.archfixture.platform.crypto.api;

public class CryptoThing {
    org.steward.archfixture.platform.kernel.api.KernelThing kernel;
}
