#!/usr/bin/env bash
# `make bench` after the build: native kernels (divan), the peers' files for the browser page,
# then the browser benchmarks and the report (scripts/bench.mjs prints the JSON line last).
#   SOAK_SECONDS=600  memory soak length (seconds of play)
#   SKIP_NATIVE=1     reuse target/bench/native.txt from the last run
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench www/bench/vendor
if [ "${SKIP_NATIVE:-}" != 1 ] || [ ! -s target/bench/native.txt ]; then
  echo "bench: native kernels (cargo bench --bench kernels)" >&2
  cargo bench --bench kernels > target/bench/native.txt
  cat target/bench/native.txt >&2
fi
cp node_modules/d3-array/dist/d3-array.min.js node_modules/d3-contour/dist/d3-contour.min.js www/bench/vendor/
exec node scripts/bench.mjs target/bench/native.txt
