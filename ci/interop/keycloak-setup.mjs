// Configures a freshly started Keycloak, through its admin REST API only, as the authorization
// server of the MCP server under test. Run by ci/interop.sh once Keycloak answers.
//
//   node keycloak-setup.mjs --keycloak URL --resource URL [--api-resource URL] [--realm mcp]
//   env: KC_ADMIN_USER, KC_ADMIN_PASSWORD   bootstrap admin of realm master (throwaway, per run)
//        KC_TEST_USER, KC_TEST_PASSWORD     the end user the fake browser logs in as (throwaway)
//        KC_REST_SECRET                     with --api-resource: the REST client's secret (throwaway)
//
// What it creates in the realm (every call must answer 2xx, or the script exits 1):
//   - realm `mcp` (access tokens live 15 min, so one token lasts the official suite's run);
//   - client scopes `mcp:read`, `mcp:write`, `mcp:admin`, each with an `oidc-audience-mapper`
//     that puts the canonical resource URL into `aud` (Keycloak ignores the RFC 8707 `resource`
//     parameter, so the audience has to come from the scopes), registered as realm *optional*
//     default scopes so every dynamically registered client may request them;
//   - anonymous dynamic client registration (RFC 7591) from loopback: the "Trusted Hosts"
//     policy limited to 127.0.0.1/localhost for the host sending the registration;
//     "Allowed Client Scopes" listing the mcp:* scopes. Keycloak's other anonymous policies stay
//     as shipped (consent required, full scope disabled, ...);
//   - a client policy for every public client: PKCE S256 (executor `pkce-enforcer` with
//     auto-configure, so a registered client gets `pkce.code.challenge.method=S256`) and
//     loopback-only redirect URIs (executor `secure-redirect-uris-enforcer`);
//   - a test user with a complete profile (so the login form is the only page before consent);
//   - with --api-resource: a confidential client `interop-rest` (client credentials only) with an
//     audience mapper adding the REST API's resource URL: the service that calls the assistant's
//     REST API (/api) with its own token; it requests mcp:read and mcp:write (realm optional scopes).
// Stdout: key=value lines (issuer, scope ids). Nothing secret is printed.
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
    options: {
        keycloak: { type: 'string' },
        resource: { type: 'string' },
        'api-resource': { type: 'string' },
        realm: { type: 'string', default: 'mcp' },
    },
});
const env = (name) => {
    const v = process.env[name];
    if (!v) fail(`environment variable ${name} is not set`);
    return v;
};
function fail(message) {
    console.error(`keycloak-setup: ${message}`);
    process.exit(1);
}
if (!opts.keycloak || !opts.resource) fail('usage: node keycloak-setup.mjs --keycloak URL --resource URL [--realm mcp]');

const KC = opts.keycloak.replace(/\/$/, '');
const REALM = opts.realm;
const SCOPES = ['mcp:read', 'mcp:write', 'mcp:admin'];
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost'];

let adminToken;
async function call(method, path, body, { expect = [200, 201, 204] } = {}) {
    const res = await fetch(`${KC}${path}`, {
        method,
        headers: {
            authorization: `Bearer ${adminToken}`,
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!expect.includes(res.status)) fail(`${method} ${path} -> ${res.status} ${text.slice(0, 300)}`);
    console.error(`keycloak-setup: ${method} ${path} -> ${res.status}`);
    return { res, json: text ? JSON.parse(text) : undefined };
}
const idFromLocation = (res) => res.headers.get('location').split('/').pop();

async function main() {
    // Admin token: password grant of admin-cli in realm master (the bootstrap admin).
    const tokenRes = await fetch(`${KC}/realms/master/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({
            grant_type: 'password',
            client_id: 'admin-cli',
            username: env('KC_ADMIN_USER'),
            password: env('KC_ADMIN_PASSWORD'),
        }),
    });
    if (tokenRes.status !== 200) fail(`admin token -> ${tokenRes.status}`);
    adminToken = (await tokenRes.json()).access_token;

    await call('POST', '/admin/realms', {
        realm: REALM,
        enabled: true,
        accessTokenLifespan: 900,
        // Loopback only; Keycloak's "external" default already allows http from 127.0.0.1.
        sslRequired: 'external',
    });

    const scopeIds = {};
    for (const name of SCOPES) {
        const { res } = await call('POST', `/admin/realms/${REALM}/client-scopes`, {
            name,
            protocol: 'openid-connect',
            description: `MCP scope ${name}`,
            attributes: {
                'include.in.token.scope': 'true',
                'display.on.consent.screen': 'true',
                'consent.screen.text': `MCP ${name.split(':')[1]} access`,
            },
            protocolMappers: [{
                name: 'mcp-resource-audience',
                protocol: 'openid-connect',
                protocolMapper: 'oidc-audience-mapper',
                config: {
                    'included.custom.audience': opts.resource,
                    'access.token.claim': 'true',
                    'id.token.claim': 'false',
                    'introspection.token.claim': 'true',
                },
            }],
        });
        scopeIds[name] = idFromLocation(res);
        await call('PUT', `/admin/realms/${REALM}/default-optional-client-scopes/${scopeIds[name]}`);
    }

    // Anonymous DCR policies (components of type ClientRegistrationPolicy, subType anonymous).
    const policyType = 'org.keycloak.services.clientregistration.policy.ClientRegistrationPolicy';
    const { json: policies } = await call('GET',
        `/admin/realms/${REALM}/components?type=${encodeURIComponent(policyType)}`);
    const anonymous = (providerId) => {
        const found = policies.find((p) => p.subType === 'anonymous' && p.providerId === providerId);
        if (!found) fail(`no anonymous ${providerId} registration policy in realm ${REALM}`);
        return found;
    };
    const trusted = anonymous('trusted-hosts');
    await call('PUT', `/admin/realms/${REALM}/components/${trusted.id}`, {
        ...trusted,
        config: {
            'trusted-hosts': LOOPBACK_HOSTS,
            'host-sending-registration-request-must-match': ['true'],
            // Off: it would also refuse a `client_uri` such as MCP Inspector's GitHub page. The
            // redirect URIs are held to loopback by the client policy below instead.
            'client-uris-must-match': ['false'],
        },
    });
    const allowedScopes = anonymous('allowed-client-templates');
    await call('PUT', `/admin/realms/${REALM}/components/${allowedScopes.id}`, {
        ...allowedScopes,
        config: { 'allowed-client-scopes': SCOPES, 'allow-default-scopes': ['true'] },
    });

    // Public clients, registered ones included: PKCE S256, and loopback redirect URIs only
    // (RFC 8252 native-app redirects on 127.0.0.1 or localhost, any port).
    await call('PUT', `/admin/realms/${REALM}/client-policies/profiles`, {
        profiles: [{
            name: 'mcp-pkce-s256',
            description: 'PKCE with S256 and loopback redirect URIs for public clients',
            executors: [
                { executor: 'pkce-enforcer', configuration: { 'auto-configure': 'true' } },
                {
                    executor: 'secure-redirect-uris-enforcer',
                    configuration: {
                        'allow-ipv4-loopback-address': 'true',
                        'allow-http-scheme': 'true',
                        'allow-permitted-domains': ['127\\.0\\.0\\.1', 'localhost'],
                    },
                },
            ],
        }],
    });
    await call('PUT', `/admin/realms/${REALM}/client-policies/policies`, {
        policies: [{
            name: 'mcp-public-clients-pkce',
            description: 'every public client must use PKCE S256',
            enabled: true,
            conditions: [{ condition: 'client-access-type', configuration: { type: ['public'] } }],
            profiles: ['mcp-pkce-s256'],
        }],
    });

    const user = env('KC_TEST_USER');
    await call('POST', `/admin/realms/${REALM}/users`, {
        username: user,
        enabled: true,
        emailVerified: true,
        firstName: 'Interop',
        lastName: 'Tester',
        email: `${user}@example.invalid`,
        credentials: [{ type: 'password', value: env('KC_TEST_PASSWORD'), temporary: false }],
    });

    if (opts['api-resource']) await restClient();

    console.log(`issuer=${KC}/realms/${REALM}`);
    for (const name of SCOPES) console.log(`scope_id.${name}=${scopeIds[name]}`);
}

// The REST API's own caller: client credentials, aud = the API's resource (and, through the
// mcp:* scope mappers, the MCP resource too; the API accepts an aud list containing it).
async function restClient() {
    const { res } = await call('POST', `/admin/realms/${REALM}/clients`, {
        clientId: 'interop-rest',
        enabled: true,
        publicClient: false,
        clientAuthenticatorType: 'client-secret',
        secret: env('KC_REST_SECRET'),
        serviceAccountsEnabled: true,
        standardFlowEnabled: false,
        directAccessGrantsEnabled: false,
        protocol: 'openid-connect',
        protocolMappers: [{
            name: 'api-resource-audience',
            protocol: 'openid-connect',
            protocolMapper: 'oidc-audience-mapper',
            config: {
                'included.custom.audience': opts['api-resource'],
                'access.token.claim': 'true',
                'id.token.claim': 'false',
                'introspection.token.claim': 'true',
            },
        }],
    });
    // The mcp:* scopes reach it as the realm's optional scopes: it asks for them in its token request.
    console.log(`rest_client_id=${idFromLocation(res)}`);
}

main().catch((e) => fail(e?.stack ?? String(e)));
