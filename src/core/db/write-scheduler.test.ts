import { describe, expect, it } from 'vitest';
import { WriteScheduler } from './write-scheduler';

/** A promise the test settles by hand. */
const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

describe('WriteScheduler', () => {
  it('runs writes at once when no import holds the lock', async () => {
    const writes = new WriteScheduler();
    expect(await writes.write(() => 'done')).toBe('done');
    expect(writes.isImportWriting).toBe(false);
  });

  it('queues writes while an import runs and runs them, in order, when it ends', async () => {
    const writes = new WriteScheduler();
    const importGate = gate();
    const order: string[] = [];
    const importDone = writes.holdForImport(async () => {
      await importGate.opened;
      order.push('import');
    });
    await Promise.resolve();
    expect(writes.isImportWriting).toBe(true);
    const first = writes.write(() => order.push('first'));
    const second = writes.write(() => order.push('second'));
    expect(writes.waiting).toBe(2);
    importGate.open();
    await Promise.all([importDone, first, second]);
    expect(order).toEqual(['import', 'first', 'second']);
  });

  it('an import waits for running and queued writes; a write nested in a write never deadlocks', async () => {
    const writes = new WriteScheduler();
    const writeGate = gate();
    const order: string[] = [];
    const outer = writes.write(async () => {
      await writeGate.opened;
      await writes.write(() => order.push('nested'));
      order.push('outer');
    });
    const imported = writes.holdForImport(async () => order.push('import'));
    writeGate.open();
    await Promise.all([outer, imported]);
    expect(order).toEqual(['nested', 'outer', 'import']);
  });

  it('writes asked after the import ended still wait for those queued behind it (first come, first served)', async () => {
    const writes = new WriteScheduler();
    const importGate = gate();
    const firstGate = gate();
    const order: string[] = [];
    const importDone = writes.holdForImport(() => importGate.opened);
    const first = writes.write(async () => {
      await firstGate.opened;
      order.push('queued during the import');
    });
    importGate.open();
    await importDone;
    const late = writes.write(() => order.push('asked after it'));
    firstGate.open();
    await Promise.all([first, late]);
    expect(order).toEqual(['queued during the import', 'asked after it']);
  });

  it('settled() waits for the import and every write queued behind it', async () => {
    const writes = new WriteScheduler();
    const importGate = gate();
    const order: string[] = [];
    const importDone = writes.holdForImport(() => importGate.opened);
    void writes.write(() => order.push('answered earlier, written after the import'));
    const settled = writes.settled().then(() => order.push('settled'));
    importGate.open();
    await Promise.all([importDone, settled]);
    expect(order).toEqual(['answered earlier, written after the import', 'settled']);
  });

  it('a failing write or import releases what waits for it', async () => {
    const writes = new WriteScheduler();
    await expect(writes.holdForImport(() => Promise.reject(new Error('worker died')))).rejects.toThrow('worker died');
    await expect(writes.write(() => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    await expect(writes.holdForImport(async () => 'next import')).resolves.toBe('next import');
  });
});
