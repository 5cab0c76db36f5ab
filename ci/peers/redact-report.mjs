// Last line of defence before a peer report is published: finds the run's tokens in the report
// files, whole or in pieces, and redacts them in place.
//
// The suite redacts the tokens it sends, but a check that mutates a token (for example one that
// inserts a space inside it) can write fragments the suite's redactor does not recognise. So a
// match here is a suite bug to report, and this script says so on stderr.
//
// Usage: node redact-report.mjs --secret-file FILE [--secret-file FILE ...] [--check] DIR
//   A "fragment" is any run of token characters ([A-Za-z0-9-._~+/=]) that contains WINDOW
//   consecutive characters of a secret (WINDOW = 12, or the whole secret if it is shorter).
//   The whole run is replaced with "[REDACTED by ci/peers]".
//   --check  only report; exit 1 when anything matches.
// Stdout: "redacted=N" (N fragments). Exit 0, or 1 with --check when N > 0, or 2 on errors.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const WINDOW = 12;
const MARK = '[REDACTED by ci/peers]';

const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'secret-file': { type: 'string', multiple: true }, check: { type: 'boolean', default: false } },
});
if (!values['secret-file']?.length || positionals.length !== 1) {
    console.error('usage: node redact-report.mjs --secret-file FILE [...] [--check] DIR');
    process.exit(2);
}

const windows = new Set();
for (const file of values['secret-file']) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length < 8) {
        console.error(`redact-report: secret in ${file} is shorter than 8 characters; refusing to guess`);
        process.exit(2);
    }
    const w = Math.min(WINDOW, secret.length);
    for (let i = 0; i + w <= secret.length; i++) windows.add(secret.slice(i, i + w));
}

const files = (dir) => readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
});

let total = 0;
for (const path of files(positionals[0])) {
    const text = readFileSync(path, 'utf8');
    let count = 0;
    const redacted = text.replace(/[A-Za-z0-9\-._~+/=]+/g, (run) => {
        for (const piece of windows) {
            if (run.includes(piece)) {
                count++;
                return MARK;
            }
        }
        return run;
    });
    if (count > 0) {
        console.error(`redact-report: ${path}: ${count} token fragment(s)${values.check ? '' : ' redacted'}`);
        if (!values.check) writeFileSync(path, redacted);
        total += count;
    }
}
console.log(`redacted=${total}`);
process.exit(values.check && total > 0 ? 1 : 0);
