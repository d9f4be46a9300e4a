// Parses an AsyncAPI document with @asyncapi/parser (the AsyncAPI Initiative's reference parser: the JSON Schema of
// the spec version plus its Spectral rules) and prints {"diagnostics":[…]} as one JSON line; exit 0 when it parsed.
import { readFile } from 'node:fs/promises';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate.mjs FILE');
  process.exit(2);
}
const severities = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information', [DiagnosticSeverity.Hint]: 'hint' };
const { document, diagnostics } = await new Parser().parse(await readFile(file, 'utf8'));
const report = diagnostics.map(d => ({
  severity: severities[d.severity] ?? String(d.severity),
  code: String(d.code),
  path: d.path.join('/'),
  message: d.message,
}));
console.log(JSON.stringify({ parsed: document !== undefined, version: document?.version() ?? null, diagnostics: report }));
process.exit(document === undefined ? 1 : 0);
