# Sourced by the tools/*.sh scripts that install a pinned npm package into .tools/ (no shebang: not run on its own).
#   npm_pinned_install NAME MANIFEST_DIR PREFIX PRODUCT [NOTE]
# npm ci of MANIFEST_DIR's package.json and package-lock.json into PREFIX, unless PRODUCT (a file the install makes)
# exists and PREFIX holds the same lock already; NAME prefixes the messages, NOTE follows the "installing" line.
npm_pinned_install() {
  local name="$1" manifest="$2" prefix="$3" product="$4" note="${5:-}"
  if [ -e "$product" ] && cmp -s "$manifest/package-lock.json" "$prefix/package-lock.json"; then
    return 0
  fi
  command -v npm >/dev/null || { echo "$name: npm is required (apt-get install nodejs npm)" >&2; exit 1; }
  mkdir -p "$prefix"
  cp "$manifest/package.json" "$manifest/package-lock.json" "$prefix/"
  echo "$name: installing into $prefix${note:+ ($note)}" >&2
  (cd "$prefix" && npm ci --no-audit --no-fund --loglevel=error >&2)
  [ -e "$product" ] || { echo "$name: install did not produce $product" >&2; exit 1; }
}
