#!/usr/bin/env bash
# Sends a PSAT survey campaign to 5,000 partner people (50 partners x 100) against a stub of
# Slack's Web API that enforces Slack's rate limits, and measures how long delivering every
# invitation takes, the sustained messages per minute, the 429s, duplicates and missing ones.
#
#   bench/survey-campaign.sh [partners=50] [people_per_partner=100]
#
# Needs target/partnerbot.jar (build it first with ./mvnw -DskipTests package; this script
# builds only the test classes its drivers compile against, unless BENCH_SKIP_BUILD=1).
# Starts bench/surveys/SlackLimitsStub.java (the tests' stub Slack Web API, with Slack's
# limits) and the jar on random loopback ports, with a fresh embedded PostgreSQL under target/bench-survey-campaign/<time>/, runs
# bench/surveys/CampaignBench.java, then stops both. Logs (stub, app, results) stay in that
# directory; the database is removed after a complete run unless BENCH_KEEP=1.
#
# The stub's workspace-wide chat.postMessage ceiling (600 per sliding minute by default) is
# an assumption: Slack documents 1 message per second per channel and "several hundred
# messages per minute" per workspace.
#
# Settings (environment):
#   BENCH_PARTNERS=50               partners (or the first argument)
#   BENCH_PER_PARTNER=100           people per partner (or the second argument)
#   BENCH_WORKSPACE_PER_MINUTE=600  the stub's workspace-wide chat.postMessage ceiling
#   BENCH_USERS_INFO_PER_MINUTE=6000  the stub's users.info limit (Slack's Tier 4: "100+")
#   BENCH_SLACK_LATENCY_MS=0        added to every stub answer (a network round trip)
#   BENCH_STUB_OPTS=                more stub options (see bench/surveys/SlackLimitsStub.java)
#   BENCH_TIMEOUT_MINUTES=30        give up waiting for delivery after this
#   BENCH_JAVA=/path/java           JDK 21+ to use (else the first under $JAVA_HOME, /usr/lib/jvm)
#   BENCH_APP_JAVA_OPTS=            extra JVM options for the app (e.g. -Xlog:gc)
#   BENCH_KEEP=1                    keep the database directory too
#   PARTNERBOT_JAR=target/partnerbot.jar
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
cd "$root"

partners=${1:-${BENCH_PARTNERS:-50}}
per_partner=${2:-${BENCH_PER_PARTNER:-100}}
ceiling=${BENCH_WORKSPACE_PER_MINUTE:-600}
users_info=${BENCH_USERS_INFO_PER_MINUTE:-6000}
latency=${BENCH_SLACK_LATENCY_MS:-0}
timeout_minutes=${BENCH_TIMEOUT_MINUTES:-30}
jar=${PARTNERBOT_JAR:-$root/target/partnerbot.jar}

for n in "$partners" "$per_partner" "$ceiling" "$users_info" "$latency" "$timeout_minutes"; do
	[[ $n =~ ^[0-9]+$ ]] || { echo "not a number: '$n' (usage: $0 [partners] [people_per_partner])" >&2; exit 2; }
done
if [[ ! -f $jar ]]; then
	echo "no jar at $jar: build it first with  ./mvnw -DskipTests package  (or set PARTNERBOT_JAR)" >&2
	exit 2
fi
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")

# --- a JDK 21 or newer, free loopback ports, the drivers on the test classpath, stopping the
# app (harness.sh)
source "$here/harness.sh"
java=$(bench_java)
compile_drivers CampaignBench bench/surveys/CampaignBench.java bench/surveys/SlackLimitsStub.java bench/BenchApp.java
app_port=${BENCH_APP_PORT:-$(free_port)}
stub_port=${BENCH_STUB_PORT:-$(free_port "$app_port")}

work=$root/target/bench-survey-campaign/$(date +%Y%m%d-%H%M%S)
data=$work/data
mkdir -p "$work" "$work/empty-content"
app_log=$work/app.log
stub_log=$work/stub.log
result=$work/result.txt
admin_token=bench-admin-$RANDOM$RANDOM
app_pid=""
stub_pid=""

stop_all() {
	local status=$?
	stop_app_process "$app_pid" "$data"
	if [[ -n $stub_pid ]] && kill -0 "$stub_pid" 2>/dev/null; then
		# the stub writes its final stats to its log as it stops
		kill -TERM "$stub_pid" 2>/dev/null || true
		wait "$stub_pid" 2>/dev/null || true
	fi
	if [[ $status -ne 0 ]]; then
		echo "failed or incomplete (exit $status); last lines of the app log:" >&2
		tail -n 20 "$app_log" >&2 2>/dev/null || true
	elif [[ ${BENCH_KEEP:-0} != 1 ]]; then
		rm -rf "$data"
	fi
	echo "logs: $work (app.log, stub.log, result.txt$([[ -d $data ]] && echo ", data/"))"
	exit "$status"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

{
	echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "jdk: $java ($("$java" -version 2>&1 | head -n1))"
	echo "machine: $(nproc) cpus, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
	echo "jar: $jar"
	echo "people: $partners partners x $per_partner = $(( partners * per_partner )); workspace ceiling $ceiling/min (assumed)"
	echo "app: http://127.0.0.1:$app_port, stub Web API: http://127.0.0.1:$stub_port/api/, data: $data"
} | tee "$result"

# shellcheck disable=SC2086 # BENCH_STUB_OPTS is a list of options
"$java" -cp "$driver_cp" SlackLimitsStub --port "$stub_port" \
	--partners "$partners" --per-partner "$per_partner" \
	--workspace-per-minute "$ceiling" --users-info-per-minute "$users_info" \
	--latency-ms "$latency" ${BENCH_STUB_OPTS:-} >"$stub_log" 2>&1 &
stub_pid=$!
started=$SECONDS
until (exec 3<>"/dev/tcp/127.0.0.1/$stub_port") 2>/dev/null; do
	kill -0 "$stub_pid" 2>/dev/null || { echo "the stub exited during start-up:" >&2; cat "$stub_log" >&2; exit 1; }
	(( SECONDS - started < 30 )) || { echo "the stub did not listen within 30 s" >&2; exit 1; }
	sleep 0.2
done

# shellcheck disable=SC2086 # BENCH_APP_JAVA_OPTS is a list of options
SERVER_PORT=$app_port \
	PARTNERBOT_DATA_DIR=$data \
	PARTNERBOT_CONTENT_DIR=$work/empty-content \
	PARTNERBOT_ADMIN_TOKEN=$admin_token \
	SLACK_SIGNING_SECRET=bench-secret-$RANDOM$RANDOM \
	SLACK_BOT_TOKEN=xoxb-bench \
	SLACK_API_URL=http://127.0.0.1:$stub_port/api/ \
	PARTNERBOT_ALERTS_CHANNEL=C_ALERTS \
	PARTNERBOT_LOG_FORMAT= \
	"$java" --add-modules jdk.incubator.vector ${BENCH_APP_JAVA_OPTS:-} -jar "$jar" >"$app_log" 2>&1 &
app_pid=$!

# the driver waits for health too; waiting here as well notices an app that died
started=$SECONDS
if command -v curl >/dev/null; then
	until curl -fsS "http://127.0.0.1:$app_port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
		kill -0 "$app_pid" 2>/dev/null || { echo "the app exited during start-up" >&2; exit 1; }
		(( SECONDS - started < 180 )) || { echo "the app is not healthy after 180 s" >&2; exit 1; }
		sleep 0.5
	done
	echo "app healthy after $(( SECONDS - started )) s" | tee -a "$result"
fi

"$java" -cp "$driver_cp" CampaignBench \
	--app-url "http://127.0.0.1:$app_port" \
	--stub-url "http://127.0.0.1:$stub_port" \
	--admin-token "$admin_token" \
	--partners "$partners" \
	--per-partner "$per_partner" \
	--timeout-minutes "$timeout_minutes" \
	--health-wait 180 2>&1 | tee -a "$result"

echo "app log: WARN/ERROR lines after start-up: $(awk '/Started PartnerbotApplication/ { s = 1; next } s && / (WARN|ERROR) /' "$app_log" | wc -l)" |
	tee -a "$result"
