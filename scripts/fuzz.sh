#!/usr/bin/env bash
# Fuzzes the three decoders of untrusted input with libFuzzer (cargo-fuzz):
#   scenario  the scenario decoder plus a short run of what decodes
#   expr      the formula parser and evaluator
#   link      the share-link decoder (and its round trip)
# Usage: scripts/fuzz.sh [RUNS] [TARGET...]   (RUNS default 10000000; all targets by default)
# cargo-fuzz needs -Z flags; RUSTC_BOOTSTRAP=1 lets the stable toolchain accept them.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10000000}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(scenario expr link)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked || cargo install cargo-fuzz
export RUSTC_BOOTSTRAP=1

# Seed corpora: the lessons, the reference scenarios, their links, a few formulas.
python3 - <<'PY'
import base64, glob, os
os.makedirs("fuzz/corpus/scenario", exist_ok=True)
os.makedirs("fuzz/corpus/link", exist_ok=True)
os.makedirs("fuzz/corpus/expr", exist_ok=True)
sources = sorted(glob.glob("src/lessons/*.json"))
for i, path in enumerate(sources):
    text = open(path).read()
    open(f"fuzz/corpus/scenario/lesson{i}.json", "w").write(text)
    link = base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")
    open(f"fuzz/corpus/link/lesson{i}", "w").write("#s=" + link)
formulas = ["(1 - x)^2 + 100*(y - x^2)^2", "sin(x)*cos(y)", "max(x, y)^2 - abs(x)",
            "-x^2**3", "exp(-(x^2 + y^2))*log(2 + x)", "min(tanh(x), sqrt(y))/pi + e"]
for i, f in enumerate(formulas):
    open(f"fuzz/corpus/expr/f{i}", "w").write(f)
PY

log=$(mktemp)
trap 'rm -f "$log"' EXIT
for t in "${targets[@]}"; do
  echo "== fuzz $t: $runs runs"
  status=0
  cargo fuzz run -O "$t" "fuzz/corpus/$t" -- -runs="$runs" -max_len=4096 -timeout=10 \
    -print_final_stats=1 >"$log" 2>&1 || status=$?
  grep -E "^(stat::number_of_executed_units|stat::average_exec_per_sec|Done|==[0-9]+==|SUMMARY|.*panicked)" "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -40 "$log"
    echo "fuzz $t FAILED (exit $status; the input is in fuzz/artifacts/$t)"
    exit 1
  fi
done
