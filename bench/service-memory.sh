#!/usr/bin/env bash
# The whole service's memory: heap after a collection, the JVM's native memory by kind,
# the process's resident memory, and the index on disk, with the demo library or with
# copies of it up to a number of chunks.
#
#   bench/service-memory.sh [chunks=0] [path/to/partnerbot.jar]
#
# chunks=0: the demo library (content-index/) as it ships. Otherwise the content directory
# holds as many copies of the library as make at least that many chunks: their texts are
# the library's, so the index reuses the stored vectors instead of embedding 100,000 texts
# (docs/benchmarks.md, "Memory defaults"). The app runs with the image's JVM flags
# (BENCH_JVM_FLAGS, default read from pom.xml's jib configuration) plus native memory
# tracking, answers BENCH_QUESTIONS questions through /api/ask to load everything an answer
# touches, and is then measured.
#
# Settings (environment):
#   BENCH_QUESTIONS=100      questions asked before measuring
#   BENCH_JVM_FLAGS=...      the JVM flags to run with (default: the image's, from pom.xml)
#   BENCH_MEMORY_LIMIT=      -XX:MaxRAM= the container limit to emulate (e.g. 2g); unset: the machine's
#   BENCH_JAVA=/path/java    JDK 21+ (else the first under $JAVA_HOME, /usr/lib/jvm)
#   BENCH_KEEP=1             keep the temporary directory
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
source "$here/harness.sh"
target=${1:-0}
jar=$(bench_jar "$root" "${2:-}")
questions=${BENCH_QUESTIONS:-100}
java=$(bench_java)
jcmd=$(dirname "$java")/jcmd
flags=${BENCH_JVM_FLAGS:-$(sed -n 's:.*<jvmFlag>\(.*\)</jvmFlag>.*:\1:p' "$root/pom.xml" | tr '\n' ' ')}
if [[ -n ${BENCH_MEMORY_LIMIT:-} ]]; then
	flags="$flags -XX:MaxRAM=$BENCH_MEMORY_LIMIT"
fi

work=$(mktemp -d /tmp/partnerbot-memory.XXXXXX)
data=$work/data
content=$work/content
admin_token=bench-admin-$RANDOM$RANDOM
app_pid=""
log=$work/app.log

trap 'end_run $? "$app_pid" "$data" "$work" "$log"' EXIT
trap 'exit 130' INT TERM

bench_machine "$java"
echo "jar: $jar"
echo "jvm flags: $flags"

mkdir -p "$content"
cp -r "$root/content-index/." "$content/"

reindex() {
	curl -fsS -X POST -H "Authorization: Bearer $admin_token" "http://127.0.0.1:$port/api/admin/reindex"
}

start_app() {
	port=$(free_port)
	# shellcheck disable=SC2086 # the flags are a list
	SERVER_PORT=$port PARTNERBOT_DATA_DIR=$data PARTNERBOT_CONTENT_DIR=$content PARTNERBOT_ADMIN_TOKEN=$admin_token \
		PARTNERBOT_LOG_FORMAT= "$java" $flags -XX:NativeMemoryTracking=summary \
		-Xlog:gc:file="$work/gc-$port.log" -jar "$jar" >"$log" 2>&1 &
	app_pid=$!
	await_ready "$app_pid" "$port" "$admin_token" 1800
	report=$ready_report
	echo "$report"
}

start_app
chunks=$(sed -n 's/.*"chunks":\([0-9]*\).*/\1/p' <<<"$report")
if (( target > chunks )); then
	copies=$(( (target + chunks - 1) / chunks - 1 ))
	echo "the library has $chunks chunks: adding $copies copies of it"
	for i in $(seq 1 "$copies"); do
		mkdir -p "$content/copy-$i"
		cp -r "$root/content-index/." "$content/copy-$i/"
	done
	started=$SECONDS
	report=$(reindex)
	echo "reindexed in $(( SECONDS - started )) s: $report"
	# a fresh process, as an instance starts with an index this size
	stop_app_process "$app_pid" "$data"
	start_app
fi

# questions of every kind, each through the whole answering
asked=0
while IFS= read -r line && (( asked < questions )); do
	q=$(sed -n 's/.*"question": "\([^"]*\)".*/\1/p' <<<"$line")
	[[ -n $q ]] || continue
	curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
		--data "{\"question\":\"$q\"}" "http://127.0.0.1:$port/api/ask"
	asked=$(( asked + 1 ))
done <"$root/src/test/resources/eval/answers.jsonl"
echo "asked $asked questions"

"$jcmd" "$app_pid" GC.run >/dev/null
sleep 1
echo "--- heap after a full collection (jcmd GC.heap_info) ---"
"$jcmd" "$app_pid" GC.heap_info | sed -n '2,$p'
echo "--- native memory by kind (jcmd VM.native_memory summary, committed) ---"
"$jcmd" "$app_pid" VM.native_memory summary | grep -E '^(Total|-  *[A-Z])' | sed -E 's/\(reserved=[0-9]+KB, //; s/\)$//'
echo "--- the heap over each start (its gc log): the most used after a collection is the peak's upper bound ---"
# "Pause Young (Normal) (G1 Evacuation Pause) 300M->120M(512M)"
for gc in $(ls -tr "$work"/gc-*.log); do
	awk 'match($0, /[0-9]+M->[0-9]+M\([0-9]+M\)/) { split(substr($0, RSTART, RLENGTH), m, /M->|M\(|M\)/);
		if (m[2] + 0 > after) after = m[2] + 0; if (m[3] + 0 > committed) committed = m[3] + 0; n++ }
		END { printf "collections=%d, most used after a collection=%d MB, most committed=%d MB\n", n, after, committed }' "$gc"
done
echo "--- the process ---"
grep -E '^(VmRSS|VmHWM|RssAnon|RssFile)' "/proc/$app_pid/status"
# the embedded PostgreSQL runs as processes of its own: their proportional share (shared buffers split among them)
pg_pss=0
postmaster=$(head -n1 "$(find "$data" -name postmaster.pid | head -n1)" 2>/dev/null || true)
if [[ $postmaster =~ ^[0-9]+$ ]]; then
	for pid in "$postmaster" $(pgrep -P "$postmaster" || true); do
		kb=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
		pg_pss=$(( pg_pss + ${kb:-0} ))
	done
fi
echo "embedded PostgreSQL (postmaster $postmaster and its children): Pss ${pg_pss} kB"
echo "index on disk: $(du -sm "$data" --exclude=postgres 2>/dev/null | cut -f1) MB (data dir without the database), database: $(du -sm "$data/postgres" 2>/dev/null | cut -f1) MB"
echo "max heap: $("$jcmd" "$app_pid" VM.flags | tr ' ' '\n' | sed -n 's/-XX:MaxHeapSize=//p') bytes"
