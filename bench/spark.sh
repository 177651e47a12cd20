#!/usr/bin/env bash
# Overhead of the Spark runner: `rareset-spark assoc` on Spark local[2] against `rareset assoc
# --threads 2` on the same genotype store (target: under 1.3x), and its scaling from local[1] to
# local[2]. Every run is timed with /usr/bin/time -v (wall time, CPU time = user + sys, peak
# resident memory); medians over RUNS runs (the three runners interleaved) are printed with the load
# average. The overhead is given in CPU time as well as wall time: on a shared machine the wall
# time is mostly waiting for a core. The Spark runs use the shaded
# spark/target/rareset-spark.jar on Spark 3.5.8's own classpath as a cluster provides it
# (spark-core and its dependencies with Jackson 2.15 and SLF4J 2, resolved once by Maven into
# bench/out/spark/spark-classpath), started as spark-submit starts a driver: java with Spark's
# --add-opens list, spark.master from a system property, UI off.
#
#   bench/spark.sh                               # 20,000 samples, 400 genes, 3 runs of each
#   SAMPLES=100000 GENES=400 RUNS=3 NICE=19 bench/spark.sh
#
# The cohort is simulated straight into a genotype store (simulate --store), as docs/biobank.md
# does for large cohorts. The logs are kept (bench/out/spark/<runner>_<k>.log): the CLI's says how
# long its gene tests took (CPU), the Spark driver's gives the wall and CPU time at the end of each
# phase (Spark context, preparation, null models and broadcast, units, merge), so Spark's extra
# time can be placed.
#
# The CLI's and the Spark runner's results are compared byte for byte once.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SAMPLES="${SAMPLES:-20000}"
GENES="${GENES:-400}"
RUNS="${RUNS:-3}"
TESTS="${TESTS:-burden,skat,skato,acatv,acato}"
NICE="${NICE:-10}"
out="$root/bench/out/spark"
mkdir -p "$out"
[[ -f cli/target/rareset.jar && -f spark/target/rareset-spark.jar ]] || nice -n "$NICE" mvn -B -ntp -q -pl spark -am package -DskipTests

# Spark 3.5.8 as a cluster ships it (its jars folder): spark-core's runtime dependencies.
cpdir="$out/spark-classpath"
if [[ ! -s "$cpdir/cp.txt" ]]; then
  mkdir -p "$cpdir"
  cat > "$cpdir/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>spark-classpath</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.spark</groupId><artifactId>spark-core_2.12</artifactId><version>3.5.8</version></dependency>
    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-core</artifactId><version>2.15.2</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>2.0.7</version></dependency>
  </dependencies>
</project>
POM
  (cd "$cpdir" && nice -n "$NICE" mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile="$cpdir/cp.txt")
fi
# run copies of the jars, so that a build meanwhile cannot change them under a running JVM
mkdir -p "$out/jars"
cp cli/target/rareset.jar spark/target/rareset-spark.jar "$out/jars/"
cli_jar="$out/jars/rareset.jar"
spark_jar="$out/jars/rareset-spark.jar"
opens=$(sed -n 's:.*<spark.java17.options>\(.*\)</spark.java17.options>.*:\1:p' spark/pom.xml)

dir="$out/sim_${SAMPLES}_${GENES}"
if [[ ! -f "$dir/cohort.rsg" ]]; then
  nice -n "$NICE" java -jar "$cli_jar" simulate --out "$dir" --samples "$SAMPLES" --genes "$GENES" --seed 1 --store --quiet
fi
common=(assoc --store "$dir/cohort.rsg" --annotations "$dir/annotations.tsv" --pheno "$dir/pheno.tsv"
        --covar "$dir/covar.tsv" --phenotypes QT,BT --tests "$TESTS")

run() { # mode run-number -> "wall_seconds max_rss_kb cpu_seconds"
  local mode=$1 k=$2 res="$out/${mode}_$2.tsv" tlog="$out/${mode}_$2.time"
  case $mode in
    cli) nice -n "$NICE" /usr/bin/time -v -o "$tlog" java -jar "$cli_jar" "${common[@]}" --threads 2 --out "$res" 2>"$out/${mode}_$k.log" ;;
    local1|local2)
      nice -n "$NICE" /usr/bin/time -v -o "$tlog" java $opens -Dspark.master="local[${mode#local}]" -Dspark.ui.enabled=false \
        -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 \
        -cp "$spark_jar:$(cat "$cpdir/cp.txt")" org.rareset.spark.SparkMain "${common[@]}" --out "$res" \
        2>"$out/${mode}_$k.log" ;;
  esac
  local wall rss cpu
  wall=$(grep 'Elapsed (wall clock)' "$tlog" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss=$(grep 'Maximum resident set size' "$tlog" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$tlog")
  echo "$wall $rss $cpu"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

declare -A walls rsss cpus
loads=()
for k in $(seq 1 "$RUNS"); do
  for mode in cli local2 local1; do
    read -r w r c < <(run "$mode" "$k")
    walls[$mode]+="$w "
    rsss[$mode]+="$r "
    cpus[$mode]+="$c "
  done
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
done
cmp -s "$out/cli_1.tsv" "$out/local2_1.tsv" && same="byte-identical" || same="DIFFERENT"

printf '%-8s %10s %10s %12s %s\n' runner "wall s" "CPU s" "peak RSS MB" "wall times (s) / CPU times (s)"
for mode in cli local2 local1; do
  mw=$(echo "${walls[$mode]}" | tr ' ' '\n' | grep . | median)
  mc=$(echo "${cpus[$mode]}" | tr ' ' '\n' | grep . | median)
  mr=$(echo "${rsss[$mode]}" | tr ' ' '\n' | grep . | median)
  printf '%-8s %10.1f %10.1f %12.0f %s/ %s\n' "$mode" "$mw" "$mc" "$(echo "$mr / 1024" | bc -l)" "${walls[$mode]}" "${cpus[$mode]}"
  eval "med_$mode=$mw"
  eval "cpu_$mode=$mc"
done
echo "overhead local[2] / CLI --threads 2: wall $(echo "$med_local2 / $med_cli" | bc -l | xargs printf '%.2f')x," \
  "CPU $(echo "$cpu_local2 / $cpu_cli" | bc -l | xargs printf '%.2f')x (target < 1.3x)"
echo "scaling local[1] / local[2], wall: $(echo "$med_local1 / $med_local2" | bc -l | xargs printf '%.2f')x (2 = perfect on 2 idle cores)"
echo "cohort: $SAMPLES samples, $GENES genes, traits QT and BT, tests $TESTS; medians of $RUNS runs; results $same;" \
  "1-minute load average after each round: ${loads[*]} on $(nproc) cores"
