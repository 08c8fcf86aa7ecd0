#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing. Idempotent: a second run
# only checks. Usage: scripts/setup.sh [build|test]
#   build: the wasm32 target and the wasm-bindgen CLI (what `make build` / `make run` need)
#   test:  the above, plus Debian's chromium + chromium-driver and the npm packages
# Nothing here downloads a prebuilt binary: everything comes from crates.io, Debian or npm.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-test}
say() { echo "setup: $*" >&2; }

# 1. Rust's wasm32 target (rustup's auto-install is off on these machines).
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. The wasm-bindgen CLI, exactly the version Cargo.lock pins (a mismatch is a schema error).
want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "=$want" --locked ||
    cargo install wasm-bindgen-cli --version "=$want"
fi

[ "$what" = build ] && exit 0

# 3. rustfmt and clippy (`make test` runs both).
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding rust component $component"
    rustup component add "$component"
  fi
done

# 4. Debian packages: Chromium and ChromeDriver for the browser tests, Node.js + npm if absent.
apt_packages=()
{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || apt_packages+=(chromium chromium-driver)
command -v npm >/dev/null || apt_packages+=(nodejs npm)
command -v gzip >/dev/null || apt_packages+=(gzip)
if [ ${#apt_packages[@]} -gt 0 ]; then
  say "installing ${apt_packages[*]} from Debian"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd=sudo
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
    "${apt_packages[@]}" >/dev/null
fi

# 5. npm packages (playwright-core, never `playwright`, whose install downloads browsers):
#    from the committed lock file, again whenever the lock file is newer than the install.
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
