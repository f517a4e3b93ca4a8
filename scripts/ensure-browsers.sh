#!/usr/bin/env bash
# Makes sure the real browsers the tests drive are installed: Debian's Chromium and Firefox
# ESR (or the binaries named by CHROMIUM_PATH / FIREFOX_PATH), and the English and French
# word lists the build reads to decide aliases' case rules (wamerican, wfrench:
# scripts/word-lists.ts; SL_WORD_LISTS names other lists). Runs before `npm test` (the
# `pretest` script) and in .ci/run. A missing package is installed through apt when this
# user may (root, or passwordless sudo); otherwise it fails at once with the command.
set -euo pipefail

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
firefox=${FIREFOX_PATH:-/usr/bin/firefox-esr}
missing=()
[ -x "$chromium" ] || missing+=(chromium)
[ -x "$firefox" ] || missing+=(firefox-esr)
if [ -z "${SL_WORD_LISTS:-}" ]; then
  [ -f /usr/share/dict/american-english ] || missing+=(wamerican)
  [ -f /usr/share/dict/french ] || missing+=(wfrench)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

command="apt-get update && apt-get install -y ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need ${missing[*]}; this machine has no apt-get." >&2
  echo "Install them, or set CHROMIUM_PATH / FIREFOX_PATH / SL_WORD_LISTS." >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo"
else
  echo "The tests need ${missing[*]}. Install them with:" >&2
  echo "  sudo sh -c '$command'" >&2
  exit 1
fi
echo "Installing ${missing[*]} for the tests (apt-get)..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
