/**
 * The scenarios and their checks: what the suite asks of an MCP server acting as an OAuth
 * resource server, one check per requirement, each naming its checklist rows and spec sections.
 *
 * <p>Rules every scenario follows:
 * <ul>
 * <li>A check has one id, whether it passes or fails; ids are kebab-case and start with the
 *     scenario id ({@code prm-} for {@code protected-resource-metadata}).</li>
 * <li>MUST → FAILURE, SHOULD → WARNING, MAY or silent → INFO, per spec version where the level
 *     changes ({@link dev.mcpauth.conformance.scenario.CheckSpec#in0618}).</li>
 * <li>A missing prerequisite makes a check untestable, never SUCCESS nor SKIPPED; SKIPPED only
 *     means the check does not apply to the selected spec version. An untestable check reports
 *     the status its level gives a violation: MUST → FAILURE (so it still fails the run: never
 *     green), SHOULD → WARNING, MAY → INFO, each with {@code untestable} set. A check a scenario
 *     never reached is filled in as untestable by
 *     {@link dev.mcpauth.conformance.scenario.CheckRecorder}.</li>
 * <li>Every "this bad token is refused" check depends on the positive control: when a good
 *     token is refused too, a refusal proves nothing, so those checks are untestable.</li>
 * <li>Where the specs disagree, the matching policy of docs/rs-checklist.md (e.g. policy P-04) is followed and said in the check's
 *     description (malformed tokens: 400 or 401; {@code typ} judged by {@code --typ-profile},
 *     lenient by default; leeway at most 5 minutes; root PRM only for a root resource; silent
 *     rows never FAIL unless another MUST row is broken by the same response).</li>
 * <li>A level an option decides (the {@code typ} profile) is recorded with
 *     {@link dev.mcpauth.conformance.scenario.CheckRecorder#verdictAt}, so the result states it.</li>
 * <li>A MAY or silent check whose outcome is a matter of choice passes on the friendlier
 *     behaviour, notes the other as INFO, and records what it saw in its details; a check that
 *     could never be anything but SUCCESS is not a check (the row goes to the catalogue).</li>
 * <li>Grey-box checks (server log, token passthrough) are untestable until their flag
 *     enables them; key-lifecycle needs the suite's issuer and runs after every other token
 *     scenario, leaving the issuer serving its keys.</li>
 * <li>A target's tool is called only when {@link dev.mcpauth.conformance.scenario.ToolSafety}
 *     allows it (named by the operator, scopes declared in {@code tools/list}, or annotated
 *     read-only); a check that needed another tool is untestable and says which option to pass.
 *     Every request made while looking for a tool is reported with the checks that needed it.</li>
 * <li>A scenario's rows are the union of its checks' rows.</li>
 * <li>"initialize" in a description is the probe request: under 2026-07-28, which has no
 *     handshake, it is {@code tools/list} with the stateless headers (docs/rs-checklist.md, policy P-09, leaves auth on
 *     {@code server/discover} open), and the positive control opens with {@code server/discover}.</li>
 * </ul>
 *
 * <p>Tokens come from the suite's issuer (every mutation possible) or from the operator (only
 * what needs no issuer key); see {@link dev.mcpauth.conformance.token.TokenSource}. A scenario reaches
 * the target through {@link Target}, tokens through {@code ctx.tokens()}, and shared facts through
 * {@link TargetFacts}.
 */
package dev.mcpauth.conformance.scenario;
