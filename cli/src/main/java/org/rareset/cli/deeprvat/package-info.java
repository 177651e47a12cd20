/**
 * {@code rareset import deeprvat} and {@code rareset export deeprvat}: DeepRVAT's input
 * configuration and files as a RareSet study, and results back in DeepRVAT's layouts. Must not
 * depend on the commands in {@code cli}.
 */
package org.rareset.cli.deeprvat;
