#!/bin/sh
# Fuzz smoke (issue 7): builds the libFuzzer targets with clang (address + undefined sanitizers)
# and runs each for SECONDS (default 60) on a copy of its saved corpus, one target at a time.
# A crash, sanitizer report, uncaught exception, hang (>10 s per input) or leak fails the run; the
# input is copied to tests/fuzz/regressions/<target>/ so that the replay under g++ (ctest fuzz-*)
# keeps it. Usage: tests/fuzz/smoke.sh [SECONDS] [TARGET...]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-"text xml amendment apply diff docx"}
build=${AMEND_FUZZ_BUILD:-$root/build-fuzz}
jobs=${AMEND_FUZZ_JOBS:-2}

if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz smoke: clang++ not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2
  exit 1
fi
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DAMEND_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -fno-sanitize-recover=undefined -fsanitize=fuzzer-no-link" >/dev/null
for t in $targets; do
  cmake --build "$build" -j"$jobs" --target "fuzz_$t" >/dev/null
done

failed=""
for t in $targets; do
  work="$build/fuzz-work/$t"
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp "$root/tests/fuzz/corpus/$t/"* "$work/corpus/" 2>/dev/null || true
  # Fixed regressions seed the run; known-* ones (reported, not fixed yet) would fail it at once.
  for r in "$root/tests/fuzz/regressions/$t/"*; do
    case "$(basename "$r")" in known-*) ;; *) [ -f "$r" ] && cp "$r" "$work/corpus/" ;; esac
  done
  echo "fuzz $t: ${secs} s"
  if ! UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 \
      "$build/tests/fuzz/fuzz_$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
      "$work/corpus" >"$work/log" 2>&1; then
    tail -n 60 "$work/log"
    mkdir -p "$root/tests/fuzz/regressions/$t"
    for a in "$work/artifacts/"*; do
      [ -f "$a" ] || continue
      cp "$a" "$root/tests/fuzz/regressions/$t/"
      echo "fuzz $t: saved tests/fuzz/regressions/$t/$(basename "$a")"
    done
    failed="$failed $t"
  else
    grep -E "stat::number_of_executed_units|cov:" "$work/log" | tail -n 2
  fi
done
if [ -n "$failed" ]; then
  echo "fuzz smoke FAILED:$failed"
  exit 1
fi
echo "fuzz smoke: ok"
