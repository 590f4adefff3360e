#!/usr/bin/env bash
# End-to-end runs of the real places (docs/places.md): builds the mayoralties' MSOA and LSOA worlds from the official
# files with `urbansim places build`, then runs the reference scenario's settings (2 variants, 25 years, its nine
# uncertain parameters) on each with `urbansim run`, outputs and charts included. Prints one line per step: wall
# seconds, user+system CPU seconds and peak memory (MiB).
# Usage (after dotnet build UrbanSim.sln -c Release): benchmarks/real-places/measure.sh [threads] [msoa replications] [lsoa replications]
# The official files: URBANSIM_ENGLAND_DATA, or ../shared/data/england beside the repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
threads=${1:-2}; msoa_reps=${2:-1000}; lsoa_reps=${3:-100}
data="${URBANSIM_ENGLAND_DATA:-$(pwd)/../shared/data/england}"
dll=Simulation.Runner/bin/Release/net10.0/urbansim.dll
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

timed() { # label command...
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }
  read -r wall user sys rss < "$work/time"
  printf '%-34s wall %7.2f s  cpu %7.2f s  peak %5.0f MiB\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)"
}

scenario() { # level -> path: reference.json's settings on the built zones
  python3 - "$1" "$work" <<'PY'
import json, sys
level, work = sys.argv[1], sys.argv[2]
d = json.load(open("scenarios/reference.json"))
d.pop("$schema", None); d.pop("sensitivity", None)
d["name"] = f"mcas-{level}"
d["world"] = {"zones_csv": f"mcas-{level}.csv"}
json.dump(d, open(f"{work}/mcas-{level}.json", "w"))
PY
  echo "$work/mcas-$1.json"
}

for level in msoa lsoa; do
  timed "places build --level $level" dotnet "$dll" places build --from "$data" --level "$level" --out "$work/mcas-$level.csv"
done
timed "run msoa, $msoa_reps replications" dotnet "$dll" run "$(scenario msoa)" --reps "$msoa_reps" --threads "$threads" --out "$work/out-msoa"
timed "run lsoa, $lsoa_reps replications" dotnet "$dll" run "$(scenario lsoa)" --reps "$lsoa_reps" --threads "$threads" --out "$work/out-lsoa"
