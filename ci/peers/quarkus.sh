#!/usr/bin/env bash
# Runs the conformance suite against a Quarkus MCP server with quarkus-oidc as its resource server,
# all defaults: the small app in ci/peers/quarkus/ (io.quarkus:quarkus-bom 3.33.2,
# io.quarkiverse.mcp:quarkus-mcp-server-http 1.13.0, quarkus-oidc; the /mcp paths need an
# authenticated token, RFC 9728 metadata on; two tools: whoami, and admin_stats behind
# @PermissionsAllowed("mcp:admin"), which quarkus-oidc maps from the token's scope).
#
#   ci/peers/quarkus.sh                # reports in reports/peers/quarkus-mcp-1.13.0/<spec version>/
#   ci/peers/quarkus.sh --out DIR      # reports in DIR/<spec version>/
#   ci/peers/quarkus.sh --hardened     # audience check on, metadata resource named exactly (profile
#                                      # "hardened"): reports in reports/peers/quarkus-mcp-1.13.0-hardened/
#
# Steps, all on 127.0.0.1: build the suite (SKIP_BUILD=1 reuses it) and the app (Maven Central
# downloads go to ~/.m2, the build to .cache/peers/quarkus/; skipped when its sources did not
# change), start the suite's test issuer and the app with that issuer as quarkus.oidc.auth-server-url,
# check with ss that it listens on loopback only, run the suite once per spec version with
# `--tool whoami --tool admin_stats=mcp:admin --server-log <app log>`, curl probes (probes.md),
# check that no token reached the reports, write run-info.txt, stop both processes by PID.
#
# Exit: 0 when the harness worked, whatever the suite found; 2 on a harness error.
# Needs: bash, curl, ss, a JDK >= 21 (found by ci/java-home.sh), Maven. Environment: SPEC_VERSIONS, SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
LIB_NAME=quarkus.sh EXIT_CODES="0 2"
. ci/lib.sh
. ci/peers/java-peer-lib.sh

PEER=quarkus
PEER_LABEL="Quarkus 3.33.2 (io.quarkus:quarkus-bom), io.quarkiverse.mcp:quarkus-mcp-server-http 1.13.0, quarkus-oidc, defaults plus the security guide's two settings (authenticated /mcp paths, resource metadata on)"
PEER_OUT=reports/peers/quarkus-mcp-1.13.0
PEER_ARTIFACT=quarkus-app/quarkus-run.jar
PEER_PATH=/mcp
HINTS=(--tool whoami --tool admin_stats=mcp:admin)
peer_libs() { ls "$CACHE/target/quarkus-app/lib/main"; }
LIBS_SHOWN='^(io\.quarkiverse\.mcp\.quarkus-mcp-server-(core|http)|io\.quarkus\.quarkus-oidc|io\.quarkus\.quarkus-core|io\.smallrye\.smallrye-jwt|org\.bitbucket\.b_c\.jose4j|io\.vertx\.vertx-core)-[0-9][^ ]*\.jar'
PEER_HARDENING="profile hardened: quarkus.oidc.token.audience and resource-metadata.resource set to the MCP URL, resource-metadata.force-https-scheme=false"
peer_command() {
    local profile=()
    [ "$HARDENED" = 1 ] && profile=(-Dquarkus.profile=hardened)
    PEER_RESOURCE=http://127.0.0.1:$PEER_PORT$PEER_PATH exec java "${profile[@]}" -jar "$CACHE/target/$PEER_ARTIFACT"
}

peer_main "$@"
