package org.steward.identity.api;

/** Where the licensee runs the apps: in Atlassian's cloud, or on its own premises (Data Center). */
public enum HostingMode {
    CLOUD, DATA_CENTER
}
