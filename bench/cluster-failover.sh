#!/usr/bin/env bash
# Two instances of the bot on one PostgreSQL behind a loopback balancer, taking signed deliveries
# at a steady rate; one instance is killed (SIGKILL) mid-run. Prints the acknowledgement latency
# and the mentions answered: lost (acknowledged, never answered) and doubled (none expected),
# then what PostgreSQL kept: deliveries stored (and how long after their acknowledgement), never
# stored, and run again by the survivor's recovery.
#
#   bench/cluster-failover.sh [path/to/partnerbot.jar]
#
# bench/ClusterFailover.java runs the PostgreSQL (embedded), the tests' stub Slack Web API,
# the balancer (bench/LoopbackBalancer.java) and the two jar processes. Builds the jar and the
# test classes first unless BENCH_SKIP_BUILD=1.
#
# Settings (environment):
#   BENCH_RATE=200            deliveries per second
#   BENCH_DURATION=40         seconds of load
#   BENCH_KILL_AT=20          second at which the second instance is killed
#   BENCH_MENTION_EVERY=20    every Nth delivery mentions the bot (and needs an answer)
#   BENCH_SLACK_LATENCY_MS=100  each call to the stub Slack Web API takes this long: an instance
#                             killed mid-run has answers in hand, which the survivor runs again
#   BENCH_KEEP=1              keep the work directory (instance logs, database)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
cd "$root"
source "$here/harness.sh"
if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
	./mvnw -q -B -DskipTests package
fi
jar=$(bench_jar "$root" "${1:-}")
java=$(bench_java)
compile_drivers ClusterFailover bench/ClusterFailover.java bench/LoopbackBalancer.java bench/SlackAckLatency.java \
	bench/BenchApp.java
work=$(mktemp -d /tmp/partnerbot-cluster.XXXXXX)
cleanup() {
	local status=$?
	if [[ $status -ne 0 || ${BENCH_KEEP:-0} == 1 ]]; then echo "kept $work (instance logs a.log, b.log)"; else rm -rf "$work"; fi
	exit "$status"
}
trap cleanup EXIT
bench_machine "$java"
echo "jar: $jar"
DJL_CACHE_DIR=$work/djl "$java" --add-modules jdk.incubator.vector -cp "$driver_cp" ClusterFailover \
	--jar "$jar" --java "$java" --work "$work" \
	--rate "${BENCH_RATE:-200}" --duration "${BENCH_DURATION:-40}" --kill-at "${BENCH_KILL_AT:-20}" \
	--mention-every "${BENCH_MENTION_EVERY:-20}" --slack-latency-ms "${BENCH_SLACK_LATENCY_MS:-100}"
