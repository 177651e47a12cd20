/**
 * How every command writes its outputs: under a temporary name beside the target, renamed when
 * complete ({@link org.rareset.core.output.OutputFiles}); temporary files deleted on failure and
 * when the JVM is stopped by SIGTERM/SIGINT ({@link org.rareset.core.output.ExitCleanup}); no
 * output path may name an input ({@link org.rareset.core.output.FileRoles}); and a failed write
 * (read-only folder, full disk, a folder in the way) is one line naming the path and the cause
 * ({@link org.rareset.core.output.WriteFailure}).
 */
package org.rareset.core.output;
