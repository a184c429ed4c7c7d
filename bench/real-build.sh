#!/usr/bin/env bash
# SafeShare's cost in a real `dotnet build`, as the compiler reports it (ReportAnalyzer), beside the harness.
#
#   bench/real-build.sh [--sizes 1000,5000] [--reps 3] [--baseline COMMIT] [--out FILE]
#
# Packs the SafeShare package from this checkout (and, with --baseline, from that commit), writes the harness's
# synthetic codebase at each size as a project referencing the package, and builds it --no-incremental with
# -p:ReportAnalyzer=true, which makes csc print its own analyzer and generator times. The compiler server runs as in
# a developer's build (warmed by one untimed build per project, shut down at the end). Prints one table row per size,
# package and repetition, then the medians, as Markdown. Needs the .NET SDK and the package registry.
set -euo pipefail

sizes=1000,5000
reps=3
baseline=""
out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --baseline) baseline="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--sizes 1000,5000] [--reps 3] [--baseline COMMIT] [--out FILE]" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; [[ -n "${KEEP:-}" ]] || rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER=1

pack() { # pack <source root> <version>
  dotnet pack "$1/src/SafeShare/SafeShare.csproj" -c Release -o "$work/feed" --artifacts-path "$work/artifacts-$2" \
    -p:Version="$2" -nodeReuse:false --disable-build-servers -tl:off -v:q >"$work/pack-$2.log" 2>&1 ||
    { cat "$work/pack-$2.log" >&2; exit 1; }
}

echo "packing the current checkout..." >&2
pack "$repo" 0.0.0-current
versions=(0.0.0-current)
if [[ -n "$baseline" ]]; then
  echo "packing $baseline..." >&2
  mkdir -p "$work/baseline"
  git -C "$repo" archive "$baseline" | tar -x -C "$work/baseline"
  pack "$work/baseline" 0.0.0-baseline
  versions=(0.0.0-baseline 0.0.0-current)
fi

echo "writing the codebases..." >&2
dotnet run -c Release --project "$repo/bench/SafeShare.Bench" -- --sizes "$sizes" --emit-corpus "$work/corpus" >"$work/corpus.log" 2>&1 ||
  { cat "$work/corpus.log" >&2; exit 1; }

rows="$work/rows.tsv"
: >"$rows"
IFS=, read -r -a size_list <<<"$sizes"
for size in "${size_list[@]}"; do
  for version in "${versions[@]}"; do
    project="$work/p-$size-$version"
    mkdir -p "$project"
    cp -r "$work/corpus/$size/." "$project/"
    printf '<Project />\n' >"$project/Directory.Build.props"
    printf '<Project />\n' >"$project/Directory.Build.targets"
    printf '<Project />\n' >"$project/Directory.Packages.props"
    cat >"$project/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="safeshare-packed" value="$work/feed" />
  </packageSources>
</configuration>
EOF
    # The codebase sends personal data over http on purpose (SAFE206, an error by default): a warning here, so it builds.
    printf 'is_global = true\ndotnet_diagnostic.SAFE206.severity = warning\n' >"$project/.globalconfig"
    cat >"$project/Bench.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <NuGetAudit>false</NuGetAudit>
    <RestorePackagesPath>$work/packages</RestorePackagesPath>
    <ReportAnalyzer>true</ReportAnalyzer>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="SafeShare" Version="[$version]" />
  </ItemGroup>
</Project>
EOF
    dotnet restore "$project/Bench.csproj" -v:q >"$work/restore.log" 2>&1 || { cat "$work/restore.log" >&2; exit 1; }
    # One untimed build: the SDK's first-run work, the disk cache and a warm compiler server, as a developer's next build.
    dotnet build "$project/Bench.csproj" --no-restore -nodeReuse:false -tl:off -v:q >/dev/null 2>&1 || true
    for rep in $(seq 1 "$reps"); do
      log="$work/build-$size-$version-$rep.log"
      start=$(date +%s%N)
      dotnet build "$project/Bench.csproj" --no-restore --no-incremental -nodeReuse:false -tl:off -v:d \
        -clp:PerformanceSummary >"$log" 2>&1 || { tail -30 "$log" >&2; exit 1; }
      end=$(date +%s%N)
      # csc's report lists each analyzer assembly, then each generator: SafeShare's own lines (the SDK's analyzers and
      # generators run too and are not counted).
      analyzers=$(awk '/Total analyzer execution time/ {on=1} /Total generator execution time/ {on=0} on && /SafeShare.Analyzers, Version/ {print $1; exit}' "$log")
      generators=$(awk '/SafeShare.Analyzers.Generation.SafeShareGenerator/ {print $1; exit}' "$log")
      analyzers=${analyzers:-0} generators=${generators:-0}
      # The Csc task's own time from MSBuild's performance summary (ms).
      csc=$(grep -oP '^\s+\K[0-9]+(?= ms\s+Csc\s)' "$log" | head -1 || echo 0)
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$version" "$rep" "$csc" "$analyzers" "$generators" "$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')" >>"$rows"
      echo "  $size files, $version, rep $rep: csc ${csc} ms, analyzers ${analyzers} s, generators ${generators} s" >&2
    done
  done
done

report() {
  echo "| Files | Package | Csc task (ms) | SafeShare analyzers, csc's figure (ms) | SafeShare generator, csc's figure (ms) | Whole build (s) |"
  echo "|---:|---|---:|---:|---:|---:|"
  python3 - "$rows" <<'PY'
import sys, statistics, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    size, version, rep, csc, analyzers, generators, wall = line.split("\t")
    rows[(int(size), version)].append((float(csc), float(analyzers) * 1000, float(generators) * 1000, float(wall)))
for (size, version), values in sorted(rows.items()):
    med = [statistics.median(v[i] for v in values) for i in range(4)]
    label = version.replace("0.0.0-", "")
    print(f"| {size:,} | {label} | {med[0]:,.0f} | {med[1]:,.0f} | {med[2]:,.0f} | {med[3]:.1f} |")
PY
  echo
  echo "Medians of $reps builds each (\`dotnet build --no-incremental -p:ReportAnalyzer=true\` with the compiler server, after one untimed build)."
}

if [[ -n "$out" ]]; then report | tee "$out"; else report; fi
