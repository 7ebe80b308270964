#!/usr/bin/env bash
# Runs casefile's test suite, installing what it needs first (libedit-dev, recutils).
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
dpkg -s libedit-dev >/dev/null 2>&1 || missing+=(libedit-dev)
command -v recsel >/dev/null 2>&1 || missing+=(recutils)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
swift build --build-tests
swift test --skip-build "$@"
