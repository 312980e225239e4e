import { describe, expect, it } from 'vitest';
import { carriesFiles, droppedFiles, type DropItem } from './dropped-files';

const fileItem = (name: string): DropItem => ({ kind: 'file', getAsFile: () => new File(['x'], name), webkitGetAsEntry: () => ({ isDirectory: false }) });
const folderItem: DropItem = { kind: 'file', getAsFile: () => new File([], 'folder'), webkitGetAsEntry: () => ({ isDirectory: true }) };
const textItem: DropItem = { kind: 'string', getAsFile: () => null };

describe('carriesFiles', () => {
  it.each([
    [{ types: ['Files'] }, true],
    [{ types: ['text/plain', 'Files'] }, true],
    [{ types: ['text/uri-list'] }, false],
    [{}, false],
    [null, false],
  ])('%j → %s', (data, expected) => {
    expect(carriesFiles(data)).toBe(expected);
  });
});

describe('droppedFiles', () => {
  it('takes the files, counts folders, ignores text', () => {
    const { files, folders } = droppedFiles({ items: [fileItem('a.csv'), folderItem, textItem, fileItem('b.zip')] });
    expect(files.map((f) => f.name)).toEqual(['a.csv', 'b.zip']);
    expect(folders).toBe(1);
  });

  it('keeps files whose entry the browser cannot give (synthetic drops)', () => {
    const item: DropItem = { kind: 'file', getAsFile: () => new File(['x'], 'c.csv'), webkitGetAsEntry: () => null };
    expect(droppedFiles({ items: [item] }).files.map((f) => f.name)).toEqual(['c.csv']);
  });

  it('falls back to the file list without items', () => {
    expect(droppedFiles({ files: [new File([], 'd.csv')] }).files.map((f) => f.name)).toEqual(['d.csv']);
    expect(droppedFiles({})).toEqual({ files: [], folders: 0 });
  });
});
