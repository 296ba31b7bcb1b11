#!/usr/bin/env bash
# The conflict check's in-memory name search alone (CustomerNameIndex), without PostgreSQL, over
# the conflict bench's corpus (bench/deals/NameSearchBench.java, compiled against target/classes).
#
#   bench/deals-search.sh [names=1000000] [queries=3000] [rounds=5]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
cd "$root"

source "$here/harness.sh"
java_home=$(find_jdk)
./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
cp="target/classes:$(cat target/bench-classpath.txt)"
classes=target/bench-classes/NameSearchBench
rm -rf "$classes"
mkdir -p "$classes"
"$java_home/bin/javac" -d "$classes" -cp "$cp" bench/deals/DealsBench.java bench/deals/NameSearchBench.java
"$java_home/bin/java" -Xmx2g -cp "$classes:$cp" com.partnerbot.deals.NameSearchBench "$@"
