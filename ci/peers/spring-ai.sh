#!/usr/bin/env bash
# Runs the conformance suite against a Spring AI MCP server secured with the Spring AI Community's
# mcp-server-security, all its defaults: the small app in ci/peers/spring-ai/ (Spring Boot 4.1.2,
# spring-ai-starter-mcp-server-webmvc 2.0.1, org.springaicommunity:mcp-server-security 0.1.13,
# two tools: whoami, and admin_stats behind @PreAuthorize SCOPE_mcp:admin).
#
#   ci/peers/spring-ai.sh              # reports in reports/peers/spring-ai-2.0.1/<spec version>/
#   ci/peers/spring-ai.sh --out DIR    # reports in DIR/<spec version>/
#   ci/peers/spring-ai.sh --hardened   # the library's two opt-ins on (audience check, session
#                                      # binding): reports in reports/peers/spring-ai-2.0.1-hardened/
#
# Steps, all on 127.0.0.1: build the suite (SKIP_BUILD=1 reuses it) and the app (Maven Central
# downloads go to ~/.m2, the build to .cache/peers/spring-ai/; skipped when its sources did not
# change), start the suite's test issuer and the app with that issuer as its authorization server,
# check with ss that it listens on loopback only, run the suite once per spec version with
# `--tool whoami --tool admin_stats=mcp:admin --server-log <app log>`, curl probes (probes.md),
# check that no token reached the reports, write run-info.txt, stop both processes by PID.
#
# Exit: 0 when the harness worked, whatever the suite found; 2 on a harness error.
# Needs: bash, curl, ss, a JDK >= 21 (found by ci/java-home.sh), Maven. Environment: SPEC_VERSIONS, SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
LIB_NAME=spring-ai.sh EXIT_CODES="0 2"
. ci/lib.sh
. ci/peers/java-peer-lib.sh

PEER=spring-ai
PEER_LABEL="Spring Boot 4.1.2, spring-ai-starter-mcp-server-webmvc 2.0.1 (spring-ai-bom), org.springaicommunity:mcp-server-security 0.1.13 with its defaults"
PEER_OUT=reports/peers/spring-ai-2.0.1
PEER_ARTIFACT=spring-ai-peer.jar
PEER_PATH=/mcp
HINTS=(--tool whoami --tool admin_stats=mcp:admin)
peer_libs() { jar tf "$CACHE/target/$PEER_ARTIFACT" | sed -n 's|^BOOT-INF/lib/||p'; }
LIBS_SHOWN='^(mcp|mcp-core|mcp-server-security|spring-ai-mcp|spring-security-oauth2-resource-server|spring-security-web|nimbus-jose-jwt|tomcat-embed-core)-[0-9][^ ]*\.jar'
PEER_HARDENING="McpServerOAuth2Configurer.validateAudienceClaim(true) and sessionBinding(withDefaults())"
peer_command() {
    PEER_HARDENED=$([ "$HARDENED" = 1 ] && echo true || echo false) exec java -jar "$CACHE/target/$PEER_ARTIFACT"
}

peer_main "$@"
