# Sourced by the bench scripts that run a harness against the product's own classes:
#   run_harness SOURCE MAIN_CLASS WORK_DIR ARGS...
# builds the classes, compiles SOURCE against them with a JDK 21+, and runs MAIN_CLASS.

find_jdk() {
	local dir
	for dir in ${JAVA_HOME:-} /usr/lib/jvm/*; do
		if [[ -x $dir/bin/javac ]] && "$dir/bin/java" -XshowSettings:properties -version 2>&1 |
			awk -F'= ' '/java.specification.version/ {exit !($2 >= 21)}'; then echo "$dir"; return; fi
	done
	echo "needs a JDK 21+" >&2
	exit 2
}

run_harness() {
	local source=$1 main=$2 work=$3
	shift 3
	local java_home classes=target/bench-classes/$(basename "$source" .java)
	java_home=$(find_jdk)
	./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
	local cp="target/classes:$(cat target/bench-classpath.txt)"
	rm -rf "$classes"
	mkdir -p "$classes" "$work"
	"$java_home/bin/javac" -d "$classes" -cp "$cp" "$source"
	DJL_CACHE_DIR=$work/djl "$java_home/bin/java" --add-modules jdk.incubator.vector -Djna.tmpdir="$work/jna" \
		-cp "$classes:$cp" "$main" "$@"
}

# Compiles bench drivers against the test classpath (the application's classes, its test
# classes, such as the Slack Web API stub, and every dependency), building them first unless
# BENCH_SKIP_BUILD=1:  compile_drivers NAME SOURCES...  sets $driver_cp, the classpath to run
# them with. Run from the repository's root.
compile_drivers() {
	local name=$1 java_home classes
	shift
	java_home=$(find_jdk)
	classes=$PWD/target/bench-classes/$name
	if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
		./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
	fi
	driver_cp="$classes:$PWD/target/test-classes:$PWD/target/classes:$(cat target/bench-classpath.txt)"
	rm -rf "$classes"
	mkdir -p "$classes"
	"$java_home/bin/javac" -d "$classes" -cp "$driver_cp" "$@"
}

# The app jar a bench runs, as an absolute path: $2, else $PARTNERBOT_JAR, else target/partnerbot.jar
# under the repository root $1.
bench_jar() {
	local jar=${2:-${PARTNERBOT_JAR:-$1/target/partnerbot.jar}}
	[[ -f $jar ]] || { echo "no jar at $jar (pass its path as the argument or set PARTNERBOT_JAR)" >&2; return 2; }
	echo "$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
}

# What a figure was measured on: the JDK (java binary $1), the machine and how busy it was.
bench_machine() {
	echo "jdk: $1 ($("$1" -version 2>&1 | head -n1))"
	echo "machine: $(nproc) cpus, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
}

# The java binary the benches run with: $BENCH_JAVA, else find_jdk's.
bench_java() {
	local home
	if [[ -n ${BENCH_JAVA:-} ]]; then echo "$BENCH_JAVA"; return; fi
	home=$(find_jdk) || return 2
	echo "$home/bin/java"
}

# A loopback port nothing answers a connect on, other than $1.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
	local p
	for _ in $(seq 1 50); do
		p=$(( 20000 + RANDOM % 30000 ))
		if port_free "$p" && [[ $p != "${1:-}" ]]; then echo "$p"; return; fi
	done
	echo "no free port found" >&2; return 1
}

# Stops the app started as PID with SIGTERM; after 20 s kills it and the embedded
# PostgreSQL under DATA that it would have stopped itself.
stop_app_process() {
	local pid=$1 data=$2 pidfile pg
	[[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
	kill -TERM "$pid" 2>/dev/null || true
	for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
	if kill -0 "$pid" 2>/dev/null; then
		echo "the app did not stop within 20 s of SIGTERM (see its log); killing it" >&2
		kill -KILL "$pid" 2>/dev/null || true
		while IFS= read -r pidfile; do
			pg=$(head -n1 "$pidfile" 2>/dev/null || true)
			[[ $pg =~ ^[0-9]+$ ]] && kill -TERM "$pg" 2>/dev/null || true
		done < <(find "$data" -name postmaster.pid 2>/dev/null)
	fi
	wait "$pid" 2>/dev/null || true
}

# The end of a run that started one app (its EXIT trap): stops the app PID, whose embedded
# PostgreSQL lives under DATA; then, as the run went, shows the end of LOG (it failed), keeps
# WORK (BENCH_KEEP=1) or removes it.  end_run STATUS PID DATA WORK LOG
end_run() {
	local status=$1 pid=$2 data=$3 work=$4 log=$5
	stop_app_process "$pid" "$data"
	if [[ $status -ne 0 ]]; then
		echo "failed (exit $status); app log: $log" >&2
		tail -n 30 "$log" >&2 2>/dev/null || true
	elif [[ ${BENCH_KEEP:-0} == 1 ]]; then
		echo "kept $work"
	else
		rm -rf "$work"
	fi
	exit "$status"
}

# Waits until the app PID on PORT is healthy and its start-up reindex has finished (it is
# CPU-bound: a reindex request returns when it is done, 409 while it runs), at most SECONDS;
# sets $ready_report to the last reindex's report.  await_ready PID PORT ADMIN_TOKEN SECONDS
await_ready() {
	local pid=$1 port=$2 token=$3 seconds=$4 started=$SECONDS
	until curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
		kill -0 "$pid" 2>/dev/null || { echo "the app exited during start-up" >&2; return 1; }
		(( SECONDS - started < seconds )) || { echo "the app is not healthy after $seconds s" >&2; return 1; }
		sleep 0.5
	done
	until ready_report=$(curl -fsS -X POST -H "Authorization: Bearer $token" \
		"http://127.0.0.1:$port/api/admin/reindex" 2>/dev/null); do
		kill -0 "$pid" 2>/dev/null || { echo "the app exited during its start-up reindex" >&2; return 1; }
		sleep 1
		(( SECONDS - started < seconds )) || { echo "the start-up reindex did not finish in $seconds s" >&2; return 1; }
	done
	echo "app ready after $(( SECONDS - started )) s"
}
