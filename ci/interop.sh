#!/usr/bin/env bash
# Real clients and a real authorization server against our server: see ci/interop/README.md.
# The script itself is ci/interop/run.sh (`ci/interop.sh --help` prints its description).
exec "$(dirname "$0")/interop/run.sh" "$@"
