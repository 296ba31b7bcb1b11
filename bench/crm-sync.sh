#!/usr/bin/env bash
# Syncs 10,000 registrations out to a stub CRM that enforces the vendor's rate limits, then
# 10,000 changes (won or lost, with amounts) back in, through the application's own sync
# (the path of POST /api/crm/sync), and prints records per minute, calls per record and what
# was lost or doubled.
#
#   bench/crm-sync.sh salesforce|hubspot [records=10000]
#
# Builds the classes with Maven, compiles bench/crm/CrmSyncBench.java with the stub CRMs of
# the tests (src/test/java/com/partnerbot/crm/Stub*.java), and runs the application in the
# harness's JVM on a fresh embedded PostgreSQL under target/bench-crm-sync/<time>/.
#
# BENCH_SKIP_BUILD=1 uses target/classes and target/bench-classpath.txt as they are.
# Settings (system properties through BENCH_OPTS):
#   -Dbench.salesforceDaily=100000   the stub org's daily API allowance
#   -Dbench.hubspotBurst=190         HubSpot requests per ten seconds (private apps, Professional)
#   -Dbench.hubspotDaily=625000      HubSpot's daily allowance
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
cd "$root"
crm=${1:?usage: $0 salesforce|hubspot [records]}
records=${2:-10000}
[[ $crm == salesforce || $crm == hubspot ]] || { echo "salesforce or hubspot, not '$crm'" >&2; exit 2; }
[[ $records =~ ^[0-9]+$ ]] || { echo "not a number: '$records'" >&2; exit 2; }

source "$here/harness.sh"
java_home=$(find_jdk)
work=$root/target/bench-crm-sync/$(date +%Y%m%d-%H%M%S)-$crm
classes=target/bench-classes/CrmSyncBench
if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
	./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
fi
cp="target/classes:$(cat target/bench-classpath.txt)"
rm -rf "$classes"
mkdir -p "$classes" "$work"
"$java_home/bin/javac" -d "$classes" -cp "$cp" bench/crm/CrmSyncBench.java \
	src/test/java/com/partnerbot/crm/StubSalesforce.java src/test/java/com/partnerbot/crm/StubHubspot.java
"$java_home/bin/java" ${BENCH_OPTS:-} --add-modules jdk.incubator.vector -Djna.tmpdir="$work/jna" \
	-cp "$classes:$cp" CrmSyncBench "$crm" "$records" "$work" >"$work/app.log" 2>&1 || {
	echo "the bench failed; see $work/app.log" >&2
	grep -v '^{' "$work/app.log" | tail -n 20 >&2
	exit 1
}
# the application logs JSON lines; the figures are the other lines
grep -v '^{' "$work/app.log" | grep -v '^WARNING' | tee "$work/result.txt"
