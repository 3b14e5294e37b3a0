# tradegap: build, demo and test.
#   make setup      install tools that are missing (scripts/setup.sh)
#   make build      www/pkg/tradegap.js + www/pkg/tradegap_bg.wasm
#   make demo       build, then serve www/ on http://127.0.0.1:$(PORT)
#   make test       lint, test-native, test-wasm, test-e2e, sizes (stops at the first failure)
#   make test-types tsc --noEmit on tests/types/example.ts (the element's and the core's types)
#   make package    dist/tradegap-<version>.tgz, the npm package (scripts/package.mjs)
#   make bench      the peers' benchmark (../shared/bench) with tradegap in the same run
#   make fuzz       each fuzz target for FUZZ_SECONDS (default 60); make test runs 2 s each
#   make social     the demo's social cards, www/social.png and www/social-ko.png (og:image)
#   make clean

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

# Tools installed by `cargo install` live here; make sure they are found.
export PATH := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)

TARGET   := wasm32-unknown-unknown
PKG      := www/pkg
WASM_IN  := target/$(TARGET)/wasm/tradegap.wasm
WASM_OPT := node_modules/.bin/wasm-opt
# WebAssembly features that current rustc emits for $(TARGET) by default.
# (-Oz --converge repeats the passes while the file still shrinks: a few hundred bytes.)
WASM_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int \
                 --enable-sign-ext --enable-mutable-globals \
                 --enable-reference-types --enable-multivalue
PORT ?= 8080
export PORT

# Steps run in order (cargo already uses every core).
.NOTPARALLEL:

.PHONY: all setup build demo test lint test-native test-wasm test-e2e test-types package sizes bench social fuzz fuzz-smoke clean

all: build

setup:
	@scripts/setup.sh

# Two modules from one crate: the page's (charts only: parse, analyse, narrate, lay out,
# draw) and the desk's (also the claim check, 34 KB gzip more, for the builder page and
# tradegap/desk). The desk's has a target dir of its own, so neither build undoes the other.
build: setup
	cargo build --lib --profile wasm --target $(TARGET) --no-default-features
	wasm-bindgen --target web --out-dir $(PKG) --out-name tradegap $(WASM_IN)
	$(WASM_OPT) -Oz --converge $(WASM_FEATURES) $(PKG)/tradegap_bg.wasm -o $(PKG)/tradegap_bg.wasm
	cargo build --lib --profile wasm --target $(TARGET) --target-dir target/desk
	wasm-bindgen --target web --out-dir $(PKG) --out-name tradegap_desk target/desk/$(TARGET)/wasm/tradegap.wasm
	$(WASM_OPT) -Oz --converge $(WASM_FEATURES) $(PKG)/tradegap_desk_bg.wasm -o $(PKG)/tradegap_desk_bg.wasm
	@# What pages load: the element and the glue in one minified module, beside the readable
	@# source so that its import.meta.url paths (./pkg/, ./tradegap-worker.js) still hold.
	node_modules/.bin/esbuild www/tradegap.js --bundle --minify --format=esm --target=es2022 \
	  --log-level=warning --outfile=www/tradegap.min.js

demo: build
	node scripts/serve.mjs www

test: setup lint test-native fuzz-smoke test-wasm test-types test-e2e sizes

lint: setup
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target $(TARGET) -- -D warnings
	cargo clippy --lib --target $(TARGET) --no-default-features -- -D warnings
	cargo clippy --test web --target $(TARGET) -- -D warnings

test-native:
	cargo test
	cargo test --features bench --lib bench_aggregate

# wasm-bindgen-test in headless Chromium; browser flags come from webdriver.json.
test-wasm: setup
	CHROMEDRIVER=/usr/bin/chromedriver \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	cargo test --target $(TARGET) --test web

test-e2e: build
	@shopt -s nullglob; files=(tests/e2e/*.test.mjs); \
	if [ $${#files[@]} -eq 0 ]; then echo "test-e2e: no tests/e2e/*.test.mjs yet, skipped"; \
	else set -x; node --test --test-reporter=spec "$${files[@]}"; fi

# The types a TypeScript user gets: www/tradegap.d.ts and the glue's www/pkg/tradegap.d.ts.
test-types: build
	node_modules/.bin/tsc --noEmit -p tests/types

# The npm package: dist/package/ filled and packed into dist/tradegap-<version>.tgz.
package: build
	node scripts/package.mjs

sizes:
	@scripts/sizes.sh

# The peers' benchmark in ../shared/bench with tradegap added (medians and ratios, one run).
bench: setup
	scripts/bench.sh

# The demo article's social cards (og:image, 1200x675), drawn by the command line from the
# demo's data with Noto Sans CJK KR. Committed: they are part of the demo, not build output.
SOCIAL_ARGS := www/data/nk-china-trade.csv --focus PRK --partner CHN --view story --size social
social: setup
	cargo run --quiet --release --bin tradegap -- $(SOCIAL_ARGS) --png www/social.png \
	  --source "China's customs figures, via KOTRA, KITA, KINU and news reports"
	cargo run --quiet --release --bin tradegap -- $(SOCIAL_ARGS) --png www/social-ko.png --lang ko \
	  --source "중국 해관 통계(KOTRA·KITA·KINU 및 언론 보도 인용)"

# cargo-fuzz targets (fuzz/), seeded from tests/data: FUZZ_SECONDS each, counts printed.
fuzz: setup
	scripts/fuzz.sh

# The short run of every fuzz target that `make test` does (a few seconds each).
fuzz-smoke: setup
	scripts/fuzz.sh smoke

clean:
	cargo clean
	rm -rf $(PKG) tests/out dist
