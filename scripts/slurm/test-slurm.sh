#!/usr/bin/env bash
# End-to-end test on a real Slurm: installs Debian's slurm-wlm if missing, starts munge, slurmctld and
# slurmd on localhost (single-node cluster, configuration in a temporary folder via SLURM_CONF), submits
# the job array and the dependent merge for a small scenario with scripts/slurm/submit.sh, waits, and
# checks the merged outputs equal a single-machine run byte for byte (manifest.json apart from timings);
# then the same for a tiny sensitivity analysis (submit.sh sensitivity ..., 3 shards of its points).
# Stops the daemons it started (by PID). Needs root (or sudo) for the daemons. Exits non-zero on failure.
# Expects the Release build (dotnet build UrbanSim.sln -c Release) to exist.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
dll="$repo/Simulation.Runner/bin/Release/net10.0/urbansim.dll"
[ -f "$dll" ] || { echo "test-slurm: $dll missing; build first (dotnet build UrbanSim.sln -c Release)" >&2; exit 1; }
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"

if ! command -v slurmctld >/dev/null 2>&1 || [ ! -x /usr/sbin/munged ]; then
  echo "test-slurm: installing slurm-wlm" >&2
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq slurm-wlm >/dev/null
fi

work=$(mktemp -d /tmp/urbansim-slurm.XXXXXX)
chmod 755 "$work"
started_pids=()
cleanup() {
  local code=$?
  # Stop what we started, newest first (slurmd, slurmctld, munged), by PID only.
  for (( i=${#started_pids[@]}-1; i>=0; i-- )); do
    pidfile=${started_pids[i]}
    if [ -f "$pidfile" ]; then
      pid=$(cat "$pidfile")
      $sudo kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  done
  if [ "$code" -ne 0 ]; then
    echo "test-slurm: FAILED (exit $code); logs:" >&2
    tail -n 20 "$work"/log/*.log "$work"/out/*.log "$work"/sens/*.log 2>/dev/null >&2 || true
  fi
  rm -rf "$work"
  exit "$code"
}
trap cleanup EXIT
mkdir -p "$work/state" "$work/spool" "$work/log" "$work/out"

# munge: reuse a running munged, otherwise start one (and stop it at the end).
if [ -S /run/munge/munge.socket.2 ] && [ -f /run/munge/munged.pid ] && kill -0 "$(cat /run/munge/munged.pid)" 2>/dev/null; then
  echo "test-slurm: using the munged already running" >&2
else
  [ -f /etc/munge/munge.key ] || { $sudo mkdir -p /etc/munge; $sudo dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none; $sudo chown munge:munge /etc/munge/munge.key; $sudo chmod 400 /etc/munge/munge.key; }
  $sudo mkdir -p /run/munge && $sudo chown munge:munge /run/munge
  $sudo runuser -u munge -- /usr/sbin/munged
  started_pids+=(/run/munge/munged.pid)
  for _ in $(seq 50); do [ -S /run/munge/munge.socket.2 ] && break; sleep 0.1; done
fi

read -r cpus memory < <(slurmd -C | awk '/NodeName/ { for (i=1;i<=NF;i++) { split($i,a,"="); if (a[1]=="CPUs") c=a[2]; if (a[1]=="RealMemory") m=a[2] } } END { print c, m }')
export SLURM_CONF="$work/slurm.conf"
cat > "$SLURM_CONF" <<CONF
ClusterName=urbansimci
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
ReturnToService=2
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
NodeName=localhost CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
$sudo env SLURM_CONF="$SLURM_CONF" /usr/sbin/slurmctld
started_pids+=("$work/slurmctld.pid")
$sudo env SLURM_CONF="$SLURM_CONF" /usr/sbin/slurmd -N localhost
started_pids+=("$work/slurmd.pid")
for _ in $(seq 150); do [ "$(sinfo -h -o %T 2>/dev/null)" = idle ] && break; sleep 0.2; done
[ "$(sinfo -h -o %T)" = idle ] || { echo "test-slurm: the node never became idle" >&2; exit 1; }

# A small scenario: the tiny example zones, 60 replications in 3 shards.
scenario=examples/user-zones.json
export URBANSIM="dotnet $dll"
out="$work/out"
scripts/slurm/submit.sh "$scenario" "$out" 3 --reps 60 --seed 11 | tee "$work/submit.txt"
# Waits until the merge job submit.sh printed (in the file $1) has left the queue.
wait_for_merge() {
  local merge_job deadline
  merge_job=$(sed -n 's/.*merge job \([0-9]*\).*/\1/p' "$1")
  deadline=$(( $(date +%s) + 300 ))
  while squeue -h -j "$merge_job" 2>/dev/null | grep -q .; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "test-slurm: jobs still queued after 300 s" >&2; squeue >&2; exit 1; }
    sleep 1
  done
}
wait_for_merge "$work/submit.txt"
[ -f "$out/merged/manifest.json" ] || { echo "test-slurm: the merge job wrote no outputs" >&2; exit 1; }

# The same scenario on this machine in one process.
$URBANSIM run "$scenario" --reps 60 --seed 11 --out "$work/single" >/dev/null
for f in summary.json replications.csv timeseries.csv zones.csv; do
  cmp "$work/single/$f" "$out/merged/$f"
done
diff -r "$work/single/charts" "$out/merged/charts" >/dev/null
timing='"(threads|started_utc|finished_utc|wall_seconds)":'
diff <(grep -Ev "$timing" "$work/single/manifest.json") <(grep -Ev "$timing" "$out/merged/manifest.json") >/dev/null
for k in 1 2 3; do grep -q "\"shard\": $k," "$out/shard-$k-of-3/shard.json"; done
echo "test-slurm: OK: 3 array tasks + merge (afterok) on a real Slurm equal a single run byte for byte"

# A tiny sensitivity analysis (4 factors, 8 Sobol samples: 118 points) as 3 shards of its points.
cat > "$work/tiny-sensitivity.json" <<'JSON'
{
  "name": "tiny-sensitivity",
  "world": { "regions": [ { "name": "North", "capacity": "established", "zones": 4 }, { "name": "East", "capacity": "new", "zones": 4 } ] },
  "horizon_years": 3,
  "seed": 7,
  "uncertain": [ { "parameter": "health.walking_relative_risk", "distribution": "lognormal", "median": 0.89, "lower95": 0.83, "upper95": 0.96 } ],
  "variants": [ { "name": "tied" }, { "name": "pot", "levers": { "settlement": "single_pot" } } ],
  "sensitivity": {
    "variant": "pot",
    "levers": { "funding_per_head_gbp": [100, 400], "mission_commitment": [0, 1], "icb_pooled_share": [0, 0.2] },
    "outcomes": ["hle_years", "hle_gap_years"]
  }
}
JSON
sens="$work/sens"
scripts/slurm/submit.sh sensitivity "$work/tiny-sensitivity.json" "$sens" 3 --samples 8 --seed 11 | tee "$work/submit-sensitivity.txt"
wait_for_merge "$work/submit-sensitivity.txt"
[ -f "$sens/merged/manifest.json" ] || { echo "test-slurm: the sensitivity merge job wrote no outputs" >&2; exit 1; }
$URBANSIM sensitivity "$work/tiny-sensitivity.json" --samples 8 --seed 11 --out "$work/single-sensitivity" >/dev/null 2>&1
diff -r -x manifest.json -x chunks "$work/single-sensitivity" "$sens/merged" >/dev/null
diff <(grep -Ev "$timing" "$work/single-sensitivity/manifest.json") <(grep -Ev "$timing" "$sens/merged/manifest.json") >/dev/null
for k in 1 2 3; do grep -q '"format": "urbansim-sensitivity-shard/1"' "$sens/shard-$k-of-3/shard.json"; done
echo "test-slurm: OK: 3 sensitivity array tasks + merge on a real Slurm equal a single analysis byte for byte"
