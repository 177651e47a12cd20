package org.rareset.core;

/** The release version, read from the jar manifest so there is one place to change it (the pom). */
public final class RareSetVersion {
    private RareSetVersion() {}

    /** The version from the jar manifest, or "development build" when run from classes. */
    public static String version() {
        String v = RareSetVersion.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
