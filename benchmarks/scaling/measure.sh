#!/usr/bin/env bash
# Measures how the cost of `urbansim run` grows with replications, zones and years: three sizes of each,
# varied one at a time around the reference scenario (6 city-regions, 25 years, 2 variants). Prints one
# line per run: factor, size, wall seconds, user+system CPU seconds, peak memory (MiB).
# Usage (after dotnet build UrbanSim.sln -c Release): benchmarks/scaling/measure.sh [threads]
set -euo pipefail
cd "$(dirname "$0")/../.."
threads=${1:-2}
dll=Simulation.Runner/bin/Release/net10.0/urbansim.dll
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

scenario() { # zones years -> path
  python3 - "$1" "$2" "$work/s-$1-$2.json" <<'PY'
import json, sys
zones, years, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
d = json.load(open("scenarios/reference.json"))
d.pop("$schema", None); d.pop("sensitivity", None)
caps = ["established", "established", "developing", "developing", "new", "new"]
d["world"] = {"regions": [{"name": f"region{i + 1}", "capacity": c, "zones": zones // 6} for i, c in enumerate(caps)]}
d["horizon_years"] = years
json.dump(d, open(path, "w"))
PY
  echo "$work/s-$1-$2.json"
}

measure() { # factor size zones years reps
  local s; s=$(scenario "$3" "$4")
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" dotnet "$dll" run "$s" --reps "$5" --threads "$threads" --out "$work/out" >/dev/null 2>&1
  read -r wall user sys rss < "$work/time"
  printf '%-13s %6s  wall %6.2f s  cpu %6.2f s  peak %5.0f MiB\n' "$1" "$2" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)"
}

for reps in 1 200 400 800; do measure replications "$reps" 300 25 "$reps"; done
for zones in 150 300 600 1200; do measure zones "$zones" "$zones" 25 200; done
for years in 10 25 50; do measure years "$years" 300 "$years" 200; done
