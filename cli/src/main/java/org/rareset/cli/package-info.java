/**
 * The {@code rareset} command line: one picocli command per class, each parsing options, building
 * the engine of its stage and writing the outputs; the only place that maps errors to exit codes.
 * May use every module; the packages below it ({@code options}, {@code log}, {@code pipeline},
 * {@code deeprvat}) must not depend on it.
 */
package org.rareset.cli;
