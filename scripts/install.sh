#!/usr/bin/env bash
# Reproducible install of Incassocoach into .venv from requirements.lock alone.
#
# Rasa 3.6 declares Python <3.11, so every package is installed from exact pins with
# --no-deps --ignore-requires-python (see docs/python-3.11.md for why this is safe).
# The script is idempotent: it records a hash of its inputs and does nothing when they
# have not changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3.11}
VENV=.venv
STAMP=$VENV/.install-stamp
export RASA_TELEMETRY_ENABLED=false PIP_DISABLE_PIP_VERSION_CHECK=1 TF_CPP_MIN_LOG_LEVEL=2

inputs_hash() {
    cat requirements.lock scripts/install.sh scripts/build_spacy_pipeline.py pyproject.toml | sha256sum | cut -d' ' -f1
}

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$(inputs_hash)" ] && [ -f build/spacy_nl/meta.json ]; then
    exit 0
fi

if [ ! -x "$VENV/bin/python" ]; then
    echo "==> Creating $VENV with $($PYTHON --version)"
    "$PYTHON" -m venv "$VENV"
fi

echo "==> Installing pinned packages (first run downloads about 1 GB)"
"$VENV/bin/pip" install --quiet --no-deps --ignore-requires-python -r requirements.lock 2>&1 | { grep -v "is ignored: it is neither" || true; }
"$VENV/bin/pip" install --quiet --no-deps --no-build-isolation -e . 2>&1 | { grep -v "is ignored: it is neither" || true; }

# The real Dutch spaCy pipeline lives on GitHub, not on PyPI. Try it briefly; offline
# machines fall back to a blank Dutch pipeline with lookup lemmas (build_spacy_pipeline.py).
if [ "${INCASSO_SPACY_MODEL:-auto}" != "offline" ] && ! "$VENV/bin/python" -c "import nl_core_news_sm" 2>/dev/null; then
    echo "==> Trying to fetch nl_core_news_sm 3.4.0 (skipped after 30 s when offline)"
    timeout 30 "$VENV/bin/pip" install --quiet --no-deps --timeout 10 --retries 0 \
        "https://github.com/explosion/spacy-models/releases/download/nl_core_news_sm-3.4.0/nl_core_news_sm-3.4.0-py3-none-any.whl" \
        2>/dev/null || echo "    not reachable: using the offline Dutch pipeline"
fi
"$VENV/bin/python" scripts/build_spacy_pipeline.py build/spacy_nl

inputs_hash > "$STAMP"
echo "==> Installed."
