#!/usr/bin/env bash
# Runs every test of UrbanSim. Installs nothing today beyond what `dotnet` restores from NuGet;
# later system dependencies (Chromium for browser tests, Slurm for the cluster test) are installed here.
# Ends with a line "N passed, N failed" and exits non-zero if any test failed or the build broke.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "scripts/test.sh: the .NET 10 SDK is needed (https://dot.net); 'dotnet' is not on PATH." >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test UrbanSim.sln -c Release 2>&1 | tee "$log" || status=$?

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 12, ...") into one closing line.
passed=$(awk '/Passed!|Failed!/ { for (i = 1; i <= NF; i++) if ($i == "Passed:") { gsub(",", "", $(i+1)); s += $(i+1) } } END { print s + 0 }' "$log")
failed=$(awk '/Passed!|Failed!/ { for (i = 1; i <= NF; i++) if ($i == "Failed:") { gsub(",", "", $(i+1)); s += $(i+1) } } END { print s + 0 }' "$log")
echo "${passed:-0} passed, ${failed:-0} failed"
if [ "$status" -ne 0 ] || [ "${failed:-0}" != "0" ] || [ "${passed:-0}" = "0" ]; then exit 1; fi
