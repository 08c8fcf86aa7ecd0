# Gradscape: build, serve and test. Every target installs what it needs first
# (scripts/setup.sh: Rust wasm32 target, wasm-bindgen CLI, Chromium, npm packages).
#
#   make build   wasm module into www/pkg/ and the CLI into target/release/gradscape
#   make run     build, then serve www/ at http://127.0.0.1:$(PORT)
#   make dist    a self-contained folder (dist/gradscape/) and zip that run from any static host
#   make bench   benchmarks: native, wasm, the page and its peers (docs/benchmarks.md)
#   make test    formatting, clippy, Rust tests (native and in headless Chromium), the
#                PyTorch reference check, the wasm size budget and the Playwright tests
#   make clean

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

PORT ?= 8080
# shared/ (reference trajectories, notes) sits beside the repository; override for a clone
# elsewhere: make test SHARED=/path/to/shared
SHARED ?= $(CURDIR)/../shared
CHROMEDRIVER ?= /usr/bin/chromedriver
CHROMIUM_PATH ?= /usr/bin/chromium
WASM_BINDGEN_TEST_TIMEOUT ?= 60
# Gzipped size budget of www/pkg/gradscape_bg.wasm, in bytes (300 KB).
WASM_GZ_BUDGET ?= 307200

WASM_TARGET := wasm32-unknown-unknown
WASM_OUT := target/$(WASM_TARGET)/release/gradscape.wasm
PKG_WASM := www/pkg/gradscape_bg.wasm
# The second module (Export → Figure), loaded lazily; its size is printed, not budgeted.
FIGURE_OUT := target/$(WASM_TARGET)/figure/gradscape.wasm
PKG_FIGURE := www/pkg/gradscape_figure_bg.wasm
CLI := target/release/gradscape

export CHROMEDRIVER CHROMIUM_PATH WASM_BINDGEN_TEST_TIMEOUT

.NOTPARALLEL:
.PHONY: build build-only run test test-rust test-wasm golden size browser bench clean dist

build:
	scripts/setup.sh build
	$(MAKE) --no-print-directory build-only

# The build steps alone, without the setup check.
# WASM_FEATURES=bench adds the benchmark entry points (src/web/bench.rs) for `make bench`.
WASM_FEATURES ?=
build-only:
	cargo build --release --lib --target $(WASM_TARGET) $(if $(WASM_FEATURES),--features $(WASM_FEATURES))
	wasm-bindgen --target web --no-typescript --remove-name-section --out-dir www/pkg $(WASM_OUT)
	cargo build --profile figure --lib --target $(WASM_TARGET) --features figure-export
	wasm-bindgen --target web --no-typescript --remove-name-section --out-dir www/pkg --out-name gradscape_figure $(FIGURE_OUT)
	cargo build --release --bin gradscape
	[ -d node_modules/three ] || npm ci --no-audit --no-fund --loglevel=error
	mkdir -p www/vendor/three && cp node_modules/three/build/three.module.js node_modules/three/build/three.core.js node_modules/three/LICENSE www/vendor/three/
	node scripts/build-stamp.mjs

run: build
	@echo
	@echo "  Gradscape is at http://127.0.0.1:$(PORT)   (Ctrl-C stops it)"
	@echo
	exec python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

test:
	scripts/setup.sh test
	@echo "== cargo fmt --check"
	cargo fmt --check
	@echo "== clippy (native, all targets)"
	cargo clippy --all-targets -- -D warnings
	@echo "== clippy (wasm32 library)"
	cargo clippy --lib --target $(WASM_TARGET) --all-features -- -D warnings
	$(MAKE) --no-print-directory test-rust test-wasm build golden size browser

test-rust:
	@echo "== cargo test (native)"
	cargo test

test-wasm:
	@echo "== wasm-bindgen tests in headless Chromium"
	cargo test --target $(WASM_TARGET) --test web

golden:
	@echo "== PyTorch reference trajectories ($(SHARED)/golden)"
	@if [ ! -f "$(SHARED)/golden/check_golden.py" ]; then \
	  echo "error: $(SHARED)/golden/check_golden.py is missing: the shared folder must sit beside" >&2; \
	  echo "       the repository, or pass its location: make test SHARED=/path/to/shared" >&2; \
	  exit 1; \
	fi
	python3 "$(SHARED)/golden/check_golden.py" "$(SHARED)/golden/public" -- $(CLI) run -

size:
	@echo "== wasm size budget"
	@raw=$$(wc -c < $(PKG_WASM)); gz=$$(gzip -9 -c $(PKG_WASM) | wc -c); \
	echo "$(PKG_WASM): $$raw bytes, $$gz bytes gzipped (budget $(WASM_GZ_BUDGET))"; \
	echo "$(PKG_FIGURE) (lazy, Export → Figure): $$(wc -c < $(PKG_FIGURE)) bytes, $$(gzip -9 -c $(PKG_FIGURE) | wc -c) bytes gzipped"; \
	if [ "$$gz" -gt $(WASM_GZ_BUDGET) ]; then echo "error: over the size budget" >&2; exit 1; fi

browser:
	@echo "== Playwright tests (tests/browser/*.test.mjs)"
	node --test --test-concurrency=1 tests/browser/*.test.mjs

# Native kernels (divan), the wasm kernels and the page in headless Chromium, the peers
# side by side; writes docs/benchmarks.md, prints one JSON line last. SOAK_SECONDS=600 is
# the memory soak (seconds of play); shorten it to iterate.
# The shipped module's size is measured first; the benchmark entry points are only in the
# module built for the run, and the shipped module is rebuilt afterwards.
bench:
	scripts/setup.sh test
	$(MAKE) --no-print-directory build-only
	gz=$$(gzip -9 -c $(PKG_WASM) | wc -c); \
	$(MAKE) --no-print-directory build-only WASM_FEATURES=bench; \
	status=0; json=$$(WASM_GZ_BYTES=$$gz scripts/bench.sh) || status=$$?; \
	$(MAKE) --no-print-directory build-only >&2; \
	[ -z "$$json" ] || printf '%s\n' "$$json"; exit $$status

# The page as static files: www/ without the benchmark page, with the build stamp the
# offline service worker names its cache after. Any static host serves it (browsers refuse
# ES modules and wasm from file://, so a USB stick needs a server: python3 -m http.server).
dist: build
	rm -rf dist
	mkdir -p dist/gradscape
	cp -r www/. dist/gradscape/
	rm -rf dist/gradscape/bench dist/gradscape/bench.html dist/gradscape/pkg/.gitignore
	node scripts/build-stamp.mjs dist/gradscape
	printf 'Gradscape: serve this folder with any static web server (python3 -m http.server) and open index.html.\n' > dist/gradscape/README.txt
	cd dist && zip -qr gradscape.zip gradscape
	@echo "dist/gradscape/ and dist/gradscape.zip"

clean:
	cargo clean
	rm -rf www/pkg test-results dist
