import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { createHostLogger, logFileOf } from '../../src/core/logs/file-logger';
import { silentLogger } from '../../src/core/log';
import { SHUTDOWN_MESSAGE } from '../../src/main/core-control';
import { openMainLog } from '../../src/main/main-log';
import { PINNED_NODE, REPO_ROOT } from '../helpers/ts-child';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();

/** What a buyer's order carries (unmasked, as a seller's own export can hold it). */
const BUYER = { name: '王小明', phone: '13912345678', address: '浙江省杭州市余杭区文一西路969号', orderId: '6938412705519823461', idCard: '11010519491231002X' };
const personal = Object.values(BUYER);

/** The real core-process entry in a child, spoken to as main speaks to it (see the child's header). */
function startCoreProcess(dataDir: string, extra: string[] = []) {
  const child = spawn(PINNED_NODE, ['--import', 'tsx', 'tests/helpers/children/core-process-stdio.ts', '--data-dir', dataDir, ...extra], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const answers: unknown[] = [];
  const waiting: (() => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    answers.push(JSON.parse(line));
    for (const w of waiting.splice(0)) w();
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    pid: child.pid ?? 0,
    exited,
    stderr: () => stderr,
    send: (message: unknown) => child.stdin.write(`${JSON.stringify(message)}\n`),
    firstAnswer: () =>
      new Promise<unknown>((resolve, reject) => {
        const check = () => (answers.length > 0 ? resolve(answers[0]) : waiting.push(check));
        check();
        void exited.then(() => (answers.length > 0 ? resolve(answers[0]) : reject(new Error(`the core process ended without answering: ${stderr}`))));
      }),
  };
}

describe('the data folder log file (logs/shopdesk.log)', () => {
  it('holds the lines of both desktop processes: main (this process) and the core (a child)', async () => {
    const dataDir = temp();
    // Not this test runner's own uncaught exceptions: main's monitor is given a stand-in process.
    const main = openMainLog(dataDir, { on: () => undefined }, silentLogger);
    const core = startCoreProcess(dataDir);
    core.send({ kind: 'request', id: 1, method: 'app.status', params: {} });
    const answer = (await core.firstAnswer()) as { ok: boolean; value: { logFile: string } };
    expect(answer).toMatchObject({ ok: true, value: { logFile: logFileOf(dataDir) } });
    main.warn('the window was reloaded', { reason: 'crashed' });
    core.send(SHUTDOWN_MESSAGE);
    expect(await core.exited).toBe(0);

    const lines = readFileSync(logFileOf(dataDir), 'utf8').split('\n').filter(Boolean);
    const by = (source: string, pid: number) => lines.filter((l) => l.includes(` ${source}#${pid} `));
    expect(by('main', process.pid)[0]).toMatch(/ main#\d+ main started \{"electron":null,"platform":"\w+","arch":"\w+"\}$/);
    expect(by('main', process.pid).some((l) => /warn\s+main#\d+ the window was reloaded \{"reason":"crashed"\}$/.test(l))).toBe(true);
    const coreLines = by('core', core.pid);
    expect(coreLines.some((l) => / core started \{"version":"[^"]+","mode":"normal","schemaVersion":\d+\}$/.test(l))).toBe(true);
    expect(coreLines.at(-1)).toMatch(/ core stopped$/);
    for (const l of lines) expect(l).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (info |warn |error) (main|core)#\d+ /);
  });

  it('an uncaught exception in the core process is written, with its stack, as the process dies — masked', async () => {
    const dataDir = temp();
    const core = startCoreProcess(dataDir, ['--throw-after-first-answer', `cannot ship order ${BUYER.orderId} to ${BUYER.name} ${BUYER.phone}`]);
    core.send({ kind: 'request', id: 1, method: 'app.status', params: {} });
    await core.firstAnswer();
    expect(await core.exited).not.toBe(0);
    const text = readFileSync(logFileOf(dataDir), 'utf8');
    expect(text).toMatch(/error core#\d+ uncaught exception \{"stack":"Error: cannot ship order \[n×19\] to \[zh×3\] \[n×11\]\\n\s+at /);
    for (const value of personal) expect(text).not.toContain(value);
  });

  it('never holds a buyer’s name, phone, address, order id or ID number, whatever a line was given', async () => {
    const dataDir = temp();
    const log = createHostLogger(dataDir, 'core', silentLogger);
    log.error(`import failed at line 12: bad date in row of ${BUYER.name}, ${BUYER.address}`, { line: 12, detail: `value ${BUYER.phone} (${BUYER.idCard})` });
    log.warn('row refused', { buyerName: BUYER.name, receiverPhone: BUYER.phone, address: BUYER.address, row: Object.values(BUYER).join(','), orderId: BUYER.orderId, count: 3 });
    log.info('unexpected error in imports.run', { stack: new Error(`no such file /home/${BUYER.name}/订单.csv`).stack });
    const text = readFileSync(logFileOf(dataDir), 'utf8');
    for (const value of personal) expect(text).not.toContain(value);
    expect(text).toContain('import failed at line 12');
    expect(text).toContain('"count":3');
    expect(text).toContain('"buyerName":"[removed]"');
  });

  it('the core of every host writes it: the harness and CLI tag their lines, and a host may turn it off', async () => {
    const dataDir = temp();
    const core = await createCore({ dataDir, log: silentLogger, logFile: 'cli', reminderCheckSeconds: 0 });
    expect((await core.call('app.status', {})).logFile).toBe(logFileOf(dataDir));
    await core.close();
    expect(readFileSync(logFileOf(dataDir), 'utf8')).toMatch(/ cli#\d+ core started .*\n.* cli#\d+ core stopped\n$/);

    const quiet = temp();
    const off = await createCore({ dataDir: quiet, log: silentLogger, logFile: false, reminderCheckSeconds: 0 });
    await off.close();
    expect(() => readFileSync(logFileOf(quiet))).toThrow();
  });
});
