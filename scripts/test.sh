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
swift build --build-tests
swift test --skip-build "$@"
