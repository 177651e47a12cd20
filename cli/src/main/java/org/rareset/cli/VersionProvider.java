package org.rareset.cli;

import org.rareset.core.RareSetVersion;
import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, so there is one place to change it (the pom). */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"rareset " + version(), "Java " + System.getProperty("java.version")};
    }

    /** The version from the jar manifest, or "development build" when run from classes. */
    public static String version() {
        return RareSetVersion.version();
    }
}
