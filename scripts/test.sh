#!/usr/bin/env bash
# The test command (README, .ci/run): installs what is missing, builds with
# warnings as errors, runs every test (unit, ODF validation, real headless
# LibreOffice with the built .oxt), then builds the core and its unit tests
# once more with AddressSanitizer + UndefinedBehaviorSanitizer and runs them,
# and the threaded collect under ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-deps.sh

jobs=${EVAKIN_JOBS:-2}
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEVAKIN_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure

echo "== sanitizer build (ASan + UBSan): core and unit tests =="
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DEVAKIN_SANITIZE=ON -DEVAKIN_WERROR=ON >/dev/null
cmake --build build-asan -j"$jobs" --target evakin_unit_tests evakin
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --test-dir build-asan --output-on-failure -R '^(unit|odf_valid_outputs)$'

echo "== ThreadSanitizer build: the threaded collect and its helpers =="
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug -DEVAKIN_TSAN=ON -DEVAKIN_WERROR=ON >/dev/null
cmake --build build-tsan -j"$jobs" --target evakin_unit_tests
TSAN_OPTIONS=halt_on_error=1 build-tsan/tests/evakin_unit_tests '[parallel],[collect]'

echo "== fuzz smoke run (libFuzzer, clang): the spreadsheet reader, the settings and state files =="
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DEVAKIN_FUZZ=ON -DEVAKIN_BUILD_EXTENSION=OFF >/dev/null
cmake --build build-fuzz -j"$jobs" --target fuzz_read_workbook fuzz_state_files
ctest --test-dir build-fuzz --output-on-failure -R '^fuzz_(read_workbook|state_files)_smoke$'
