#!/usr/bin/env bash
# Smoke test of a built bundle as a user without the developer set-up would run it.
#
#   bash packaging/smoke_bundle.sh [dist/SoloService | dist/SoloService-*.tar.gz]
#
# Everything runs under `env -i` with HOME in a temporary directory and PATH=/usr/bin:/bin, so
# neither .venv, PYTHONPATH nor the source tree can help: install.sh puts the app under
# $HOME/.local, then the installed `soloservice` runs --help, demo, an old store's upgrade
# (Alembic inside the bundle), inbox, a language guess
# (py3langid's model), the promise explanation (holidays) and the real window offscreen,
# closed by the hidden `gui --quit-after`; finally `install.sh --uninstall` removes it again.
# Exit status 0 when all of it worked; the first failure is printed and ends the test.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SOURCE="${1:-$ROOT/dist/SoloService}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/soloservice-smoke.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
HOME_DIR="$TMP/home"
DATA="$TMP/data"
mkdir -p "$HOME_DIR"

step() { printf '  - %s\n' "$*"; }
fail() {
  printf 'smoke test FAILED: %s\n' "$*" >&2
  exit 1
}
# A clean environment: only what a desktop session would surely have.
clean() { env -i HOME="$HOME_DIR" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"; }

if [ -f "$SOURCE" ]; then
  step "unpacking $(basename "$SOURCE")"
  tar -C "$TMP" -xzf "$SOURCE"
  BUNDLE="$TMP/SoloService"
else
  BUNDLE="$SOURCE"
fi
[ -x "$BUNDLE/soloservice" ] || fail "no executable $BUNDLE/soloservice (build it: bash packaging/dev.sh bundle)"

step "Qt plugins the window needs are inside and their libraries resolve"
QT_PLUGINS="$BUNDLE/_internal/PySide6/Qt/plugins"
for plugin in platforms/libqxcb.so platforms/libqoffscreen.so imageformats/libqsvg.so \
  iconengines/libqsvgicon.so; do
  [ -f "$QT_PLUGINS/$plugin" ] || fail "missing Qt plugin $plugin"
  missing=$(LD_LIBRARY_PATH="$BUNDLE/_internal" ldd "$QT_PLUGINS/$plugin" | grep "not found" || true)
  [ -z "$missing" ] || fail "$plugin needs libraries that are not installed: $missing"
done
# The spec leaves out Qt libraries it believes unused: nothing bundled may need one of them.
while IFS= read -r -d '' library; do
  missing=$(LD_LIBRARY_PATH="$BUNDLE/_internal:$BUNDLE/_internal/PySide6/Qt/lib" ldd "$library" 2>/dev/null |
    grep "libQt6.*not found" || true)
  [ -z "$missing" ] || fail "$library needs a Qt library the bundle left out: $missing"
done < <(find "$BUNDLE/_internal/PySide6" -name '*.so*' -type f -print0)
for data in soloservice/resources/translations/soloservice_da.qm \
  soloservice/resources/translations/soloservice_en.qm soloservice/resources/demo/people.json \
  soloservice/resources/icons/app.svg soloservice/storage/migrations/env.py \
  soloservice/storage/migrations/script.py.mako py3langid/data/model.npz.xz; do
  [ -f "$BUNDLE/_internal/$data" ] || fail "missing $data"
done
ls "$BUNDLE"/_internal/soloservice/storage/migrations/versions/0001_*.py >/dev/null 2>&1 ||
  fail "the migration scripts (versions/*.py) are missing"

step "install.sh into \$HOME/.local"
clean bash "$BUNDLE/install.sh" >"$TMP/install.log" 2>&1 || {
  cat "$TMP/install.log" >&2
  fail "install.sh"
}
APP="$HOME_DIR/.local/bin/soloservice"
SHARE="$HOME_DIR/.local/share"
[ -x "$APP" ] || fail "install.sh made no $APP"
for file in applications/soloservice.desktop metainfo/dk.soloservice.SoloService.metainfo.xml \
  icons/hicolor/scalable/apps/soloservice.svg icons/hicolor/48x48/apps/soloservice.png \
  icons/hicolor/256x256/apps/soloservice.png; do
  [ -f "$SHARE/$file" ] || fail "install.sh did not install $file"
done
grep -q "^Exec=$HOME_DIR/.local/opt/SoloService/soloservice" "$SHARE/applications/soloservice.desktop" ||
  fail "the menu entry does not start the installed binary"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$SHARE/applications/soloservice.desktop" || fail "desktop-file-validate"
fi

step "soloservice --help"
clean "$APP" --help >"$TMP/help.txt" 2>&1 || fail "--help: $(cat "$TMP/help.txt")"
grep -q "usage: soloservice" "$TMP/help.txt" || fail "--help printed no usage"

step "soloservice demo --count 30 (creates the store from the head schema)"
clean "$APP" --data-dir "$DATA" --create demo --count 30 >"$TMP/demo.json" 2>"$TMP/err" ||
  fail "demo: $(cat "$TMP/err")"
grep -q '"inquiries": 30' "$TMP/demo.json" || fail "demo: $(cat "$TMP/demo.json")"

step "an old store (revision 0008) upgraded by the bundled Alembic migrations"
OLD_DATA="$TMP/old-data"
mkdir -p "$OLD_DATA"
cp "$ROOT/tests/data/stores/store-0008.sqlite3" "$OLD_DATA/soloservice.sqlite3"
clean "$APP" --data-dir "$OLD_DATA" inbox --json >"$TMP/old.json" 2>"$TMP/err" ||
  fail "inbox on an old store: $(cat "$TMP/err")"
grep -q '"customer"' "$TMP/old.json" || fail "the upgraded store shows no inquiries: $(cat "$TMP/err")"
ls "$OLD_DATA/backups" | grep -q "pre-migration" || fail "no pre-migration backup: nothing was migrated"

step "soloservice inbox --json | head"
clean "$APP" --data-dir "$DATA" inbox --json 2>"$TMP/err" | head -c 2000 >"$TMP/inbox.json" ||
  fail "inbox: $(cat "$TMP/err")"
grep -q '"customer"' "$TMP/inbox.json" || fail "inbox printed no inquiries: $(cat "$TMP/err")"
[ ! -s "$TMP/err" ] || fail "inbox wrote to stderr: $(cat "$TMP/err")"

step "a language guess from the text (py3langid's model) and a promise (holidays)"
clean "$APP" --data-dir "$DATA" capture --platform facebook --name "Smoke Kunde" \
  --handle @smokekunde --text "Hej, min pakke er ikke kommet endnu. Kan I hjælpe mig med at \
finde ud af hvor den er blevet af?" >"$TMP/capture.json" 2>"$TMP/err" || fail "capture: $(cat "$TMP/err")"
customer=$(sed -n 's/^  "customer_id": \([0-9]*\),$/\1/p' "$TMP/capture.json")
[ -n "$customer" ] || fail "capture printed no customer_id: $(cat "$TMP/capture.json")"
clean "$APP" --data-dir "$DATA" customer show "$customer" --json >"$TMP/customer.json" 2>"$TMP/err" ||
  fail "customer show: $(cat "$TMP/err")"
grep -q '"language_reason": "text"' "$TMP/customer.json" ||
  fail "the language was not guessed from the text: $(grep language "$TMP/customer.json")"
clean "$APP" --data-dir "$DATA" promise 1 >"$TMP/promise.txt" 2>"$TMP/err" || fail "promise: $(cat "$TMP/err")"
grep -q "^Due " "$TMP/promise.txt" || fail "promise: $(cat "$TMP/promise.txt")"

step "the window, offscreen, in Danish, for 3 seconds"
set +e
clean QT_QPA_PLATFORM=offscreen SOLOSERVICE_LANG=da timeout 90 \
  "$APP" --data-dir "$DATA" gui --quit-after 3 >"$TMP/gui.out" 2>"$TMP/gui.err"
code=$?
set -e
[ "$code" -eq 0 ] || fail "the window exited with $code: $(tail -20 "$TMP/gui.err")"
if grep -E -q "Traceback|Could not load the Qt platform plugin|Cannot load library" "$TMP/gui.err"; then
  fail "the window reported: $(cat "$TMP/gui.err")"
fi
[ -f "$DATA/ui.ini" ] || fail "the window did not save its layout on quit (did it open?)"

step "install.sh --uninstall"
clean bash "$HOME_DIR/.local/opt/SoloService/install.sh" --uninstall >"$TMP/uninstall.log" 2>&1 ||
  fail "uninstall: $(cat "$TMP/uninstall.log")"
[ ! -e "$APP" ] && [ ! -e "$HOME_DIR/.local/opt/SoloService" ] || fail "--uninstall left the app"
[ ! -e "$SHARE/applications/soloservice.desktop" ] || fail "--uninstall left the menu entry"
[ -z "$(find "$SHARE/icons" -name 'soloservice*' 2>/dev/null)" ] || fail "--uninstall left icons"
[ -f "$DATA/soloservice.sqlite3" ] || fail "--uninstall touched the data"

echo "smoke test passed: $BUNDLE"
