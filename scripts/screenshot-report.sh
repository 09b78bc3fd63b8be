#!/usr/bin/env bash
# Screenshots a paper's report.html in headless Chromium (desktop and phone widths) and turns its
# report.pdf into PNG pages, so the report can be looked at as a reader sees it.
# Usage: scripts/screenshot-report.sh [report-dir]   (default: output/paper1)
set -euo pipefail
dir="${1:-output/paper1}"
out="$dir/screenshots"
mkdir -p "$out"
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
fi
page="file://$(cd "$dir" && pwd)/report.html"
for size in 1280,6000 390,9000; do
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$size" \
    --screenshot="$out/report-${size%%,*}px.png" "$page" 2>/dev/null
done
pdftoppm -r 60 -png "$dir/report.pdf" "$out/pdf-page"
ls "$out"
