/**
 * Thread pools of daemon threads shared by every parallel stage, so that a pool left behind by a
 * failure cannot keep the JVM alive. Depends on nothing else in RareSet.
 */
package org.rareset.core.concurrent;
