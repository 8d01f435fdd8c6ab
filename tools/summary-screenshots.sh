#!/usr/bin/env bash
# Renders docs/summary-pass.md and docs/summary-fail.md (written by `npm run docs:summaries` on
# the private engine) as GitHub renders a job summary, and captures each with headless Chromium
# into docs/summary-*.png. Needs Debian's cmark-gfm and chromium (and fonts-noto-color-emoji for
# the check marks). The <details> checklist is opened, so the picture shows the whole summary.
set -euo pipefail
docs="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/docs"
for tool in cmark-gfm chromium; do
  command -v "${tool}" >/dev/null || {
    echo "summary-screenshots: ${tool} is missing (apt-get install ${tool})" >&2
    exit 1
  }
done
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
for name in summary-pass summary-fail; do
  {
    cat <<'HEAD'
<!doctype html><meta charset="utf-8"><style>
body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
  color: #1f2328; margin: 0; padding: 16px 24px; width: 952px; }
h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
h3 { font-size: 1.25em; margin-top: 24px; }
table { border-collapse: collapse; } th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
tr:nth-child(2n) { background: #f6f8fa; }
code { background: #eff1f3; border-radius: 6px; padding: .2em .4em; font-size: 85%; }
summary { cursor: pointer; }
</style>
<title>0</title>
<script>addEventListener('load', () => (document.title = document.body.scrollHeight + 32));</script>
HEAD
    # --unsafe keeps <details> and <summary>, which GitHub's summaries render too.
    cmark-gfm --unsafe -e table -e strikethrough -e autolink "${docs}/${name}.md" |
      sed 's/<details>/<details open>/g'
  } >"${work}/${name}.html"
  # Chromium captures its window: the page first reports its own height, then is captured at it.
  height="$(chromium --headless --no-sandbox --disable-gpu --window-size=1000,800 --dump-dom \
    "file://${work}/${name}.html" 2>/dev/null | sed -n 's/.*<title>\([0-9]*\)<\/title>.*/\1/p')"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    "--window-size=1000,${height:?the page reported no height}" \
    "--screenshot=${docs}/${name}.png" "file://${work}/${name}.html" 2>/dev/null
  echo "docs/${name}.png"
done
