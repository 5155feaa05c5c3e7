#!/usr/bin/env bash
# Builds the libFuzzer targets in Tests/Fuzz and runs each for a bounded time.
#   scripts/fuzz.sh            every target for 15 s (what CI runs: 60 s in all)
#   scripts/fuzz.sh 600 names  one target for 10 minutes, for a longer local hunt
# SwiftPM cannot link an executable with -sanitize=fuzzer (libFuzzer brings its own main), so
# the libraries are built instrumented with SwiftPM and each target is linked with swiftc.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
only="${2:-}"
scratch=.build-fuzz
flags=(-Xswiftc -sanitize=fuzzer,address)
swift build --scratch-path "$scratch" --target SalientIO "${flags[@]}" >/dev/null
build="$scratch/debug"
# Salient's objects are named from its current sources: a file renamed or removed leaves its old
# object behind in the scratch folder, which would be linked in twice.
mapfile -t objects < <( (for module in SalientCore SalientIO; do
              find "Sources/$module" -name '*.swift' -printf "$build/$module.build/%f.o\n"
            done
            # swift-collections names objects after files with spaces in their names.
            find "$build/Yams.build" "$build/CYaml.build" "$build/ZIPFoundation.build" "$build/CSV.build" \
              "$build/HeapModule.build" "$build/InternalCollectionsUtilities.build" -name '*.o') | sort)
mkdir -p "$scratch/fuzzers"
# cairo's and libpq's headers live in their own folders, which only pkg-config knows.
cairo_includes=()
for flag in $(pkg-config --cflags-only-I cairo libpq); do cairo_includes+=(-Xcc "$flag"); done
export SWIFT_BACKTRACE=enable=no  # the Swift crash handler would muddy AddressSanitizer's report
status=0
for target in timeline gazetteer names units; do
  [[ -n "$only" && "$only" != "$target" ]] && continue
  source="Tests/Fuzz/Fuzz$(tr '[:lower:]' '[:upper:]' <<< "${target:0:1}")${target:1}.swift"
  binary="$scratch/fuzzers/$target"
  swiftc -sanitize=fuzzer,address -parse-as-library -g "$source" "${objects[@]}" \
    -I "$build/Modules" -I Sources/CGEOS -I Sources/CPROJ -I Sources/CSQLite -I Sources/CXXHash -I Sources/CCairo -I Sources/CPostgres \
    "${cairo_includes[@]}" -I "$scratch/checkouts/Yams/Sources/CYaml/include" \
    -I "$scratch/checkouts/ZIPFoundation/Sources/CZLib" \
    -lgeos_c -lproj -lxxhash -lpq -o "$binary" > "$scratch/fuzzers/$target.link.log" 2>&1 || { cat "$scratch/fuzzers/$target.link.log" >&2; exit 1; }
  work=$(mktemp -d)
  echo "fuzzing $target for ${seconds}s"
  # Leaks and timeouts fail the run as crashes do; -rss_limit_mb bounds memory.
  if ! "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
       -print_final_stats=1 "$work" "Tests/Fuzz/corpus/$target" 2> "$scratch/fuzzers/$target.log"; then
    echo "fuzz target $target failed; see below" >&2
    tail -60 "$scratch/fuzzers/$target.log" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units" "$scratch/fuzzers/$target.log" | sed "s/^/  $target /"
  fi
  rm -rf "$work"
done
exit $status
