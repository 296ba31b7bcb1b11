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
