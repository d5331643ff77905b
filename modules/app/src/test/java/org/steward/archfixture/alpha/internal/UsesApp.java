package org.steward.archfixture.alpha.internal;

public class UsesApp {
    org.steward.archfixture.app.AppThing app;
}
