#!/usr/bin/env bash
# Set up SoloService on a fresh Debian/Ubuntu machine and run it or its tests.
#
#   bash packaging/dev.sh demo    system libraries, .venv, the package; opens the app on demo data
#   bash packaging/dev.sh test    the same plus the test servers' packages; runs the whole test suite
#   bash packaging/dev.sh lint    ruff and mypy (after test or demo has set up .venv)
#   bash packaging/dev.sh install-desktop   a menu entry for this user (after demo or test)
#
# Idempotent: a second run only installs what is missing.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV="${SOLOSERVICE_VENV:-$ROOT/.venv}"
MODE="${1:-demo}"

# What offscreen Qt needs on a bare machine, plus what the xcb platform needs on a desktop.
QT_LIBS="libgl1 libegl1 libx11-6 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-shape0 libxkbcommon-x11-0 fonts-dejavu-core"
# Real servers the tests talk to (Dovecot IMAP); openssl makes their self-signed certificate.
TEST_PKGS="dovecot-imapd openssl"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null; then
    echo "Not a Debian/Ubuntu machine: install these yourself: ${missing[*]}" >&2
    return 1
  fi
  say "Installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  # Ubuntu 24.04 renamed some libraries (t64); take whichever name exists.
  local resolved=()
  for pkg in "${missing[@]}"; do
    if apt-cache show "${pkg}t64" >/dev/null 2>&1 && ! apt-cache show "$pkg" >/dev/null 2>&1; then
      resolved+=("${pkg}t64")
    else
      resolved+=("$pkg")
    fi
  done
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${resolved[@]}" >/dev/null
}

glib_pkg() {
  if apt-cache show libglib2.0-0t64 >/dev/null 2>&1; then echo libglib2.0-0t64; else echo libglib2.0-0; fi
}

python_ok() {
  "$1" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null
}

setup() {
  local extra=("$@")
  # shellcheck disable=SC2086
  apt_install $QT_LIBS "${extra[@]}"
  command -v apt-get >/dev/null && apt_install "$(glib_pkg)"
  local py=python3
  if ! python_ok "$py"; then
    apt_install python3 python3-venv python3-pip
  fi
  python_ok "$py" || { echo "Python 3.11 or newer with venv is needed" >&2; exit 2; }
  if [ ! -x "$VENV/bin/python" ]; then
    say "Creating virtual environment $VENV"
    "$py" -m venv "$VENV"
  fi
  say "Installing SoloService into $VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e "$ROOT[test]"
}

case "$MODE" in
  demo)
    setup
    say "Opening SoloService on demo data"
    exec "$VENV/bin/soloservice" gui --demo
    ;;
  test)
    # shellcheck disable=SC2086
    setup $TEST_PKGS
    say "Running the test suite"
    cd "$ROOT"
    exec "$VENV/bin/python" -m pytest "${@:2}"
    ;;
  lint)
    cd "$ROOT"
    "$VENV/bin/ruff" check src tests benchmarks packaging
    "$VENV/bin/ruff" format --check src tests benchmarks packaging
    "$VENV/bin/mypy" src
    ;;
  install-desktop)
    apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
    icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/scalable/apps"
    mkdir -p "$apps" "$icons"
    cp "$ROOT/src/soloservice/resources/icons/app.svg" "$icons/soloservice.svg"
    sed "s#^Exec=soloservice#Exec=$VENV/bin/soloservice#" "$ROOT/packaging/soloservice.desktop" \
      > "$apps/soloservice.desktop"
    say "Installed $apps/soloservice.desktop"
    ;;
  *)
    echo "usage: bash packaging/dev.sh demo|test|lint|install-desktop" >&2
    exit 2
    ;;
esac
