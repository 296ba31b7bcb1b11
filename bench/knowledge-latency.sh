#!/usr/bin/env bash
# Indexing throughput and hybrid query latency on a 100,000-chunk index, with the product's own
# knowledge code (bench/knowledge/KnowledgeBench.java, compiled against target/classes).
#
#   bench/knowledge-latency.sh [chunks=100000] [embedded=2000] [queries=300]
#
# Needs ../shared/data/scifact (corpus and queries). Builds the jar's classes first.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
scifact=${SCIFACT:-$root/../shared/data/scifact}
cd "$root"

java_home=""
for dir in ${JAVA_HOME:-} /usr/lib/jvm/*; do
	if [[ -x $dir/bin/javac ]] && "$dir/bin/java" -XshowSettings:properties -version 2>&1 |
		awk -F'= ' '/java.specification.version/ {exit !($2 >= 21)}'; then java_home=$dir; break; fi
done
[[ -n $java_home ]] || { echo "needs a JDK 21+" >&2; exit 2; }

./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
cp="target/classes:$(cat target/bench-classpath.txt)"
rm -rf target/bench-classes target/bench-knowledge
mkdir -p target/bench-classes target/bench-knowledge
"$java_home/bin/javac" -d target/bench-classes -cp "$cp" bench/knowledge/KnowledgeBench.java
DJL_CACHE_DIR=target/bench-knowledge/djl "$java_home/bin/java" --add-modules jdk.incubator.vector \
	-Djna.tmpdir=target/bench-knowledge/jna -cp "target/bench-classes:$cp" \
	com.partnerbot.knowledge.KnowledgeBench "$scifact/corpus.jsonl" "$scifact/queries.jsonl" target/bench-knowledge "$@"
