#!/usr/bin/env bash
# Builds and runs one libFuzzer target for the given time:
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]
#
# TARGET is reader (CaseReader.read(bytes:)), lexer (Lexer.lex), query
# (SearchQuery.parse, once the search code is in Sources/CasefileCore/Search), diff
# (FileComparison and its byte scan against the reader's scanner) or index (a saved
# search index's payload read back for a small case).
# Each target is Fuzz/<Name>Fuzz.swift compiled with all of CasefileCore's sources
# (swiftc -sanitize=fuzzer,address) into .build-fuzz/TARGET. The working corpus is
# .build-fuzz/corpus/TARGET, seeded from Fuzz/Seeds/TARGET and Fuzz/Regressions/TARGET.
# A crashing, leaking or timing-out input is written to Fuzz/Regressions/TARGET/, where
# the normal test suite (FuzzRegressionTests) replays it from then on: commit it with
# the fix. One job, one worker: the machine is shared. Prints the execution count.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:-}"
seconds="${2:-}"
if [[ -z "$target" || -z "$seconds" ]]; then
  echo "usage: scripts/fuzz.sh reader|lexer|query|diff|index SECONDS [libFuzzer options...]" >&2
  exit 2
fi
shift 2
case "$target" in
  reader) source_file="ReaderFuzz.swift" ;;
  lexer) source_file="LexerFuzz.swift" ;;
  query) source_file="QueryFuzz.swift" ;;
  diff) source_file="DiffFuzz.swift" ;;
  index) source_file="IndexFuzz.swift" ;;
  *) echo "fuzz.sh: unknown target '$target' (reader, lexer, query, diff or index)" >&2; exit 2 ;;
esac
if [[ "$target" == query && ! -d "$root/Sources/CasefileCore/Search" ]]; then
  echo "fuzz.sh: the search query parser is not in this tree yet (Sources/CasefileCore/Search)" >&2
  exit 2
fi
swiftc="${SWIFTC:-$(command -v swiftc)}"
build="$root/.build-fuzz"
mkdir -p "$build/corpus/$target" "$root/Fuzz/Regressions/$target"
binary="$build/$target"
sources=("$root/Fuzz/$source_file")
while IFS= read -r -d '' file; do sources+=("$file"); done < <(find "$root/Sources/CasefileCore" -name '*.swift' -print0 | sort -z)
# CasefileCore's package dependencies (swift-crypto, ZIPFoundation) come from the debug
# build (`swift build`): their modules, the C module maps beside them and their objects
# (linked as they are: only casefile's own code is instrumented).
debug="$root/.build/debug"
if [[ ! -f "$debug/Modules/Crypto.swiftmodule" || ! -f "$debug/Modules/ZIPFoundation.swiftmodule" ]]; then
  echo "fuzz.sh: building the package's dependencies first (swift build --target CasefileCore)" >&2
  (cd "$root" && swift build --target CasefileCore) >&2
fi
dependencies=(-I "$debug/Modules")
while IFS= read -r -d '' map; do dependencies+=(-Xcc "-fmodule-map-file=$map"); done \
  < <(find "$root/.build/checkouts/swift-crypto/Sources" -path '*/include/module.modulemap' -print0)
# ZIPFoundation's zlib shim (CZlib) keeps its module map beside the header, not in include/.
while IFS= read -r -d '' map; do dependencies+=(-Xcc "-fmodule-map-file=$map"); done \
  < <(find "$root/.build/checkouts/ZIPFoundation/Sources" -name module.modulemap -print0)
for module in Crypto CCryptoBoringSSL CCryptoBoringSSLShims CryptoBoringWrapper ZIPFoundation; do
  while IFS= read -r -d '' object; do dependencies+=("$object"); done < <(find "$debug/$module.build" -name '*.o' -print0)
done
dependencies+=(-lz)
stale=""
if [[ -x "$binary" ]]; then
  for file in "${sources[@]}"; do [[ "$file" -nt "$binary" ]] && { stale=yes; break; }; done
fi
if [[ ! -x "$binary" || -n "$stale" ]]; then
  echo "fuzz.sh: building $binary (${#sources[@]} files)" >&2
  "$swiftc" -sanitize=fuzzer,address -parse-as-library -O -g -module-name CasefileFuzz \
    "${sources[@]}" "${dependencies[@]}" -o "$binary" 2> "$build/$target.build.log" \
    || { grep -v 'Cannot export local symbol' "$build/$target.build.log" >&2; exit 1; }
fi
cp -n "$root/Fuzz/Seeds/$target/"* "$root/Fuzz/Regressions/$target/"* "$build/corpus/$target/" 2>/dev/null || true
log="$build/$target.log"
echo "fuzz.sh: running $target for $seconds s (log: $log)" >&2
status=0
# Swift's own crash reporter fights AddressSanitizer over the dying process: let libFuzzer report.
# With -jobs, libFuzzer writes the job's output to fuzz-0.log in the working folder.
mkdir -p "$build/work-$target"
cd "$build/work-$target"
SWIFT_BACKTRACE=enable=no "$binary" "$build/corpus/$target" \
  -max_total_time="$seconds" -jobs=1 -workers=1 -print_final_stats=1 \
  -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
  -artifact_prefix="$root/Fuzz/Regressions/$target/" "$@" > "$log" 2>&1 || status=$?
executions=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | awk '{print $2}')
echo "$target: ${executions:-?} executions in $seconds s, exit status $status"
if [[ $status -ne 0 ]]; then
  grep -E '==ERROR|Fatal error|SUMMARY|Test unit written' "$log" >&2 || tail -20 "$log" >&2
fi
exit "$status"
