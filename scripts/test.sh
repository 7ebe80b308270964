#!/usr/bin/env bash
# Runs casefile's test suite, installing what it needs first:
#   apt-get: libedit-dev (the shell), recutils (the recfile oracle), tmux (terminal tests),
#            graphviz (DOT export), chromium (HTML report screenshots), icu-devtools (uconv);
#   pip, into .build/venv: followthemoney, translate-toolkit, lxml, html5lib, wacz (the real
#            readers every export and evidence test checks its output with).
# Under CI=true a test whose reader is missing fails instead of saying it was skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
packages=(libedit-dev recutils tmux graphviz chromium icu-devtools python3-venv)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
venv="$root/.build/venv"
wanted="followthemoney translate-toolkit lxml html5lib wacz"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import followthemoney, translate, lxml, html5lib, wacz" 2>/dev/null; then
  echo "installing into $venv: $wanted"
  mkdir -p "$root/.build"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check $wanted
fi
export CASEFILE_TEST_PYTHON="$venv/bin/python"
mkdir -p "$root/.build"
swift build --build-tests 2>&1 | tee "$root/.build/build.log"
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || exit "$status"
# Warnings are errors in CI: a fresh clone compiles every file, so every warning of our own
# code shows here (the dependencies' are theirs, and are not counted).
if [ "${CI:-}" = "true" ] && grep -E "^$root/(Sources|Tests)/[^:]+:[0-9]+:[0-9]+: warning:" "$root/.build/build.log" | sort -u | grep .; then
  echo "error: the build has compiler warnings (above); CI treats them as errors"
  exit 1
fi
# A hung test fails the run in bounded time instead of holding CI until its own limit
# (CASEFILE_TEST_TIMEOUT seconds, 1200 unless told; the tests take about 5 minutes here).
limit="${CASEFILE_TEST_TIMEOUT:-1200}"
status=0
timeout -k 30 "$limit" swift test --skip-build "$@" || status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "error: the tests did not finish within $limit s (a test hung); set CASEFILE_TEST_TIMEOUT to allow longer"
fi
exit "$status"
