#!/usr/bin/env bash
# What the app and tests need from Debian, installed with apt-get only where missing (browser downloads fail here).
# `install-system-deps.sh run`: what the app needs (WeasyPrint's libraries and a font, for PDFs).
# `install-system-deps.sh` (for the tests): that, Chromium for the browser tests, a PostgreSQL server for the
# PostgreSQL run, and poppler-utils, whose pdftotext and pdfinfo the tests read the PDFs back with.
set -euo pipefail

missing=()
if [ "${1:-test}" != run ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
  command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null || missing+=(poppler-utils)
fi
# Certificates and record PDFs (WeasyPrint): Pango, HarfBuzz's subsetter and the font the PDFs name.
compgen -G "/usr/lib/*/libpango-1.0.so.0" >/dev/null || missing+=(libpango-1.0-0)
compgen -G "/usr/lib/*/libpangoft2-1.0.so.0" >/dev/null || missing+=(libpangoft2-1.0-0)
compgen -G "/usr/lib/*/libharfbuzz-subset.so.0" >/dev/null || missing+=(libharfbuzz-subset0)
[ -e /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf ] || missing+=(fonts-liberation2)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing ${missing[*]} with apt-get"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
