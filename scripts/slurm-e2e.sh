#!/usr/bin/env bash
# End-to-end test of `repro build-report --slurm` against a real Slurm (`.ci/run` starts one with
# scripts/slurm-local.sh). The plan: the quick profile of both papers (override with
# E2E_PROFILE), once locally and once submitted as E2E_SHARDS (4) shards per stage plus the
# report job, into two fresh output folders. Checked:
#   1. one shard of stage 1 is cancelled: the report job fails, in one line naming that shard
#      and its log;
#   2. submitting again runs only what is missing (stage 1: only that shard) and the report job
#      completes; nothing stored before is rewritten;
#   3. every trained network's weights, its record and every cached evaluation and analysis (but
#      wall times and a record's batch size), and each paper's claims.json are identical to the
#      local run's.
# Prints the wall time of both runs and `repro status` during the submitted run. Needs MNIST
# (fetched with `repro data fetch` when missing). Without Slurm it is skipped, saying why.
set -euo pipefail
cd "$(dirname "$0")/.."

REPRO=${REPRO:-.build/debug/repro}
read -r -a PROFILE <<< "${E2E_PROFILE:---quick}"
SHARDS=${E2E_SHARDS:-4}
TIMEOUT=${E2E_TIMEOUT:-3600}

say() { echo "slurm e2e: $*"; }
skip() { say "SKIPPED: $*"; exit 0; }
fail() { echo "slurm e2e: FAILED: $*" >&2; exit 1; }

command -v sbatch >/dev/null || skip "no sbatch on the PATH (no Slurm here; scripts/slurm-local.sh up starts a one-node cluster as root)"
scontrol ping 2>/dev/null | grep -q UP || skip "sbatch is installed but no Slurm controller answers (scontrol ping); scripts/slurm-local.sh up starts one"
[ -x "$REPRO" ] || fail "no $REPRO; build it first (swift build)"
REPRO=$(readlink -f "$REPRO")

if ! "$REPRO" data verify >/dev/null 2>&1; then
    python3 -m pip --version >/dev/null 2>&1 || make pip
    "$REPRO" data fetch
fi

work=${E2E_DIR:-$(mktemp -d /var/tmp/repro-slurm-e2e.XXXXXX)}
rm -rf "$work/local" "$work/slurm"
mkdir -p "$work"
say "working in $work"


job_state() {
    scontrol show job "$1" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | head -n 1 | cut -d= -f2
}

# Waits until job $1 has left the queue (or the timeout); prints its final state.
wait_job() {
    local id=$1 waited=0 state
    while :; do
        state=$(job_state "$id")
        case "$state" in
            PENDING|RUNNING|CONFIGURING|COMPLETING|SUSPENDED|"") ;;
            *) echo "$state"; return ;;
        esac
        [ -z "$state" ] && { echo UNKNOWN; return; }
        [ "$waited" -ge "$TIMEOUT" ] && fail "job $id still ${state} after ${TIMEOUT} s"
        sleep 2
        waited=$((waited + 2))
    done
}

job() { awk -v n="$1" '$1 == n {print $2}' "$slurm_dir/jobs.txt"; }

# 1. The local run.
start=$(date +%s)
"$REPRO" build-report "${PROFILE[@]}" --output "$work/local" > "$work/local.log" 2>&1 \
    || fail "the local run failed; see $work/local.log"
local_seconds=$(( $(date +%s) - start ))
say "local run: ${local_seconds} s"

# 2. Submitted, one shard of stage 1 cancelled before it runs.
start=$(date +%s)
"$REPRO" build-report "${PROFILE[@]}" --slurm --shards "$SHARDS" --output "$work/slurm" \
    | tee "$work/submit-1.log"
# The folder of the batch scripts and the job list, as build-report --slurm chose and printed it.
slurm_dir=$(sed -n 's/^wrote \(.*\)\/stage1\.sbatch, .*/\1/p' "$work/submit-1.log")
[ -d "$slurm_dir" ] || fail "build-report --slurm did not say where it wrote its scripts; see $work/submit-1.log"
stage1=$(job stage1); report=$(job report)
[ -n "$stage1" ] && [ -n "$report" ] || fail "no job ids in $slurm_dir/jobs.txt"
# The last shard stage 1 was given (shards without work are not submitted).
cancelled=$(sed -n 's/^stage 1: job [0-9]*, shards \(.*\) of .*/\1/p' "$work/submit-1.log" | tr ',-' '\n\n' | tail -n 1)
[ -n "$cancelled" ] || fail "stage 1 was not submitted; see $work/submit-1.log"
scancel "${stage1}_${cancelled}"
say "cancelled shard $cancelled/$SHARDS of stage 1 (job ${stage1}_${cancelled})"
# `repro status` while the tasks run.
for _ in $(seq 1 60); do
    squeue -h -j "$stage1" -t RUNNING | grep -q . && break
    sleep 1
done
sleep 15
say "repro status during the run:"
"$REPRO" status "${PROFILE[@]}" --output "$work/slurm" | tee "$work/status-during.log"
state=$(wait_job "$report")
[ "$state" = FAILED ] || fail "the report job $report ended $state, expected FAILED after the cancelled shard"
line=$(grep -E '^Error:' "$slurm_dir/logs/report.log" | tail -n 1)
say "report job $report FAILED as it should: $line"
[ "$(grep -c '^Error:' "$slurm_dir/logs/report.log")" = 1 ] || fail "expected one error line in $slurm_dir/logs/report.log"
echo "$line" | grep -q "shard $cancelled/$SHARDS of stage 1" || fail "the report job's error does not name shard $cancelled/$SHARDS of stage 1"
echo "$line" | grep -q "stage1-$cancelled.log" || fail "the report job's error does not name the shard's log"

# 3. Submitted again: only the missing work runs.
stored_before="$work/stored-before.sha256"
(cd "$work/slurm" && find . -path '*/results/models/*' -type f -print0 | sort -z | xargs -0 sha256sum) > "$stored_before"
"$REPRO" build-report "${PROFILE[@]}" --slurm --shards "$SHARDS" --output "$work/slurm" \
    | tee "$work/submit-2.log"
grep -q "^stage 1: job [0-9]*, shards $cancelled of $SHARDS" "$work/submit-2.log" \
    || fail "the resubmission should run only shard $cancelled of stage 1; see $work/submit-2.log"
report=$(job report)
state=$(wait_job "$report")
[ "$state" = COMPLETED ] || fail "the resubmitted report job $report ended $state; see $slurm_dir/logs/report.log"
slurm_seconds=$(( $(date +%s) - start ))
(cd "$work/slurm" && sha256sum --quiet -c "$stored_before") || fail "a result stored before the resubmission was rewritten"
say "resubmission: report job $report COMPLETED; nothing stored before was rewritten"
say "submitted run: ${slurm_seconds} s from the first submission to the report (local: ${local_seconds} s)"

# 4. The same results and claims as the local run.
for paper_dir in "$work"/local/paper*/; do
    paper=$(basename "$paper_dir")
    for kind in models analyses; do
        a="$work/local/$paper/results/$kind" b="$work/slurm/$paper/results/$kind"
        [ -d "$a" ] || continue
        diff <(cd "$a" && ls) <(cd "$b" && ls) > /dev/null \
            || fail "$paper/results/$kind: the two runs stored different files"
        for f in "$a"/*; do
            name=$(basename "$f")
            if [ "${name%.json}" != "$name" ]; then
                # A record holds its batch's wall time (the figure's t-SNE its own) and how many
                # models its run trained at once: a pruned copy counts its dense source's batch
                # when it was derived in that batch, 1 when the source was stored first (which
                # order the shards reach it in). A cache file's checksum covers its payload, wall
                # times included, so it is skipped with them, as is a model record's own
                # checksum (over its body, wall time included); every other line must match,
                # the checksum of its weight file too.
                skip='"(batchSeconds|seconds|batchSize|sha256)"'
                cmp -s <(grep -v -E "$skip" "$f") <(grep -v -E "$skip" "$b/$name") \
                    || fail "$paper/results/$kind/$name differs from the local run's"
            else
                cmp -s "$f" "$b/$name" || fail "$paper/results/$kind/$name differs from the local run's"
            fi
        done
        say "$paper/results/$kind: $(ls "$a" | wc -l) files identical to the local run's"
    done
done
for claims in "$work"/local/quick/paper*/claims.json "$work"/local/paper*/claims.json; do
    [ -f "$claims" ] || continue
    other="$work/slurm/${claims#"$work/local/"}"
    cmp -s "$claims" "$other" || fail "${claims#"$work/local/"} differs from the local run's"
    say "${claims#"$work/local/"} identical"
done

say "PASSED: local ${local_seconds} s; on Slurm ${slurm_seconds} s from the first submission to the report (${SHARDS} shards a stage, one cancelled and resubmitted); overhead $((slurm_seconds - local_seconds)) s"
[ -n "${E2E_DIR:-}" ] || rm -rf "$work"
