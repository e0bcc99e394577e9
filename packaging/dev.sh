#!/usr/bin/env bash
# Set up SoloService on a fresh Debian/Ubuntu machine and run it or its tests.
#
#   bash packaging/dev.sh demo    system libraries, .venv, the app (no test tools); opens it on demo data
#                                 (further arguments go to `soloservice gui --demo`, e.g. --count 500)
#   bash packaging/dev.sh test    the same plus the test tools and mail server; runs the whole test suite
#   bash packaging/dev.sh lint    ruff and mypy (installs the test tools if they are missing)
#   bash packaging/dev.sh bundle  the one-folder app dist/SoloService/ and its .tar.gz (PyInstaller),
#                                 then its smoke test (packaging/smoke_bundle.sh)
#   bash packaging/dev.sh setup   only the set-up of `demo`, without opening the window
#   bash packaging/dev.sh install-desktop   a menu entry for this user pointing into .venv
#   bash packaging/dev.sh i18n    new GUI strings into resources/translations/*.ts (pyside6-lupdate),
#                                 then the .qm the dev install loads (pyside6-lrelease)
#
# Idempotent and quick the second time: system packages are only installed when missing, and
# pip only runs when pyproject.toml or the wanted extras changed since the last install (a stamp
# in the venv records both), so a second `demo` opens the window at once.
#
# Environment: SOLOSERVICE_VENV (default .venv), SOLOSERVICE_NO_OPEN=1 (demo stops after the
# set-up), SOLOSERVICE_NO_APT=1 (skip the system packages: not Debian, or already handled).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV="${SOLOSERVICE_VENV:-$ROOT/.venv}"
MODE="${1:-demo}"
STAMP="$VENV/.soloservice-install-stamp"

# What offscreen Qt needs on a bare machine, plus what the xcb platform needs on a desktop.
QT_LIBS="libgl1 libegl1 libx11-6 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-shape0 libxkbcommon-x11-0 fonts-dejavu-core"
# Real servers the tests talk to (Dovecot IMAP); openssl makes their self-signed certificate;
# the validators of the menu entry and AppStream metainfo (tests/packaging/test_metadata.py).
TEST_PKGS="dovecot-imapd openssl appstream desktop-file-utils"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

installed_pkg() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"
}

apt_install() {
  [ "${SOLOSERVICE_NO_APT:-}" = 1 ] && return 0
  local missing=()
  local pkg
  for pkg in "$@"; do
    # Ubuntu 24.04 renamed some libraries (t64): either name counts as installed.
    installed_pkg "$pkg" || installed_pkg "${pkg}t64" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null; then
    echo "Not a Debian/Ubuntu machine: install these yourself: ${missing[*]}" >&2
    echo "(then run again with SOLOSERVICE_NO_APT=1)" >&2
    return 1
  fi
  say "Updating the package lists (apt-get update)"
  as_root apt-get update -qq
  local resolved=()
  for pkg in "${missing[@]}"; do
    if apt-cache show "${pkg}t64" >/dev/null 2>&1 && ! apt-cache show "$pkg" >/dev/null 2>&1; then
      resolved+=("${pkg}t64")
    else
      resolved+=("$pkg")
    fi
  done
  say "Installing ${#resolved[@]} system packages: ${resolved[*]}"
  # -q (not -qq): one line per package as it is unpacked and set up, so progress shows.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${resolved[@]}"
}

python_ok() {
  "$1" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null
}

# -- the install stamp ------------------------------------------------------------------------
# Line 1: sha256 of pyproject.toml; line 2: the extras installed with it (sorted, space
# separated, may be empty). The editable install follows src/ by itself, so only these two
# can make pip necessary.

project_hash() {
  sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1
}

stamped_extras() {
  # The extras installed last time, whatever pyproject.toml was then: their packages are
  # still in the venv and are kept in step with a changed pyproject.toml.
  [ -f "$STAMP" ] || return 0
  sed -n 2p "$STAMP"
}

# "a b" + "b c" -> "a b c" (sorted, unique, space separated)
merge_extras() {
  printf '%s\n' $* | sed '/^$/d' | sort -u | tr '\n' ' ' | sed 's/ $//'
}

install_is_current() {
  # True when pip has nothing to do for the wanted extras ($*).
  [ -f "$STAMP" ] && [ -x "$VENV/bin/soloservice" ] || return 1
  [ "$(sed -n 1p "$STAMP")" = "$(project_hash)" ] || return 1
  local have extra
  have=" $(sed -n 2p "$STAMP") "
  for extra in "$@"; do
    case "$have" in *" $extra "*) ;; *) return 1 ;; esac
  done
}

install_package() {
  # pip install -e ".[extras]" unless the stamp says it is current; $* are the wanted extras.
  if install_is_current "$@"; then
    say "SoloService is installed and current in $VENV (pip skipped)"
    return 0
  fi
  # Keep what an earlier run installed (demo after test keeps the test tools in step).
  local extras spec
  extras=$(merge_extras "$@" "$(stamped_extras)")
  spec="$ROOT"
  [ -n "$extras" ] && spec="$ROOT[$(echo "$extras" | tr ' ' ',')]"
  say "Updating pip in $VENV"
  "$VENV/bin/python" -m pip install --disable-pip-version-check -q --upgrade pip
  say "Installing SoloService${extras:+ with $extras} into $VENV (pip; the first time takes a few minutes)"
  rm -f "$STAMP"
  "$VENV/bin/python" -m pip install --disable-pip-version-check --progress-bar on -e "$spec"
  printf '%s\n%s\n' "$(project_hash)" "$extras" > "$STAMP"
}

# -- set-up -------------------------------------------------------------------------------------

setup() {
  # $1: extras for pip (space separated, may be empty); the rest: extra system packages.
  local extras="$1"
  shift
  say "Checking system packages"
  # shellcheck disable=SC2086
  apt_install $QT_LIBS "$@"
  if command -v apt-get >/dev/null; then
    installed_pkg libglib2.0-0 || installed_pkg libglib2.0-0t64 || apt_install libglib2.0-0
  fi
  local py=python3
  if ! python_ok "$py"; then
    apt_install python3 python3-venv python3-pip
  fi
  python_ok "$py" || { echo "Python 3.11 or newer with venv is needed" >&2; exit 2; }
  if [ ! -x "$VENV/bin/python" ]; then
    say "Creating virtual environment $VENV"
    "$py" -m venv "$VENV"
  fi
  # shellcheck disable=SC2086
  install_package $extras
  # The editable install reads resources/ itself, but Qt needs compiled translations:
  # build/translations/*.qm from resources/translations/*.ts, only when a .ts changed.
  translations_current || "$VENV/bin/python" "$ROOT/packaging/i18n.py" compile
}

translations_current() {
  local ts qm
  for ts in "$ROOT"/resources/translations/*.ts; do
    [ -e "$ts" ] || continue
    qm="$ROOT/build/translations/$(basename "${ts%.ts}").qm"
    [ "$qm" -nt "$ts" ] || return 1
  done
}

project_version() {
  "$VENV/bin/python" -c \
    'import tomllib, sys; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' \
    "$ROOT/pyproject.toml"
}

build_bundle() {
  setup bundle
  local version arch tarball started seconds
  version=$(project_version)
  arch=$(uname -m)
  tarball="dist/SoloService-$version-linux-$arch.tar.gz"
  say "Building dist/SoloService with PyInstaller (a few minutes)"
  started=$(date +%s)
  "$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$ROOT/dist" \
    --workpath "$ROOT/build/pyinstaller" "$ROOT/packaging/soloservice.spec"
  say "Packing $tarball"
  rm -f "$tarball"
  tar -C dist -czf "$tarball" SoloService
  seconds=$(($(date +%s) - started))
  say "Built in ${seconds}s: dist/SoloService ($(du -sh dist/SoloService | cut -f1)), $tarball ($(du -h "$tarball" | cut -f1))"
  say "Smoke test of the bundle (clean environment)"
  bash "$ROOT/packaging/smoke_bundle.sh" "$ROOT/dist/SoloService"
}

case "$MODE" in
  demo)
    setup ""
    if [ "${SOLOSERVICE_NO_OPEN:-}" = 1 ]; then
      say "Set up; SOLOSERVICE_NO_OPEN=1, so no window"
      exit 0
    fi
    say "Opening SoloService on demo data"
    exec "$VENV/bin/soloservice" gui --demo "${@:2}"
    ;;
  setup)
    setup ""
    ;;
  test)
    # shellcheck disable=SC2086
    setup test $TEST_PKGS
    say "Running the test suite"
    cd "$ROOT"
    exec "$VENV/bin/python" -m pytest "${@:2}"
    ;;
  lint)
    cd "$ROOT"
    [ -x "$VENV/bin/ruff" ] && [ -x "$VENV/bin/mypy" ] || setup test
    "$VENV/bin/ruff" check src tests benchmarks packaging
    "$VENV/bin/ruff" format --check src tests benchmarks packaging
    "$VENV/bin/mypy" src
    ;;
  bundle)
    build_bundle
    ;;
  i18n)
    [ -x "$VENV/bin/python" ] || setup ""
    "$VENV/bin/python" "$ROOT/packaging/i18n.py" update
    "$VENV/bin/python" "$ROOT/packaging/i18n.py" compile
    ;;
  install-desktop)
    apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
    icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/scalable/apps"
    mkdir -p "$apps" "$icons"
    cp "$ROOT/resources/icons/app.svg" "$icons/soloservice.svg"
    sed "s#^Exec=soloservice#Exec=$VENV/bin/soloservice#" "$ROOT/resources/desktop/soloservice.desktop" \
      > "$apps/soloservice.desktop"
    say "Installed $apps/soloservice.desktop"
    ;;
  *)
    echo "usage: bash packaging/dev.sh demo|test|lint|bundle|setup|install-desktop|i18n" >&2
    exit 2
    ;;
esac
