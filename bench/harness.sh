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
