#!/usr/bin/env bash
# Indexing throughput: the product's embedding of passages beside batched inference on the same
# model and threads (bench/knowledge/BatchedInferenceBench.java, compiled against target/classes).
#
#   bench/knowledge-batching.sh [chunks=256] [batch sizes=4,8,16,32]
#
# Needs ../shared/data/scifact (corpus), or SCIFACT. Builds the jar's classes first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/harness.sh
run_harness bench/knowledge/BatchedInferenceBench.java com.partnerbot.knowledge.BatchedInferenceBench \
	target/bench-batching "${SCIFACT:-$PWD/../shared/data/scifact}/corpus.jsonl" "$@"
