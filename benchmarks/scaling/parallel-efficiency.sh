#!/usr/bin/env bash
# In-process parallel efficiency (issue 21): replications per second of the reference scenario on 1 thread, on 2
# threads, and of two independent one-thread processes at once (the machine's own ceiling, with nothing shared).
# Prints the three figures and the ratios. Run on a quiet machine, after dotnet build UrbanSim.sln -c Release:
#   benchmarks/scaling/parallel-efficiency.sh [replications per measurement, default 2000] [preset, default reference]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-2000}; preset=${2:-reference}
run() { dotnet benchmarks/Simulation.Benchmarks/bin/Release/net10.0/Simulation.Benchmarks.dll --throughput "$preset" "$1" "$2"; }
rate() { sed -E 's/.*: ([0-9.]+) replications\/s/\1/'; }

one=$(run "$n" 1 | rate)
two=$(run "$n" 2 | rate)
a=$(mktemp); b=$(mktemp); trap 'rm -f "$a" "$b"' EXIT
run "$n" 1 > "$a" & run "$n" 1 > "$b" & wait
pair=$(echo "$(rate < "$a") + $(rate < "$b")" | bc -l)
printf 'one thread:                      %8.1f replications/s\n' "$one"
printf 'two threads, one process:        %8.1f replications/s  (%.2fx one thread)\n' "$two" "$(echo "$two / $one" | bc -l)"
printf 'two one-thread processes at once: %7.1f replications/s  (%.2fx one thread: the machine'"'"'s ceiling)\n' "$pair" "$(echo "$pair / $one" | bc -l)"
printf 'in-process efficiency:           %8.1f%% of the ceiling\n' "$(echo "100 * $two / $pair" | bc -l)"
