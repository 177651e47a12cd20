/**
 * Logging and usage messages shared by every command: timestamped stderr lines, {@code --log-file},
 * line prefixes and one-line usage hints. Must not depend on the commands in {@code cli}.
 */
package org.rareset.cli.log;
