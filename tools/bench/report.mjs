// Joins the native and browser benchmark tables into target/bench/report.md, with the date and
// the machine, and prints it. Run by `make bench` after both parts have written their tables.
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';

const dir = process.argv[2] ?? 'target/bench';
const part = async (name) => {
  try {
    return await readFile(`${dir}/${name}`, 'utf8');
  } catch {
    return `_${name} is missing: that part did not run._\n`;
  }
};
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const header = [
  '# CTO Workbench benchmarks',
  '',
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu}, `
    + `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}. `
    + 'Produced by `make bench`.',
  '',
].join('\n');
const report = `${header}\n${await part('native.md')}\n${await part('browser.md')}`;
await writeFile(`${dir}/report.md`, report);
process.stdout.write(report);
