#!/usr/bin/env bash
# Tests UrbanSim.Core as a user of the package would use it: packs Simulation.Core into a temporary folder, creates a
# console project that references the package from that folder, puts the README's library example in it (the C# block
# after the "library-example" marker; Simulation.Core/PACKAGE.md must show the same code), builds and runs it, and checks
# what it prints. The package gets a version of its own (0.0.0-test.<time>) so that no cached package stands in for it,
# and that version is removed from the NuGet cache afterwards. Exits non-zero with a message on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
tmp=$(mktemp -d)
version="0.0.0-test.$(date +%s).$$"
cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}/urbansim.core/$version"
trap 'rm -rf "$tmp" "$cache"' EXIT
fail() { echo "scripts/test-library.sh: $*" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The example: the first ```csharp block after the marker, in README.md and in PACKAGE.md (which must agree).
extract() { awk '/library-example/ { marked = 1 } marked && /^```csharp/ { inside = 1; next } inside && /^```/ { exit } inside { print }' "$1"; }
extract README.md > "$tmp/readme.cs"
[ -s "$tmp/readme.cs" ] || fail "README.md has no C# block after the 'library-example' marker"
awk '/^```csharp/ { inside = 1; next } inside && /^```/ { exit } inside { print }' Simulation.Core/PACKAGE.md > "$tmp/package.cs"
diff -u "$tmp/readme.cs" "$tmp/package.cs" >&2 || fail "the example in Simulation.Core/PACKAGE.md differs from README.md's; make them the same"

dotnet pack Simulation.Core -c Release -o "$tmp/nupkg" -p:Version="$version" -v quiet -nologo >"$tmp/pack.log" 2>&1 \
  || { cat "$tmp/pack.log" >&2; fail "dotnet pack Simulation.Core failed"; }
package="$tmp/nupkg/UrbanSim.Core.$version.nupkg"
[ -f "$package" ] || fail "no package $package"
# The package carries the library, its XML documentation and its README.
contents=$(unzip -l "$package")
for entry in lib/net10.0/Simulation.Core.dll lib/net10.0/Simulation.Core.xml PACKAGE.md; do
  grep -q " $entry\$" <<<"$contents" || fail "the package lacks $entry"
done
echo "scripts/test-library.sh: UrbanSim.Core package $(du -k "$package" | cut -f1) KB"

mkdir -p "$tmp/example"
cat > "$tmp/example/Example.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="UrbanSim.Core" Version="$version" />
  </ItemGroup>
</Project>
PROJECT
# Outside the repository, so that its Directory.Build.props and central package versions do not apply.
printf '<Project />\n' > "$tmp/Directory.Build.props"
printf '<Project />\n' > "$tmp/Directory.Packages.props"
cp "$tmp/readme.cs" "$tmp/example/Program.cs"
cat > "$tmp/example/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$tmp/nupkg" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
CONFIG
(cd "$tmp/example" && dotnet build -c Release -v quiet -nologo >"$tmp/build.log" 2>&1) \
  || { cat "$tmp/build.log" >&2; fail "the README's library example does not compile against the package"; }
output=$(cd "$tmp/example" && dotnet run -c Release --no-build) || fail "the README's library example failed: $output"
echo "$output"
grep -q "^Tied grants .*HLE mean 6[0-9]\.[0-9]* years" <<<"$output" || fail "the example did not print the tied grants' HLE distribution"
grep -q "^Single pot minus tied grants: [+-]0\.[0-9]* years of HLE" <<<"$output" || fail "the example did not print the paired difference"
echo "scripts/test-library.sh: the README's library example compiled against UrbanSim.Core $version and ran"
