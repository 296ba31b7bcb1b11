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

source "$here/harness.sh"
rm -rf target/bench-knowledge
run_harness bench/knowledge/KnowledgeBench.java com.partnerbot.knowledge.KnowledgeBench target/bench-knowledge \
	"$scifact/corpus.jsonl" "$scifact/queries.jsonl" target/bench-knowledge "$@"
