#!/usr/bin/env bash
# The start-up index of a new instance over a ~10,000-chunk library: from the cluster's stored
# vectors in PostgreSQL beside re-embedding (bench/knowledge/ClusterStartBench.java, compiled
# against target/classes).
#
#   bench/cluster-start.sh [chunks=10000] [sample=300]
#
# Needs ../shared/data/scifact/corpus.jsonl. Builds the jar's classes first.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
scifact=${SCIFACT:-$root/../shared/data/scifact}
cd "$root"

source "$here/harness.sh"
rm -rf target/bench-cluster-start
run_harness bench/knowledge/ClusterStartBench.java com.partnerbot.knowledge.ClusterStartBench \
	target/bench-cluster-start "$scifact/corpus.jsonl" target/bench-cluster-start "$@"
