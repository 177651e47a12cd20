/**
 * Which files a command reads and writes, checked after parsing and before the command runs: a
 * command declares its outputs ({@link org.rareset.cli.files.WritesFiles}) and
 * {@link org.rareset.cli.files.FileCheck} refuses an output that is one of its inputs. Used by the
 * commands of every cli package; depends only on {@code core} and {@code cli.log} (the
 * {@code --log-file} option name), never on the commands.
 */
package org.rareset.cli.files;
