package org.rareset.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, so there is one place to change it (the pom). */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = RareSetCommand.class.getPackage().getImplementationVersion();
        return new String[] {"rareset " + (v == null ? "development build" : v),
                "Java " + System.getProperty("java.version")};
    }
}
