#!/usr/bin/env bash
# Runs each parser fuzz target for FUZZ_SECONDS under libFuzzer + AddressSanitizer, starting from
# synthetic seeds (regenerated each run) plus the corpus earlier runs grew. Exits non-zero on the
# first target that crashes, leaks past the memory limit or hangs; the input is kept as
# $FUZZ_DIR/artifacts/<target>-crash-… and replays with `repro-fuzz <target> <file>`.
set -uo pipefail
BIN=${1:?usage: Fuzz/run.sh BINARY [TARGET…]}; shift
TARGETS=${*:-idx gzip pickle wheel tar npy cifar}
SECONDS_EACH=${FUZZ_SECONDS:-180}
DIR=${FUZZ_DIR:-.build-fuzz/work}
mkdir -p "$DIR/seeds" "$DIR/artifacts" "$DIR/logs"
"$BIN" seeds "$DIR/seeds" || exit 1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
# Swift's own crash reporter reads memory ASan then flags; ASan's symbolised stack says enough.
export SWIFT_BACKTRACE=enable=no
symbolizer=$(command -v llvm-symbolizer || ls "$(dirname "$(readlink -f "$(command -v swift)")")/llvm-symbolizer" 2>/dev/null)
[ -n "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH=$symbolizer
status=0
for target in $TARGETS; do
  mkdir -p "$DIR/corpus/$target"
  log="$DIR/logs/$target.log"
  "$BIN" "$target" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$DIR/artifacts/$target-" \
    "$DIR/corpus/$target" "$DIR/seeds/$target" </dev/null >"$log" 2>&1
  code=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  if [ "$code" -ne 0 ]; then
    echo "fuzz $target: FAILED (exit $code) — see $log; input: $(ls -t "$DIR/artifacts/$target-"* 2>/dev/null | head -1)"
    grep -m6 -E 'ERROR|Fatal error|runtime failure|deadly signal|timeout|^ *#[0-3] ' "$log"
    status=1
  else
    echo "fuzz $target: ${SECONDS_EACH}s, ${runs:-?} inputs, ${cov:-cov: ?}, no crash"
  fi
done
exit $status
