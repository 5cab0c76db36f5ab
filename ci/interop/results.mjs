// Reads the JSON results of the interop run's clients and answers one question per command,
// so ci/interop/run.sh needs no inline JavaScript. Node built-ins only.
//
//   node results.mjs versions NODE_MODULES NAME=VERSION...   exit 1 (and say which) unless every
//                                                            @modelcontextprotocol/NAME is VERSION
//   node results.mjs connector-flow FILE                     prints flow_ms=, stepup_ms=,
//                                                            checks_passed=, checks_total= lines
//   node results.mjs connector-notes FILE                    prints the client's interop notes,
//                                                            one Markdown bullet each
//   node results.mjs tools-list FILE NAME...                 prints the number of tools; exit 1
//                                                            unless every NAME is listed
//   node results.mjs tool-result FILE TEXT                   exit 0 when the tools/call result is
//                                                            not an error and its content has TEXT
//   node results.mjs vacuous-round-trips DIR                 prints the official checks that passed
//                                                            on a tool result that is an error
//                                                            (empty when none); DIR is the suite's -o
import fs from "node:fs";
import path from "node:path";

const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8"));

const commands = {
    versions(modules, ...pins) {
        const wrong = [];
        for (const pin of pins) {
            const [name, want] = pin.split("=");
            const file = path.join(modules, "@modelcontextprotocol", name, "package.json");
            const found = fs.existsSync(file) ? readJson(file).version : "nothing";
            if (found !== want) wrong.push(`expected @modelcontextprotocol/${name} ${want}, found ${found}`);
        }
        if (wrong.length) {
            console.log(wrong.join("; "));
            return 1;
        }
        return 0;
    },

    "connector-flow"(file) {
        const s = readJson(file);
        for (const key of ["flow_ms", "stepup_ms", "checks_passed", "checks_total"]) {
            console.log(`${key}=${s[key] ?? ""}`);
        }
        return 0;
    },

    "connector-notes"(file) {
        for (const note of readJson(file).notes ?? []) console.log(`- TS SDK client: ${note}`);
        return 0;
    },

    "tools-list"(file, ...names) {
        const tools = readJson(file).result?.tools ?? [];
        const listed = tools.map((t) => t.name);
        console.log(tools.length);
        return names.every((n) => listed.includes(n)) ? 0 : 1;
    },

    "tool-result"(file, text) {
        const r = readJson(file).result;
        return r && !r.isError && JSON.stringify(r.content ?? []).includes(text) ? 0 : 1;
    },

    // The official checks of conformance 0.1.16 accept a tool result that is itself an error for
    // the sampling and elicitation scenarios (they only check that the request was made). A result
    // with isError outside tools-call-error means the round trip did not work.
    "vacuous-round-trips"(dir) {
        const out = [];
        for (const d of fs.readdirSync(dir)) {
            const scenario = d.replace(/^server-/, "").replace(/-\d{4}-\d{2}-\d{2}T.*$/, "");
            if (scenario === "tools-call-error") continue;
            for (const c of readJson(path.join(dir, d, "checks.json"))) {
                const r = c.details?.result;
                if (c.status === "SUCCESS" && r?.isError) {
                    const text = (r.content ?? []).map((x) => x.text ?? "").join(" ").slice(0, 80);
                    out.push(`${scenario} (tool answered isError: "${text}")`);
                }
            }
        }
        console.log(out.join("; "));
        return 0;
    },
};

const [command, ...args] = process.argv.slice(2);
if (!commands[command]) {
    console.error(`results.mjs: unknown command ${command ?? "(none)"}; one of ${Object.keys(commands).join(", ")}`);
    process.exit(2);
}
try {
    process.exit(commands[command](...args));
} catch (e) {
    console.error(`results.mjs ${command}: ${e.message}`);
    process.exit(2);
}
