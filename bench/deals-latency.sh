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

source "$here/harness.sh"
# the seeded database under target/bench-deals is kept: seeding a million rows takes minutes
run_harness bench/deals/DealsBench.java com.partnerbot.deals.DealsBench target/bench-deals target/bench-deals "$@"
