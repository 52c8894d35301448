# One virtual environment, every distribution in the repo installed editable.
# `make demo` and `make test` do all the set-up a fresh machine needs.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DISTS  := . $(patsubst %/pyproject.toml,%,$(wildcard sandbox/pyproject.toml plugins/*/pyproject.toml trainer/pyproject.toml))
EXAMPLE_PLUGINS := $(patsubst %/pyproject.toml,%,$(wildcard docs/examples/*/pyproject.toml))
STAMP  := $(VENV)/.installed
# Packages `make lint` type-checks (mypy's settings are in pyproject.toml): every distribution's
# package; a new distribution's goes here once `mypy -p NAME` is clean.
MYPY_PACKAGES := grpo_rewards grpo_rewards_trainer grpo_rewards_sandbox grpo_rewards_math grpo_rewards_code grpo_rewards_judge grpo_rewards_reward_model
# `make test-fast`: no Docker, nothing slow (markers are declared in pyproject.toml).
FAST_MARKERS := not docker and not slow

.PHONY: install sandbox-ready verl-ready browser-ready test test-fast demo lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements-dev.txt $(wildcard */pyproject.toml plugins/*/pyproject.toml docs/examples/*/pyproject.toml)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -r requirements-dev.txt $(addprefix -e ,$(DISTS))
	$(if $(EXAMPLE_PLUGINS),$(BIN)/pip install -q $(EXAMPLE_PLUGINS))
	touch $@

# A Docker engine and the sandbox image, built offline from Debian packages when missing.
sandbox-ready: install
	@if [ -f sandbox/scripts/ensure-docker.sh ]; then bash sandbox/scripts/ensure-docker.sh && $(BIN)/grpo-rewards-sandbox build; fi

# verl 0.9.1 and what its reward managers import, with --no-deps in a folder of their own
# (tests/integrations/verl_env.py), for the verl adapter's tests; the project's stack is never touched.
verl-ready: install
	$(BIN)/python tests/integrations/verl_env.py

# Headless Chromium and its driver for the report's browser tests (Debian packages; needs root or sudo).
browser-ready:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium chromium-driver; \
	fi

test: install sandbox-ready verl-ready browser-ready
	$(BIN)/python -m pytest

# The quick loop: no Docker engine or sandbox image needed, no slow tests.
test-fast: install
	$(BIN)/python -m pytest -m "$(FAST_MARKERS)"

# Score every bundled sample file with every installed reward that applies; fail if any check fails.
# Each check also writes an HTML report (plots, GRPO groups, per-row drill-down) to out/demo/.
# The judge sample is scored against a scripted OpenAI-compatible endpoint on 127.0.0.1 started for it.
DEMO_SAMPLES := $(filter-out examples/judge.jsonl,$(wildcard examples/*.jsonl))
demo: install sandbox-ready
	@status=0; for f in $(DEMO_SAMPLES); do \
		name=$$(basename $$f .jsonl); echo "== grpo-rewards check $$f --report out/demo/$$name.html"; \
		$(BIN)/grpo-rewards check $$f --report out/demo/$$name.html || status=1; done; \
	if $(BIN)/python -c "import grpo_rewards_judge" 2>/dev/null; then \
		echo "== grpo-rewards check examples/judge.jsonl -r judge --report out/demo/judge.html (a scripted judge on 127.0.0.1, not a model)"; \
		$(BIN)/python -m grpo_rewards_judge.testing -- $(BIN)/grpo-rewards check examples/judge.jsonl -r judge -o 'judge.base_url={url}' --report out/demo/judge.html || status=1; \
	else echo "== skipping examples/judge.jsonl: grpo-rewards-judge is not installed (pip install -e plugins/judge)"; fi; \
	echo "== reports (open in a browser):"; for r in out/demo/*.html; do echo "   file://$$(pwd)/$$r"; done; \
	exit $$status

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy $(addprefix -p ,$(MYPY_PACKAGES))

bench: install sandbox-ready
	$(BIN)/python bench/bench_pool.py
	$(BIN)/python bench/bench_math.py
	$(BIN)/python bench/bench_sandbox.py
	$(BIN)/python bench/bench_code.py
	$(BIN)/python bench/bench_reward_model.py
	$(BIN)/python bench/bench_scale.py

clean:
	rm -rf $(VENV) .pytest_cache
