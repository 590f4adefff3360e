#!/bin/bash
# Submits an urbansim run (or sensitivity analysis) as a Slurm job array of N shards plus a merge job that
# starts only when every shard succeeded (--dependency=afterok). Run it on the login node, from the repository root:
#   scripts/slurm/submit.sh [run] SCENARIO OUTROOT N [run options, e.g. --reps 100000 --seed 7]
#   scripts/slurm/submit.sh sensitivity SCENARIO OUTROOT N [options, e.g. --samples 1024 --seed 7]
# The optional first argument names the urbansim command (default: $URBANSIM_COMMAND, else run); a
# sensitivity merge runs the analysis and writes sobol.csv, morris.csv and the rest.
# Extra sbatch options (partition, account, time limit) go in SBATCH_ARGS, e.g.
#   SBATCH_ARGS="--partition=short --time=02:00:00" scripts/slurm/submit.sh ...
# Prints the two job ids; the merged outputs appear in OUTROOT/merged.
set -euo pipefail
command=${URBANSIM_COMMAND:-run}
case ${1:-} in run|sensitivity) command=$1; shift;; esac
case $command in run|sensitivity) ;; *) echo "$0: the command must be run or sensitivity, not '$command'" >&2; exit 2;; esac
if [ $# -lt 3 ]; then echo "usage: $0 [run|sensitivity] SCENARIO OUTROOT N [options]" >&2; exit 2; fi
scenario=$1; outroot=$2; n=$3; shift 3
here=$(cd "$(dirname "$0")" && pwd)
case $n in ''|*[!0-9]*) echo "$0: N must be a whole number, not '$n'" >&2; exit 2;; esac
if [ "$n" -lt 1 ]; then echo "$0: N must be at least 1" >&2; exit 2; fi
mkdir -p "$outroot"
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_ARGS:-} --array=0-$((n - 1)) --output="$outroot/shard-%a.log" \
  "$here/urbansim-array.sbatch" "$command" "$scenario" "$outroot" "$@")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_ARGS:-} --dependency=afterok:"$array" --output="$outroot/merge.log" \
  "$here/urbansim-merge.sbatch" "$outroot" "$n")
merge=${merge%%;*}
echo "array job $array ($n $command shards), merge job $merge; outputs in $outroot/merged"
