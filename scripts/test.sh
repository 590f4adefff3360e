#!/usr/bin/env bash
# Runs every test of UrbanSim. System packages the tests need are installed first when missing
# (Debian/Ubuntu, with apt-get): the DejaVu fonts the charts are drawn with and Chromium for the policy
# explorer's browser tests, R and Python with the libraries the example clients use, and Slurm (slurm-wlm) for the cluster test, scripts/slurm/test-slurm.sh, which
# runs after the .NET tests and starts (then stops) a single-node Slurm on localhost, then the .NET tool test,
# scripts/test-tool.sh, which packs urbansim, installs it into a temporary folder and runs it. Tests of the official open data
# run when it is found (URBANSIM_ENGLAND_DATA or ../shared/data/england) and are left out, with a note, when it is not.
# Ends with a line "N passed, N failed" and exits non-zero if any test failed or the build broke.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "scripts/test.sh: the .NET 10 SDK is needed (https://dot.net); 'dotnet' is not on PATH." >&2
  exit 1
fi

# Installs Debian packages when a check fails: ensure_packages "<check command>" package...
ensure_packages() {
  local check="$1"; shift
  if eval "$check" >/dev/null 2>&1; then return 0; fi
  echo "scripts/test.sh: installing $* (needed by the tests)" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "scripts/test.sh: cannot install $*: no apt-get on this machine; install them with your package manager." >&2
    exit 1
  fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# Charts are drawn in DejaVu Sans; without it their text would be blank.
ensure_packages "test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" fonts-dejavu-core fontconfig
# The explorer's browser tests drive Debian's Chromium through Playwright (no browser is downloaded).
ensure_packages "test -x /usr/bin/chromium" chromium
# The cluster test runs a sharded job array and its merge on a real single-node Slurm.
ensure_packages "command -v slurmctld && test -x /usr/sbin/munged" slurm-wlm
# The R and Python clients (examples/r/headline.R, examples/python/headline.py) are run by a test that checks their numbers
# equal summary.json's: Debian's R with jsonlite, and Debian's Python (/usr/bin/python3, which sees the Debian packages
# even when another python3 comes first on PATH) with pandas, matplotlib and scipy.
ensure_packages "command -v Rscript && Rscript -e 'library(jsonlite)'" r-base-core r-cran-jsonlite
ensure_packages "/usr/bin/python3 -c 'import pandas, matplotlib, scipy'" python3-pandas python3-matplotlib python3-scipy
# The .NET tool test lists the packages' contents with unzip.
ensure_packages "command -v unzip" unzip

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# Tests of the official open data (Category=OpenData) need its files: URBANSIM_ENGLAND_DATA, or ../shared/data/england
# beside the repository (docs/places.md says how to get them). Without them, every other test runs.
data="${URBANSIM_ENGLAND_DATA:-$(pwd)/../shared/data/england}"
filter=()
if [ -d "$data" ]; then
  export URBANSIM_ENGLAND_DATA="$data"
else
  echo "scripts/test.sh: no official open data at $data (set URBANSIM_ENGLAND_DATA; see docs/places.md): running every test except Category=OpenData."
  filter=(--filter "Category!=OpenData")
fi
dotnet test UrbanSim.sln -c Release "${filter[@]}" 2>&1 | tee "$log" || status=$?

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 12, ...") into one closing line.
passed=$(awk '/Passed!|Failed!/ { for (i = 1; i <= NF; i++) if ($i == "Passed:") { gsub(",", "", $(i+1)); s += $(i+1) } } END { print s + 0 }' "$log")
failed=$(awk '/Passed!|Failed!/ { for (i = 1; i <= NF; i++) if ($i == "Failed:") { gsub(",", "", $(i+1)); s += $(i+1) } } END { print s + 0 }' "$log")

# The library package as a user sees it: UrbanSim.Core packed, the README's library example compiled against it and run.
if bash scripts/test-library.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

# The cluster test (a real Slurm on localhost): counted as one more test.
if bash scripts/slurm/test-slurm.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

# The .NET tool (dotnet pack, dotnet tool install from the packages, the installed urbansim run): one more test.
if bash scripts/test-tool.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "${passed:-0} passed, ${failed:-0} failed"
if [ "$status" -ne 0 ] || [ "${failed:-0}" != "0" ] || [ "${passed:-0}" = "0" ]; then exit 1; fi
