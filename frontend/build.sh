#!/usr/bin/env bash
# Build/refresh the vendored front-end assets in inzet/core/static/vendor/.
# The output is committed, so nothing here is needed at run time; run this
# only after changing package.json (then commit package-lock.json and the
# regenerated files under inzet/core/static/vendor/).
set -euo pipefail

FRONTEND_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$FRONTEND_DIR/.." && pwd)"
VENDOR_DIR="$REPO_DIR/inzet/core/static/vendor"

cd "$FRONTEND_DIR"
# --ignore-scripts: we only need the published dist files, never install hooks.
if [[ -f package-lock.json ]]; then
    npm ci --ignore-scripts --no-audit --no-fund
else
    npm install --ignore-scripts --no-audit --no-fund
fi

NM="$FRONTEND_DIR/node_modules"

copy() { # copy SRC DEST, failing loudly when SRC is missing
    local src="$1" dest="$2"
    if [[ ! -f "$src" ]]; then
        echo "build.sh: missing $src" >&2
        exit 1
    fi
    mkdir -p "$(dirname "$dest")"
    cp "$src" "$dest"
    echo "  $dest"
}

echo "Copying vendored assets to $VENDOR_DIR"
rm -rf "$VENDOR_DIR/utrecht" "$VENDOR_DIR/htmx"

# NL Design System: Utrecht component library (all component CSS, EUPL-1.2).
copy "$NM/@utrecht/component-library-css/dist/index.css" "$VENDOR_DIR/utrecht/component-library.css"
copy "$NM/@utrecht/component-library-css/LICENSE.md" "$VENDOR_DIR/utrecht/LICENSE-component-library.md"

# No design tokens are vendored: @utrecht/design-tokens is proprietary to
# Gemeente Utrecht ("All rights reserved"), so it must not be shipped. Our own
# tokens (EUPL-1.2) live in inzet/core/static/inzet/tokens.css and define every
# --utrecht-* property the component CSS needs, on .inzet-theme.

# htmx 2.x (0BSD).
copy "$NM/htmx.org/dist/htmx.min.js" "$VENDOR_DIR/htmx/htmx.min.js"
copy "$NM/htmx.org/LICENSE" "$VENDOR_DIR/htmx/LICENSE"

# Record exactly which versions were vendored.
node -e '
const pkgs = ["@utrecht/component-library-css", "htmx.org"];
for (const p of pkgs) {
  const v = require(process.argv[1] + "/" + p + "/package.json").version;
  console.log(p + "@" + v);
}' "$NM" > "$VENDOR_DIR/VERSIONS.txt"
echo "  $VENDOR_DIR/VERSIONS.txt"
cat "$VENDOR_DIR/VERSIONS.txt"
