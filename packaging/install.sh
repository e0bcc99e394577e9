#!/usr/bin/env bash
# Install SoloService for the current user, from the unpacked bundle this script sits in.
#
#   ./install.sh                 copy the app to ~/.local/opt/SoloService, add ~/.local/bin/soloservice,
#                                a menu entry, icons and the AppStream metainfo (no root needed)
#   ./install.sh --uninstall     remove all of that again (your data is kept)
#   --prefix DIR                 another prefix than ~/.local (the same for --uninstall)
#
# Your data (inquiries, settings, backups) lives in ~/.local/share/SoloService and is never
# touched by this script, neither by installing a new version nor by --uninstall.
set -euo pipefail

PREFIX="$HOME/.local"
ACTION=install
while [ $# -gt 0 ]; do
  case "$1" in
    --uninstall) ACTION=uninstall ;;
    --prefix)
      [ $# -ge 2 ] || { echo "install.sh: --prefix needs a directory" >&2; exit 2; }
      PREFIX="$2"
      shift
      ;;
    --prefix=*) PREFIX="${1#--prefix=}" ;;
    -h | --help)
      sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "install.sh: unknown option $1 (try --help)" >&2
      exit 2
      ;;
  esac
  shift
done

APP_ID=dk.soloservice.SoloService
HERE=$(cd "$(dirname "$0")" && pwd -P)
APP_DIR="$PREFIX/opt/SoloService"
BIN_DIR="$PREFIX/bin"
# Menu entries and icons go where the desktop looks: $XDG_DATA_HOME for the default prefix.
if [ "$PREFIX" = "$HOME/.local" ]; then
  DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
else
  DATA="$PREFIX/share"
fi
DESKTOP_FILE="$DATA/applications/soloservice.desktop"
METAINFO_FILE="$DATA/metainfo/$APP_ID.metainfo.xml"
ICON_SIZES="16 32 48 64 128 256"

say() { printf '==> %s\n' "$*"; }

refresh_caches() {
  # Optional helpers; the menu also picks the entry up without them, only later.
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$DATA/applications" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$DATA/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$DATA/icons/hicolor" 2>/dev/null || true
  fi
}

uninstall() {
  local removed=0
  if [ -L "$BIN_DIR/soloservice" ]; then
    case "$(readlink "$BIN_DIR/soloservice")" in
      "$APP_DIR"/*) rm -f "$BIN_DIR/soloservice"; removed=1 ;;
      *) say "Leaving $BIN_DIR/soloservice: it points somewhere else" ;;
    esac
  fi
  local path
  for path in "$DESKTOP_FILE" "$METAINFO_FILE" "$DATA/icons/hicolor/scalable/apps/soloservice.svg"; do
    if [ -e "$path" ]; then rm -f "$path"; removed=1; fi
  done
  local size
  for size in $ICON_SIZES; do
    path="$DATA/icons/hicolor/${size}x${size}/apps/soloservice.png"
    if [ -e "$path" ]; then rm -f "$path"; removed=1; fi
  done
  if [ -d "$APP_DIR" ]; then
    rm -rf "$APP_DIR"
    removed=1
  fi
  refresh_caches
  if [ "$removed" -eq 1 ]; then
    say "SoloService removed. Your data in ${XDG_DATA_HOME:-$HOME/.local/share}/SoloService is kept."
  else
    say "SoloService was not installed under $PREFIX"
  fi
}

desktop_exec() {
  # The Exec key quotes a path with spaces (Desktop Entry Specification, "Exec key").
  case "$1" in
    *" "*) printf '"%s"' "$1" ;;
    *) printf '%s' "$1" ;;
  esac
}

install() {
  [ -x "$HERE/soloservice" ] || { echo "install.sh: $HERE/soloservice is missing" >&2; exit 2; }
  if [ "$HERE" != "$(cd "$APP_DIR" 2>/dev/null && pwd -P)" ]; then
    say "Copying SoloService $(cat "$HERE/VERSION" 2>/dev/null || true) to $APP_DIR"
    mkdir -p "$PREFIX/opt"
    # Copy beside the old version first, then swap: a failed copy leaves the old one working.
    local staging="$APP_DIR.new.$$"
    rm -rf "$staging"
    cp -a "$HERE" "$staging"
    rm -rf "$APP_DIR"
    mv "$staging" "$APP_DIR"
  fi
  mkdir -p "$BIN_DIR" "$DATA/applications" "$DATA/metainfo" "$DATA/icons/hicolor/scalable/apps"
  ln -sfn "$APP_DIR/soloservice" "$BIN_DIR/soloservice"
  say "Command: $BIN_DIR/soloservice"
  local exec_path
  exec_path=$(desktop_exec "$APP_DIR/soloservice")
  sed "s#^Exec=soloservice#Exec=$exec_path#" "$APP_DIR/share/applications/soloservice.desktop" \
    > "$DESKTOP_FILE"
  say "Menu entry: $DESKTOP_FILE"
  cp "$APP_DIR/share/metainfo/$APP_ID.metainfo.xml" "$METAINFO_FILE"
  cp "$APP_DIR/share/icons/hicolor/scalable/apps/soloservice.svg" \
    "$DATA/icons/hicolor/scalable/apps/soloservice.svg"
  local size
  for size in $ICON_SIZES; do
    mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps"
    cp "$APP_DIR/share/icons/hicolor/${size}x${size}/apps/soloservice.png" \
      "$DATA/icons/hicolor/${size}x${size}/apps/soloservice.png"
  done
  say "Icons and AppStream metainfo under $DATA"
  refresh_caches
  case ":$PATH:" in
    *":$BIN_DIR:"*) ;;
    *) say "Note: $BIN_DIR is not on your PATH; open SoloService from the menu, or add it:" \
      "echo 'export PATH=\"$BIN_DIR:\$PATH\"' >> ~/.profile (then log in again)" ;;
  esac
  say "Done. Open SoloService from the menu, or run: soloservice"
}

"$ACTION"
