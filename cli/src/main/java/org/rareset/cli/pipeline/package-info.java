/**
 * {@code rareset pipeline}: the study configuration, the plan of steps, preflight checks, the
 * manifest and checksums that decide what reruns, chunk merging. Must not depend on the commands in
 * {@code cli}.
 */
package org.rareset.cli.pipeline;
