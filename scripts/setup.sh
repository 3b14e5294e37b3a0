#!/usr/bin/env bash
# Installs what building and testing tradegap needs, and only what is missing:
#   - Debian packages: chromium, chromium-driver, firefox-esr, webkit2gtk-driver, xvfb,
#     and the fonts the chart is drawn with (DejaVu, Liberation, Noto CJK)
#   - geckodriver (cargo install)
#   - the rustup target wasm32-unknown-unknown
#   - wasm-bindgen-cli at the version Cargo.toml pins (wasm-bindgen = "=X")
#   - cargo-fuzz (cargo install)
#   - node_modules from package-lock.json (npm ci)
# Silent when everything is present; one line per thing it installs.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

# --- Debian packages (browsers, drivers, virtual display) -------------------
apt_missing=()
[ -x /usr/bin/chromium ] || apt_missing+=(chromium)
[ -x /usr/bin/chromedriver ] || apt_missing+=(chromium-driver)
have firefox-esr || apt_missing+=(firefox-esr)
have WebKitWebDriver || apt_missing+=(webkit2gtk-driver)
have Xvfb || apt_missing+=(xvfb)
# Fonts canvas text (Latin and Korean) is drawn with; screenshots depend on them.
for font in fonts-dejavu-core fonts-liberation fonts-noto-cjk; do
  dpkg-query -W -f='${Status}' "$font" 2>/dev/null | grep -q 'ok installed' \
    || apt_missing+=("$font")
done
if [ ${#apt_missing[@]} -gt 0 ]; then
  if ! have apt-get; then
    echo "setup: missing ${apt_missing[*]}, and no apt-get to install them with" >&2
    exit 1
  fi
  say "installing apt packages: ${apt_missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${apt_missing[@]}" >/dev/null
fi

# --- Rust: target, geckodriver, wasm-bindgen-cli ----------------------------
have cargo || { echo "setup: cargo not found; install Rust with rustup first" >&2; exit 1; }

if have rustup; then
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "installing rustup target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown >/dev/null 2>&1
  fi
elif ! rustc --print sysroot >/dev/null 2>&1 \
  || [ ! -d "$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown" ]; then
  echo "setup: no rustup and no wasm32-unknown-unknown target in the toolchain" >&2
  exit 1
fi

if ! have geckodriver; then
  say "installing geckodriver (cargo install)"
  cargo install --quiet geckodriver
fi

# The CLI must match the wasm-bindgen crate exactly; Cargo.toml pins it with "=X".
wb_version="$(sed -nE 's/^[[:space:]]*wasm-bindgen[[:space:]]*=[[:space:]]*(\{[^}]*version[[:space:]]*=[[:space:]]*)?"=([0-9][^"]*)".*/\2/p' Cargo.toml | head -n1)"
if [ -z "$wb_version" ]; then
  echo 'setup: Cargo.toml has no exact pin of the form wasm-bindgen = "=X.Y.Z"' >&2
  exit 1
fi
have_wb=""
if have wasm-bindgen && have wasm-bindgen-test-runner; then
  have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
fi
if [ "$have_wb" != "$wb_version" ]; then
  say "installing wasm-bindgen-cli $wb_version (cargo install, a few minutes)"
  cargo install --quiet --force wasm-bindgen-cli --version "=$wb_version"
fi

# cargo-fuzz for `make fuzz` and its smoke run (libFuzzer; stable Rust builds it with
# RUSTC_BOOTSTRAP=1, see scripts/fuzz.sh).
if ! have cargo-fuzz; then
  say "installing cargo-fuzz (cargo install, a few minutes)"
  cargo install --quiet --locked cargo-fuzz
fi

# --- Node packages ----------------------------------------------------------
have node || { echo "setup: node not found (Node 20 or newer is needed)" >&2; exit 1; }
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing node packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
