#!/usr/bin/env bash
# Conflict check and registration latency with 1,000,000 registrations in PostgreSQL (the embedded
# one, under target/bench-deals, kept between runs so seeding happens once), through the product's
# own DealRegistrations (bench/deals/DealsBench.java, compiled against target/classes).
#
#   bench/deals-latency.sh [registrations=1000000] [samples=500]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
cd "$root"

java_home=""
for dir in ${JAVA_HOME:-} /usr/lib/jvm/*; do
	if [[ -x $dir/bin/javac ]] && "$dir/bin/java" -XshowSettings:properties -version 2>&1 |
		awk -F'= ' '/java.specification.version/ {exit !($2 >= 21)}'; then java_home=$dir; break; fi
done
[[ -n $java_home ]] || { echo "needs a JDK 21+" >&2; exit 2; }

./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
cp="target/classes:$(cat target/bench-classpath.txt)"
rm -rf target/bench-deals-classes
mkdir -p target/bench-deals-classes target/bench-deals
"$java_home/bin/javac" -d target/bench-deals-classes -cp "$cp" bench/deals/DealsBench.java
DJL_CACHE_DIR=target/bench-deals/djl "$java_home/bin/java" --add-modules jdk.incubator.vector \
	-Djna.tmpdir=target/bench-deals/jna -cp "target/bench-deals-classes:$cp" \
	com.partnerbot.deals.DealsBench target/bench-deals "$@"
