#!/usr/bin/env bash
# SafeShare's cost in a real `dotnet build`, as the compiler reports it (ReportAnalyzer), beside the harness.
#
#   bench/real-build.sh [--sizes 1000,5000] [--reps 3] [--corpus casework,services,logging] [--bare] [--lookup-only] [--baseline COMMIT] [--out FILE]
#
# Packs the SafeShare package from this checkout (and, with --baseline, from that commit), writes the harness's
# synthetic codebase of each shape (--corpus) at each size as a project referencing the package, and builds it
# --no-incremental with -p:ReportAnalyzer=true, which makes csc print its own analyzer and generator times. With --bare
# the same program is also built without SafeShare's analyzers and generator (the runtime referenced directly, the
# generator's output compiled as plain files): the bare compile the costs are divided by. With --lookup-only it is also
# built as bare is, with the generator's inputs alone in place of the generator (bench/SafeShare.Bench.LookupOnly: the same
# attribute lookups, each transform returning a position): what Roslyn's lookups cost csc. The compiler server runs as
# in a developer's build (warmed by one untimed build per project, shut down at the end). Prints the medians per
# corpus, size and package as Markdown. Needs the .NET SDK and the package registry.
set -euo pipefail

sizes=1000,5000
reps=3
corpora=casework
bare=""
lookup=""
baseline=""
out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --corpus) corpora="$2"; shift 2 ;;
    --bare) bare=1; shift ;;
    --lookup-only) lookup=1; shift ;;
    --reps) reps="$2"; shift 2 ;;
    --baseline) baseline="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--sizes 1000,5000] [--reps 3] [--corpus casework,services,logging] [--bare] [--lookup-only] [--baseline COMMIT] [--out FILE]" >&2; exit 2 ;;
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

# The bare and lookup-only builds run after the current package's, whose generated files they compile.
if [[ -n "$bare" ]]; then versions+=(bare); fi
if [[ -n "$lookup" ]]; then
  echo "building the generator's inputs alone..." >&2
  dotnet build "$repo/bench/SafeShare.Bench.LookupOnly/SafeShare.Bench.LookupOnly.csproj" -c Release -o "$work/lookup-only" \
    -nodeReuse:false --disable-build-servers -tl:off -v:q >"$work/lookup-only.log" 2>&1 || { cat "$work/lookup-only.log" >&2; exit 1; }
  versions+=(lookup-only)
fi

echo "writing the codebases..." >&2
IFS=, read -r -a corpus_list <<<"$corpora"
for corpus in "${corpus_list[@]}"; do
  dotnet run -c Release --project "$repo/bench/SafeShare.Bench" -- --sizes "$sizes" --corpus "$corpus" --emit-corpus "$work/corpus-$corpus" >"$work/corpus.log" 2>&1 ||
    { cat "$work/corpus.log" >&2; exit 1; }
done

rows="$work/rows.tsv"
: >"$rows"
IFS=, read -r -a size_list <<<"$sizes"
for corpus in "${corpus_list[@]}"; do
  for size in "${size_list[@]}"; do
    for version in "${versions[@]}"; do
      project="$work/p-$corpus-$size-$version"
      mkdir -p "$project"
      cp -r "$work/corpus-$corpus/$size/." "$project/"
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
      # The logging-heavy codebase logs with Microsoft.Extensions.Logging, as a service does through its host.
      logging=""
      if [[ "$corpus" == logging ]]; then
        logging='<PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="10.0.5" />'
      fi
      if [[ "$version" == bare || "$version" == lookup-only ]]; then
        # No SafeShare analyzers or generator: the runtime referenced as a plain assembly, and what the generator wrote
        # in the current package's build compiled as ordinary source files.
        mkdir -p "$project/Generated"
        cp "$work/p-$corpus-$size-0.0.0-current/obj/generated/SafeShare.Analyzers/SafeShare.Analyzers.Generation.SafeShareGenerator/"*.cs "$project/Generated/"
        safeshare="<Reference Include=\"SafeShare\" HintPath=\"$work/packages/safeshare/0.0.0-current/lib/net10.0/SafeShare.dll\" />"
        if [[ "$version" == lookup-only ]]; then
          # Only this assembly is an analyzer here (it compiles the generator's inputs in and depends on nothing of
          # SafeShare's), so neither SafeShare's generator nor its analyzers run.
          safeshare="$safeshare<Analyzer Include=\"$work/lookup-only/SafeShare.Bench.LookupOnly.dll\" />"
        fi
      else
        safeshare="<PackageReference Include=\"SafeShare\" Version=\"[$version]\" />"
      fi
      cat >"$project/Bench.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <NuGetAudit>false</NuGetAudit>
    <RestorePackagesPath>$work/packages</RestorePackagesPath>
    <ReportAnalyzer>true</ReportAnalyzer>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
    <CompilerGeneratedFilesOutputPath>obj/generated</CompilerGeneratedFilesOutputPath>
  </PropertyGroup>
  <ItemGroup>
    $safeshare
    $logging
  </ItemGroup>
</Project>
EOF
      dotnet restore "$project/Bench.csproj" -v:q >"$work/restore.log" 2>&1 || { cat "$work/restore.log" >&2; exit 1; }
      # One untimed build: the SDK's first-run work, the disk cache and a warm compiler server, as a developer's next build.
      dotnet build "$project/Bench.csproj" --no-restore -nodeReuse:false -tl:off -v:q >/dev/null 2>&1 || true
      for rep in $(seq 1 "$reps"); do
        log="$work/build-$corpus-$size-$version-$rep.log"
        start=$(date +%s%N)
        dotnet build "$project/Bench.csproj" --no-restore --no-incremental -nodeReuse:false -tl:off -v:d \
          -clp:PerformanceSummary >"$log" 2>&1 || { tail -30 "$log" >&2; exit 1; }
        end=$(date +%s%N)
        # csc's report lists each analyzer assembly with its analyzers under it, then each generator: SafeShare's own
        # lines (the SDK's analyzers and generators run too and are not counted), and the two data-flow analyzers.
        analyzers=$(awk '/Total analyzer execution time/ {on=1} /Total generator execution time/ {on=0} on && /SafeShare.Analyzers, Version/ {print $1; exit}' "$log")
        flow=$(awk '/Total analyzer execution time/ {on=1} /Total generator execution time/ {on=0} on && /OutboundPersonalDataAnalyzer|PersonalDataLoggedAnalyzer/ {sum += $1} END {printf "%.3f", sum}' "$log")
        generators=$(awk '/SafeShare.Analyzers.Generation.SafeShareGenerator|SafeShare.Bench.LookupOnly.AttributeLookupOnly/ {print $1; exit}' "$log")
        analyzers=${analyzers:-0} generators=${generators:-0} flow=${flow:-0}
        # The Csc task's own time from MSBuild's performance summary (ms).
        csc=$(grep -oP '^\s+\K[0-9]+(?= ms\s+Csc\s)' "$log" | head -1 || echo 0)
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$corpus" "$size" "$version" "$rep" "$csc" "$analyzers" "$generators" \
          "$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')" "$flow" >>"$rows"
        echo "  $corpus, $size files, $version, rep $rep: csc ${csc} ms, analyzers ${analyzers} s (data-flow rules ${flow} s), generator ${generators} s" >&2
      done
    done
  done
done

report() {
  echo "| Corpus | Files | Package | Csc task (ms) | SafeShare analyzers, csc's figure (ms) | of which SAFE104/206 and SAFE110 (ms) | SafeShare generator, csc's figure (ms) | Whole build (s) | SafeShare / bare Csc | SAFE104/206/110 / bare Csc |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"
  python3 - "$rows" <<'PY'
import sys, statistics, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    corpus, size, version, rep, csc, analyzers, generators, wall, flow = line.rstrip("\n").split("\t")
    rows[(corpus, int(size), version)].append((float(csc), float(analyzers) * 1000, float(flow) * 1000, float(generators) * 1000, float(wall)))
medians = {key: [statistics.median(v[i] for v in values) for i in range(5)] for key, values in rows.items()}
for (corpus, size, version), med in sorted(medians.items()):
    label = version.replace("0.0.0-", "")
    bare = medians.get((corpus, size, "bare"))
    share = flow = "—"
    if bare and version != "bare" and bare[0] > 0:
        share = f"{(med[1] + med[3]) / bare[0] * 100:.2f} %"
        flow = f"{med[2] / bare[0] * 100:.2f} %"
    print(f"| {corpus} | {size:,} | {label} | {med[0]:,.0f} | {med[1]:,.0f} | {med[2]:,.0f} | {med[3]:,.0f} | {med[4]:.1f} | {share} | {flow} |")
PY
  echo
  echo "Medians of $reps builds each (\`dotnet build --no-incremental -p:ReportAnalyzer=true\` with the compiler server, after one untimed build)."
}

if [[ -n "$out" ]]; then report | tee "$out"; else report; fi
