#!/usr/bin/env bash
# The project's two commands, on a machine with nothing but Python 3.11+:
#   ./run.sh build [diplodata build options]   install, then build a release from sources/
#   ./run.sh test  [pytest options]            install (with test extras), then run the tests
#   ./run.sh dev                                install, then open the Dagster UI; it publishes unattended
#     (DIPLODATA_SOURCES / DIPLODATA_OUTPUTS choose the folders)
# Installs are pinned by requirements.lock (hashes checked) into .venv/ and redone only when the
# lock file or pyproject.toml changes.
set -euo pipefail
# Folders named relative to where run.sh was called from, before it moves to the project folder.
for var in DIPLODATA_SOURCES DIPLODATA_OUTPUTS; do
  if [ -n "${!var:-}" ] && [[ ${!var} != /* ]]; then export "$var=$PWD/${!var}"; fi
done
cd "$(dirname "$0")"
PYTHON=${PYTHON:-python3}
VENV=${DIPLODATA_VENV:-.venv}

install() {
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
  fi
  local stamp="$VENV/.diplodata-installed"
  local want
  want=$(cat requirements.lock pyproject.toml | "$VENV/bin/python" -c 'import hashlib,sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())')
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "installing pinned dependencies into $VENV ..." >&2
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    # The lock is complete (every transitive pin, with hashes), so --no-deps installs exactly it.
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements.lock
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
    echo "$want" > "$stamp"
  fi
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  build) install; exec "$VENV/bin/diplodata" build "$@" ;;
  test)  install; exec "$VENV/bin/python" -m pytest "$@" ;;
  dev)   install; outputs=${DIPLODATA_OUTPUTS:-outputs}; [[ $outputs = /* ]] || outputs=$PWD/$outputs
         export DAGSTER_HOME=${DAGSTER_HOME:-$outputs/.dagster_home}
         # telemetry off and a run queue of one run per core, unless DAGSTER_HOME has its own dagster.yaml
         "$VENV/bin/python" -c 'import sys; from pipeline.build import write_dagster_yaml; write_dagster_yaml(sys.argv[1])' "$DAGSTER_HOME"
         exec "$VENV/bin/dagster" dev -w workspace.yaml "$@" ;;
  *) echo "usage: ./run.sh build|test|dev [options]" >&2; exit 2 ;;
esac
