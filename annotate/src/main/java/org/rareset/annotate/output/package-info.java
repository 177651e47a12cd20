/**
 * How every command writes its outputs: under a temporary name beside the target, renamed when
 * complete ({@link org.rareset.annotate.output.OutputFiles}); temporary files deleted on failure and
 * when the JVM is stopped by SIGTERM/SIGINT ({@link org.rareset.annotate.output.ExitCleanup}); no
 * output path may name an input ({@link org.rareset.annotate.output.FileRoles}); and a failed write
 * (read-only folder, full disk, a folder in the way) is one line naming the path and the cause
 * ({@link org.rareset.annotate.output.WriteFailure}).
 */
package org.rareset.annotate.output;
