/**
 * The Spark runner (docs/spark.md): {@code spark-submit --class org.rareset.spark.SparkMain
 * rareset-spark.jar assoc|score|ingest ...} with the command line's own options. For assoc and
 * score the driver prepares the run once, splits the genes into work units of similar cost
 * ({@link org.rareset.spark.WorkPlanner}), each executor prepares once per JVM and runs the
 * single-machine engine on its units, and the driver joins the parts with {@code rareset merge}'s
 * code; for ingest each input file is a shard store written by one task, joined by the driver.
 * Uses every other module; none uses it.
 */
package org.rareset.spark;
