// Turns one ci/bench.sh run into its side-by-side table.
//   node tables.mjs RAW_DIR OUT.md OUT.json
// RAW_DIR holds one directory per load run (NAME/load.json, NAME/exit-code), startup.tsv
// (variant, run, ms to first 200, RSS kB after 1,000 requests) and run-info.txt (key=value).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [raw, mdPath, jsonPath] = process.argv.slice(2);
if (!raw || !mdPath || !jsonPath) {
    console.error('usage: node tables.mjs RAW_DIR OUT.md OUT.json');
    process.exit(2);
}

const info = Object.fromEntries(readFileSync(join(raw, 'run-info.txt'), 'utf8').trim().split('\n')
    .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
const runs = {};
for (const name of readdirSync(raw)) {
    const f = join(raw, name, 'load.json');
    if (existsSync(f)) {
        runs[name] = JSON.parse(readFileSync(f, 'utf8'));
    }
}
const connections = info.connections.split(' ').map(Number);
const highest = Math.max(...connections);

const median = xs => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : Math.round((a / b) * 100) / 100);
const fmt = (v, digits = 1) => (v == null ? 'n/a' : v.toFixed(digits));
const fmtRatio = v => (v == null ? 'n/a' : `${v.toFixed(2)}×`);

// Every measured figure is the median over the rounds (NAME-cC-rR); the rounds' values are kept too.
const rounds = (variant, c) => Object.keys(runs).filter(n => n.startsWith(`${variant}-c${c}-r`)).sort().map(n => runs[n]);
const summary = (variant, c) => {
    const rs = rounds(variant, c);
    if (rs.length === 0) {
        return undefined;
    }
    const each = f => rs.map(f);
    return {
        rps: median(each(r => r.requests_per_second)), p50: median(each(r => r.latency_ms.p50)),
        p99: median(each(r => r.latency_ms.p99)), rounds_rps: each(r => r.requests_per_second),
        rounds_p50: each(r => r.latency_ms.p50), rounds_p99: each(r => r.latency_ms.p99),
        requests: each(r => r.requests).reduce((a, b) => a + b, 0), wrong: each(r => r.wrong_decisions).reduce((a, b) => a + b, 0),
        errors: each(r => r.errors).reduce((a, b) => a + b, 0),
    };
};
const throughput = connections.map(c => {
    const ours = summary('ours', c);
    const baseline = summary('baseline', c);
    const noAuth = summary('no-auth', c);
    return {
        connections: c, ours, baseline, no_auth: noAuth,
        ours_over_baseline: { rps: ratio(ours?.rps, baseline?.rps), p50: ratio(ours?.p50, baseline?.p50), p99: ratio(ours?.p99, baseline?.p99) },
        authenticated_over_unauthenticated: { rps: ratio(ours?.rps, noAuth?.rps), p50: ratio(ours?.p50, noAuth?.p50), p99: ratio(ours?.p99, noAuth?.p99) },
    };
});

const mixed = ['ours', 'baseline'].map(v => runs[`${v}-mixed-c${highest}`]).filter(Boolean).map((r, i) => ({
    server: i === 0 ? 'ours' : 'baseline', requests: r.requests, rps: r.requests_per_second, p99: r.latency_ms.p99,
    wrong: r.wrong_decisions, errors: r.errors, status_counts: r.status_counts,
}));

const startupRows = existsSync(join(raw, 'startup.tsv'))
    ? readFileSync(join(raw, 'startup.tsv'), 'utf8').trim().split('\n').filter(Boolean).map(l => l.split('\t'))
    : [];
const startup = {};
for (const [variant, run, ms, rssKb] of startupRows) {
    startup[variant] ??= { start_ms: [], rss_mb: [] };
    startup[variant].start_ms.push(Number(ms));
    startup[variant].rss_mb.push(Math.round(Number(rssKb) / 102.4) / 10);
}
for (const s of Object.values(startup)) {
    s.start_ms_median = median(s.start_ms);
    s.rss_mb_median = median(s.rss_mb);
}

const json = { info, throughput, mixed, startup };
writeFileSync(jsonPath, JSON.stringify(json, null, 2) + '\n');

const md = [];
md.push(`# Benchmark: reference server vs Node.js + jose baseline (${info.date})`, '');
md.push(`One run of \`ci/bench.sh${existsSync(join(raw, 'aot-flags.txt')) ? ' --aot' : ''}\` on ${info.cpus} cores, `
    + `commit ${info.commit}; ${info.java}; Node ${info.node}, jose ${info.jose}. Load average ${info.loadavg_before} `
    + `before, ${info.loadavg_after} after (1, 5, 15 min): the machine is shared, so only the ratios `
    + `measured in this one run mean anything, not the absolute figures. Load: the suite's \`load\` command `
    + `(JDK HttpClient, HTTP/1.1 over loopback http, one kept-alive connection and one MCP session per connection), `
    + `\`tools/call whoami\` with a good token per connection, ${info.duration} measured after ${info.warmup} warm-up; `
    + `the three servers ran side by side and the load visited them in turn for ${info.rounds} rounds: every `
    + `throughput and latency figure is the median over the rounds (each round's req/s in brackets). `
    + `Raw reports: \`${raw}/\`.`, '');
md.push('## Authenticated throughput and latency', '');
md.push('| connections | measure | ours | baseline | ours / baseline | ours, fixed principal (no bearer edge) | authenticated / unauthenticated |');
md.push('|---:|---|---:|---:|---:|---:|---:|');
for (const t of throughput) {
    const rps = s => (s ? `${fmt(s.rps)} (${s.rounds_rps.map(v => fmt(v)).join(', ')})` : 'n/a');
    md.push(`| ${t.connections} | req/s | ${rps(t.ours)} | ${rps(t.baseline)} | ${fmtRatio(t.ours_over_baseline.rps)} | ${rps(t.no_auth)} | ${fmtRatio(t.authenticated_over_unauthenticated.rps)} |`);
    md.push(`| ${t.connections} | p50 ms | ${fmt(t.ours?.p50, 2)} | ${fmt(t.baseline?.p50, 2)} | ${fmtRatio(t.ours_over_baseline.p50)} | ${fmt(t.no_auth?.p50, 2)} | ${fmtRatio(t.authenticated_over_unauthenticated.p50)} |`);
    md.push(`| ${t.connections} | p99 ms | ${fmt(t.ours?.p99, 2)} | ${fmt(t.baseline?.p99, 2)} | ${fmtRatio(t.ours_over_baseline.p99)} | ${fmt(t.no_auth?.p99, 2)} | ${fmtRatio(t.authenticated_over_unauthenticated.p99)} |`);
    md.push(`| ${t.connections} | requests, all rounds (errors) | ${t.ours?.requests ?? 'n/a'} (${t.ours?.errors ?? 'n/a'}) | ${t.baseline?.requests ?? 'n/a'} (${t.baseline?.errors ?? 'n/a'}) | | ${t.no_auth?.requests ?? 'n/a'} (${t.no_auth?.errors ?? 'n/a'}) | |`);
}
md.push('', 'For req/s a ratio above 1 favours ours; for latency, below 1. "Fixed principal": the same server jar '
    + 'with a bench-only authentication provider (ci/bench/fixed-principal, first on the class path, selected by '
    + 'system property) that verifies nothing and hands the MCP layer the same subject shape; the shipped server '
    + 'has no such provider.', '');
md.push(`## Mixed credentials at ${highest} connections`, '');
md.push('| server | requests | req/s | p99 ms | wrong decisions | errors | status codes |', '|---|---:|---:|---:|---:|---:|---|');
for (const m of mixed) {
    md.push(`| ${m.server} | ${m.requests} | ${fmt(m.rps)} | ${fmt(m.p99, 2)} | ${m.wrong} | ${m.errors} | ${Object.entries(m.status_counts).map(([k, v]) => `${k}: ${v}`).join(', ')} |`);
}
md.push('', 'Mix good=80, expired=5, wrong-aud=5, bad-sig=5, no-token=5. A wrong decision is a bad or missing token '
    + 'answered 2xx or a good token refused.', '');
md.push('## Start and memory (three runs each)', '');
const variants = ['ours', 'ours-aot', 'baseline'].filter(v => startup[v]);
const label = { ours: 'ours', 'ours-aot': 'ours + AOT cache', baseline: 'baseline' };
const aotCol = startup['ours-aot'] !== undefined;
md.push(`| measure | ${variants.map(v => label[v]).join(' | ')} | ours / baseline |${aotCol ? ' ours + AOT / ours |' : ''}`);
md.push(`|---|${variants.map(() => '---:').join('|')}|---:|${aotCol ? '---:|' : ''}`);
md.push(`| start to first 200, ms: median (runs) | ${variants.map(v => `${startup[v].start_ms_median} (${startup[v].start_ms.join(', ')})`).join(' | ')} | ${fmtRatio(ratio(startup.ours?.start_ms_median, startup.baseline?.start_ms_median))} |${aotCol ? ` ${fmtRatio(ratio(startup['ours-aot'].start_ms_median, startup.ours?.start_ms_median))} |` : ''}`);
md.push(`| RSS after 1,000 requests, MB: median (runs) | ${variants.map(v => `${startup[v].rss_mb_median} (${startup[v].rss_mb.join(', ')})`).join(' | ')} | ${fmtRatio(ratio(startup.ours?.rss_mb_median, startup.baseline?.rss_mb_median))} |${aotCol ? ` ${fmtRatio(ratio(startup['ours-aot'].rss_mb_median, startup.ours?.rss_mb_median))} |` : ''}`);
md.push('', 'Start: from launching `java -jar` (or `node`) to the first 200 on the protected resource metadata, polled '
    + 'every 10 ms with curl. RSS: VmRSS of that process after 1,000 authenticated `tools/call` requests on 8 '
    + 'connections, no warm-up. JVM defaults (no -Xmx).'
    + (existsSync(join(raw, 'aot-flags.txt')) ? ` AOT cache: a training run (start, 2,000 requests, stop) with the `
        + `cache-writing flag, then \`${readFileSync(join(raw, 'aot-flags.txt'), 'utf8').trim()}\`.` : ''), '');
writeFileSync(mdPath, md.join('\n'));
