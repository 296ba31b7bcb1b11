#!/usr/bin/env bash
# Answers a second on this machine, beside the floor, without an LLM and with a stub LLM.
#
#   bench/answer-throughput.sh [path/to/partnerbot.jar]
#
# Starts the app jar twice on one data directory (the second start reuses the stored
# vectors of the enablement library): first with no LLM, then pointed at a stub
# OpenAI-compatible LLM that waits BENCH_LLM_DELAY_MS before each answer. Each time
# bench/AnswerThroughput.java (compiled against the test classpath: the script runs Maven's
# test-compile first unless BENCH_SKIP_BUILD=1) runs the tests' stub Slack Web API, sends a
# warm-up, then BENCH_COUNT distinct answerable partner questions at once as signed
# app_mention deliveries, and counts answers a second as they reach the stub. Beside it:
# without an LLM, the answering alone (POST /api/ask, two at a time, no Slack); with the
# stub LLM, the bound if every question waited on the LLM at once.
#
# Settings (environment):
#   BENCH_COUNT=100          questions (at most 102: the answerable ones)
#   BENCH_WARMUP=15          warm-up questions (paraphrases, not counted)
#   BENCH_FLOOR_THREADS=2    questions the floor asks at a time (the cores)
#   BENCH_LLM_DELAY_MS=1000  the stub LLM's wait
#   BENCH_MODES="none stub"  which runs: no LLM, stub LLM
#   BENCH_JAVA=/path/java    JDK 21+ (else the first under $JAVA_HOME, /usr/lib/jvm)
#   BENCH_APP_JAVA_OPTS=     extra JVM options for the app
#   BENCH_KEEP=1             keep the temporary directory (app logs, database)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
source "$here/harness.sh"
jar=$(bench_jar "$root" "${1:-}")
count=${BENCH_COUNT:-100}
warmup=${BENCH_WARMUP:-15}
floor_threads=${BENCH_FLOOR_THREADS:-2}
delay=${BENCH_LLM_DELAY_MS:-1000}
modes=${BENCH_MODES:-none stub}

java=$(bench_java)
pushd "$root" >/dev/null
compile_drivers AnswerThroughput bench/AnswerThroughput.java bench/SlackAckLatency.java bench/BenchApp.java
popd >/dev/null

work=$(mktemp -d /tmp/partnerbot-answers.XXXXXX)
data=$work/data
secret=bench-secret-$RANDOM$RANDOM
admin_token=bench-admin-$RANDOM$RANDOM
app_pid=""
log=""

trap 'end_run $? "$app_pid" "$data" "$work" "$log"' EXIT
trap 'exit 130' INT TERM

bench_machine "$java"
echo "jar: $jar"

for mode in $modes; do
	app_port=$(free_port)
	stub_port=$(free_port "$app_port")
	llm_port=$(free_port "$stub_port")
	log=$work/app-$mode.log
	llm_env=()
	llm_args=()
	if [[ $mode == stub ]]; then
		llm_env=(OPENAI_BASE_URL="http://127.0.0.1:$llm_port/v1" OPENAI_API_KEY=sk-bench PARTNERBOT_LLM_MODEL=bench-model)
		llm_args=(--llm-port "$llm_port" --llm-delay-ms "$delay")
	fi
	echo "=== answering with LLM: $mode ==="
	# shellcheck disable=SC2086 # BENCH_APP_JAVA_OPTS is a list of options
	env "${llm_env[@]}" SERVER_PORT="$app_port" PARTNERBOT_DATA_DIR="$data" SLACK_SIGNING_SECRET="$secret" \
		SLACK_BOT_TOKEN=xoxb-bench SLACK_API_URL="http://127.0.0.1:$stub_port/api/" \
		PARTNERBOT_ADMIN_TOKEN="$admin_token" PARTNERBOT_LOG_FORMAT= \
		"$java" --add-modules jdk.incubator.vector ${BENCH_APP_JAVA_OPTS:-} -jar "$jar" >"$log" 2>&1 &
	app_pid=$!
	await_ready "$app_pid" "$app_port" "$admin_token" 300
	"$java" -cp "$driver_cp" AnswerThroughput --app-url "http://127.0.0.1:$app_port" --stub-port "$stub_port" \
		--secret "$secret" --admin-token "$admin_token" --count "$count" --warmup "$warmup" --floor-threads "$floor_threads" \
		--questions "$root/src/test/resources/eval/answers.jsonl" \
		--payload "$root/src/test/resources/slack/payloads/event_callback.app_mention.ext_shared.json" \
		--floor-results "$work/floor-rate.txt" "${llm_args[@]}"
	echo "app log: WARN/ERROR lines after start-up: $(awk '/Started PartnerbotApplication/ { s = 1; next } s && / (WARN|ERROR) /' "$log" | wc -l)"
	stop_app_process "$app_pid" "$data"
	app_pid=""
done
