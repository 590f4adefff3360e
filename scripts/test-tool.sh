#!/usr/bin/env bash
# End-to-end test of urbansim as a .NET tool: packs Simulation.Runner into a temporary folder (the UrbanSim pointer
# package and one UrbanSim.<rid> package per platform), installs it from that folder into a temporary tool path (the
# README's install command: every package it needs is in that folder; nuget.org, the default source, is only asked), and
# runs the installed urbansim from outside the repository: --version must print the package version, a bad command
# line must exit 2, a small run of scenarios/reference.json must write summary.json and its charts (SkiaSharp's native
# library), and a tiny sensitivity analysis must fit its surrogate (ML.NET FastTree). Also checks that CITATION.cff
# carries the package version and that no package carries native debug symbols or other platforms' libraries.
# Removes everything it made (the build folders under Simulation.Runner/bin and obj stay, as after dotnet build).
# Exits non-zero with a message on any failure. About 30 s after a Release build on two cores, most of it dotnet pack.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

command -v unzip >/dev/null 2>&1 || { echo "test-tool: unzip is needed to look into the packages (apt-get install unzip)" >&2; exit 1; }
started=$(date +%s)
tmp=$(mktemp -d /tmp/urbansim-tool.XXXXXX)
log="$tmp/log"
step="starting"
cleanup() {
  local code=$?
  if [ "$code" -ne 0 ]; then
    echo "test-tool: FAILED while $step (exit $code)" >&2
    if [ -s "$log" ]; then echo "test-tool: the last lines it printed:" >&2; tail -n 25 "$log" >&2; fi
  fi
  rm -rf "$tmp"
  exit "$code"
}
trap cleanup EXIT
fail() { echo "test-tool: $*" >&2; exit 1; }

step="reading the version"
version=$(dotnet msbuild Simulation.Runner/Simulation.Runner.csproj -getProperty:PackageVersion -p:Configuration=Release 2>"$log")
[ -n "$version" ] || fail "could not read the package version of Simulation.Runner"
cff_version=$(sed -n 's/^version: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' CITATION.cff)
[ "$cff_version" = "$version" ] || fail "CITATION.cff says version '$cff_version' but Directory.Build.props <Version> is '$version'; change them together"
grep -q "^## \[$version\]" CHANGELOG.md || fail "CHANGELOG.md has no '## [$version]' section for the package version"

step="packing (dotnet pack Simulation.Runner -c Release)"
dotnet pack Simulation.Runner/Simulation.Runner.csproj -c Release -o "$tmp/pkg" >"$log" 2>&1 || fail "dotnet pack failed"
rids="linux-x64 linux-arm64 osx-x64 osx-arm64 win-x64 win-arm64"
pointer="$tmp/pkg/UrbanSim.$version.nupkg"
[ -f "$pointer" ] || fail "dotnet pack wrote no UrbanSim.$version.nupkg; it wrote: $(ls "$tmp/pkg" | tr '\n' ' ')"
size() { stat -c %s "$1"; }
kib() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1000 }'; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }
# The pointer package holds no program; a platform's package only its own natives, and no native debug symbols.
[ "$(size "$pointer")" -lt 100000 ] || fail "UrbanSim.$version.nupkg is $(mib "$(size "$pointer")"); the pointer package should hold no program"
listing=$(unzip -Z1 "$pointer")
if grep -q 'urbansim\.dll' <<<"$listing"; then fail "UrbanSim.$version.nupkg contains urbansim.dll; it should only point to the platform packages"; fi
for f in LICENSE NOTICE PACKAGE.md; do grep -q "^$f\$" <<<"$listing" || fail "UrbanSim.$version.nupkg lacks $f"; done
for rid in $rids; do
  pkg="$tmp/pkg/UrbanSim.$rid.$version.nupkg"
  [ -f "$pkg" ] || fail "dotnet pack wrote no UrbanSim.$rid.$version.nupkg"
  [ "$(size "$pkg")" -lt 25000000 ] || fail "UrbanSim.$rid.$version.nupkg is $(mib "$(size "$pkg")"): has something unneeded crept in?"
  listing=$(unzip -Z1 "$pkg")
  # Debug symbols other than UrbanSim's own, or a runtimes/ folder of libraries for other platforms.
  unneeded=$(grep -E '\.(pdb|dbg|dwarf)$|/runtimes/' <<<"$listing" | grep -v -E "^tools/net10.0/$rid/(urbansim|Simulation\.Core)\.pdb\$" || true)
  [ -z "$unneeded" ] || fail "UrbanSim.$rid.$version.nupkg carries files the tool never uses: $(head -3 <<<"$unneeded" | tr '\n' ' ')"
  grep -q "^tools/net10.0/$rid/urbansim.dll\$" <<<"$listing" || fail "UrbanSim.$rid.$version.nupkg has no tools/net10.0/$rid/urbansim.dll"
  grep -q -E "^tools/net10.0/$rid/(lib)?SkiaSharp\.(so|dylib|dll)\$" <<<"$listing" || fail "UrbanSim.$rid.$version.nupkg has no SkiaSharp native library"
done

rid=$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')
case " $rids " in
  *" $rid "*) ;;
  *) fail "this machine's platform, $rid, is not one the tool is packed for ($rids)" ;;
esac

step="installing (dotnet tool install UrbanSim --add-source <the packages> --tool-path <a temporary folder>)"
dotnet tool install UrbanSim --add-source "$tmp/pkg" --tool-path "$tmp/tools" --version "$version" >"$log" 2>&1 \
  || fail "dotnet tool install failed"
urbansim="$tmp/tools/urbansim"
[ -x "$urbansim" ] || fail "the tool path has no urbansim command after the install"

# Everything from here runs outside the repository: the installed tool needs nothing of the checkout.
cd "$tmp"
step="running urbansim --version"
printed=$("$urbansim" --version 2>"$log") || fail "urbansim --version failed"
case "$printed" in
  "$version" | "$version+"*) ;;
  *) fail "urbansim --version printed '$printed', not version $version" ;;
esac

step="checking a bad command line exits 2"
code=0; "$urbansim" run "$repo/scenarios/reference.json" --reps ten >"$log" 2>&1 || code=$?
[ "$code" -eq 2 ] || fail "urbansim run --reps ten exited $code, not 2"

step="running urbansim run scenarios/reference.json --reps 20"
"$urbansim" run "$repo/scenarios/reference.json" --reps 20 --out "$tmp/out" --yes >"$log" 2>&1 || fail "urbansim run failed"
[ -s "$tmp/out/summary.json" ] || fail "urbansim run wrote no summary.json"
[ -s "$tmp/out/manifest.json" ] || fail "urbansim run wrote no manifest.json"
grep -q "\"$version" "$tmp/out/manifest.json" || fail "manifest.json does not record version $version"
ls "$tmp"/out/charts/*.png >/dev/null 2>&1 || fail "urbansim run drew no PNG charts (SkiaSharp's native library?)"

step="running a tiny urbansim sensitivity"
cat > "$tmp/tiny-sensitivity.json" <<'JSON'
{
  "name": "tiny-sensitivity",
  "world": { "regions": [ { "name": "North", "capacity": "established", "zones": 4 }, { "name": "East", "capacity": "new", "zones": 4 } ] },
  "horizon_years": 3,
  "seed": 7,
  "variants": [ { "name": "tied" }, { "name": "pot", "levers": { "settlement": "single_pot" } } ],
  "sensitivity": {
    "variant": "pot",
    "levers": { "funding_per_head_gbp": [100, 400], "mission_commitment": [0, 1], "icb_pooled_share": [0, 0.2] },
    "outcomes": ["hle_years"]
  }
}
JSON
"$urbansim" sensitivity "$tmp/tiny-sensitivity.json" --samples 8 --out "$tmp/sens" >"$log" 2>&1 || fail "urbansim sensitivity failed"
grep -q "surrogate held-out R²" "$log" || fail "urbansim sensitivity fitted no surrogate (ML.NET FastTree)"

elapsed=$(( $(date +%s) - started ))
echo "test-tool: OK: UrbanSim $version packed (UrbanSim $(kib "$(size "$pointer")"), UrbanSim.$rid $(mib "$(size "$tmp/pkg/UrbanSim.$rid.$version.nupkg")"), 6 platforms), installed from the local folder, --version, exit code 2, run and sensitivity work (${elapsed} s)"
