#!/usr/bin/env bash
# Acknowledgement latency of POST /slack/events under concurrent signed deliveries.
#
#   bench/slack-ack-latency.sh [path/to/partnerbot.jar]
#
# Starts the app jar (default target/partnerbot.jar, or $PARTNERBOT_JAR, or the argument)
# with a fresh data directory, the tests' stub Slack Web API (run by bench/SlackAckLatency.java,
# compiled against the test classpath: the script runs Maven's test-compile first unless
# BENCH_SKIP_BUILD=1) and random loopback ports; waits for /actuator/health and the start-up reindex; sends a warm-up, then each rate
# open-loop for the duration; prints one result line per rate; stops the app on exit.
# First, unless BENCH_FLOOR=0, the same deliveries at the same rates go to the floor: a bare
# Bolt app (bench/BareBolt.java) that only acknowledges; the last lines print each rate's
# percentiles beside the floor's, and their ratio.
#
# Settings (environment):
#   BENCH_RATES=50,200      deliveries per second, one phase each
#   BENCH_DURATION=30       seconds per phase
#   BENCH_WARMUP=5          warm-up seconds (not counted), at BENCH_WARMUP_RATE=50
#   BENCH_TIMEOUT_MS=3000   a delivery not answered within this is an error
#   BENCH_JAVA=/path/java   JDK 21+ to use (else the first under $JAVA_HOME, /usr/lib/jvm)
#   BENCH_APP_JAVA_OPTS=    extra JVM options for the app (e.g. -Xlog:gc)
#   BENCH_DATA_DIR=         data directory for the app (default: a new one under /tmp, removed after)
#   BENCH_KEEP=1            keep the temporary directory (app log, database) after the run
#   BENCH_PAYLOAD=          the delivery template (default: the app_mention ext_shared payload of the tests)
#   BENCH_FLOOR=1           measure the bare Bolt app first (0: skip it)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
# --- a JDK 21 or newer, the jar, free loopback ports, stopping the app (harness.sh)
source "$here/harness.sh"
jar=$(bench_jar "$root" "${1:-}")
rates=${BENCH_RATES:-50,200}
duration=${BENCH_DURATION:-30}
warmup=${BENCH_WARMUP:-5}
warmup_rate=${BENCH_WARMUP_RATE:-50}
timeout_ms=${BENCH_TIMEOUT_MS:-3000}
payload=${BENCH_PAYLOAD:-$root/src/test/resources/slack/payloads/event_callback.app_mention.ext_shared.json}

java=$(bench_java)
pushd "$root" >/dev/null
compile_drivers SlackAckLatency bench/SlackAckLatency.java bench/BareBolt.java bench/BenchApp.java
popd >/dev/null
app_port=${BENCH_APP_PORT:-$(free_port)}
stub_port=${BENCH_STUB_PORT:-$(free_port "$app_port")}

work=$(mktemp -d /tmp/partnerbot-bench.XXXXXX)
data=${BENCH_DATA_DIR:-$work/data}
log=$work/app.log
secret=bench-secret-$RANDOM$RANDOM
admin_token=bench-admin-$RANDOM$RANDOM
app_pid=""
floor_pid=""

stop_app() {
	local status=$?
	stop_app_process "$floor_pid" "$work"
	end_run "$status" "$app_pid" "$data" "$work" "$log"
}
trap stop_app EXIT
trap 'exit 130' INT TERM

bench_machine "$java"
echo "jar: $jar"
echo "app: http://127.0.0.1:$app_port, stub Web API: http://127.0.0.1:$stub_port/api/, data: $data"

# the same deliveries: the harness's options for both targets
harness_args=(--stub-port "$stub_port" --secret "$secret" --rates "$rates" --duration "$duration"
	--warmup "$warmup" --warmup-rate "$warmup_rate" --timeout-ms "$timeout_ms" --payload "$payload")
floor_results=$work/floor-results.txt
if [[ ${BENCH_FLOOR:-1} != 0 ]]; then
	echo "--- the floor: a bare Bolt app (bench/BareBolt.java) ---"
	# shellcheck disable=SC2086 # BENCH_APP_JAVA_OPTS is a list of options
	"$java" ${BENCH_APP_JAVA_OPTS:-} -cp "$driver_cp" BareBolt --port "$app_port" --secret "$secret" \
		--api-url "http://127.0.0.1:$stub_port/api/" >"$work/floor.log" 2>&1 &
	floor_pid=$!
	"$java" -cp "$driver_cp" SlackAckLatency --app-url "http://127.0.0.1:$app_port" --floor true \
		--results "$floor_results" "${harness_args[@]}"
	stop_app_process "$floor_pid" "$work"
	floor_pid=""
	echo "--- Partnerbot ---"
fi

# shellcheck disable=SC2086 # BENCH_APP_JAVA_OPTS is a list of options
SERVER_PORT=$app_port \
	PARTNERBOT_DATA_DIR=$data \
	SLACK_SIGNING_SECRET=$secret \
	SLACK_BOT_TOKEN=xoxb-bench \
	SLACK_API_URL=http://127.0.0.1:$stub_port/api/ \
	PARTNERBOT_ADMIN_TOKEN=$admin_token \
	PARTNERBOT_LOG_FORMAT= \
	"$java" --add-modules jdk.incubator.vector ${BENCH_APP_JAVA_OPTS:-} -jar "$jar" >"$log" 2>&1 &
app_pid=$!

# the harness waits for health too; waiting here as well notices an app that died
started=$SECONDS
command -v curl >/dev/null || echo "no curl: leaving the health wait to the harness"
until ! command -v curl >/dev/null || curl -fsS "http://127.0.0.1:$app_port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
	kill -0 "$app_pid" 2>/dev/null || { echo "the app exited during start-up" >&2; exit 1; }
	(( SECONDS - started < 90 )) || { echo "the app is not healthy after 90 s" >&2; exit 1; }
	sleep 0.5
done
echo "app healthy after $(( SECONDS - started )) s"
# the app indexes the enablement library at start-up, in the background and CPU-bound; measuring
# acknowledgements while it runs would measure the indexing. A reindex request returns when it
# is done (409 while the start-up one still runs).
if command -v curl >/dev/null; then
	until [[ $(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $admin_token" \
		"http://127.0.0.1:$app_port/api/admin/reindex") == 200 ]]; do
		sleep 1
		(( SECONDS - started < 300 )) || { echo "the start-up reindex did not finish in 300 s" >&2; exit 1; }
	done
	echo "enablement library indexed after $(( SECONDS - started )) s"
fi

"$java" -cp "$driver_cp" SlackAckLatency --app-url "http://127.0.0.1:$app_port" --admin-token "$admin_token" \
	--floor-results "$floor_results" "${harness_args[@]}"

echo "app log: WARN/ERROR lines from request threads: $(awk '/Started PartnerbotApplication/ { s = 1; next } s && / (WARN|ERROR) / && !/\[ *main\]/' "$log" | wc -l)"
