/**
 * The project-wide basics every module uses: {@link org.rareset.core.InputException} (bad input as
 * one line naming source, place and hint; exit code 2), notes about inputs that are not errors, and
 * the release version. Depends on no other RareSet package.
 */
package org.rareset.core;
