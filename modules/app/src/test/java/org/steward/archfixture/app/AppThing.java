package org.steward.archfixture.app;

public class AppThing {
}
