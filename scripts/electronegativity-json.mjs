/*
 * Runs electronegativity through its programmatic API and writes the findings to a JSON file (its
 * stdout carries the tool's own chatter).
 * Its CLI's CSV report is written by two racing fs.writeFile calls (header with truncate, body with
 * append), so under load the header can overwrite the first finding; the API returns the issues
 * directly and nothing is written to disk.
 *   node scripts/electronegativity-json.mjs <input-folder> <output.json>
 */
import { writeFileSync } from 'node:fs';
import run from '@doyensec/electronegativity/dist/runner.js';

const [input, output] = process.argv.slice(2);
run({
  input,
  output: undefined,
  isSarif: false,
  customScan: [],
  // AvailableSecurityFixesGlobalCheck downloads Electron's release list: never offline.
  excludeFromScan: ['availablesecurityfixesglobalcheck'],
  isRelative: true,
  isVerbose: false,
  parserPlugins: [],
})
  .then(({ issues, errors }) => {
    const findings = issues.map((i) => ({
      check: i.id,
      severity: i.severity.name,
      file: String(i.file).replaceAll('\\', '/'),
      location: `${i.location.line}:${i.location.column}`,
      sample: i.sample ?? '',
    }));
    writeFileSync(output, JSON.stringify({ findings, errors: errors.length }));
  })
  .catch((error) => {
    console.error(error.stack ?? String(error));
    process.exit(1);
  });
