import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from './launch-args';

describe('parseLaunchArgs', () => {
  it.each([
    [['/app/shopdesk'], { dataDir: undefined, hidden: false }],
    [['/app/shopdesk', '--data-dir', '/tmp/shop'], { dataDir: '/tmp/shop', hidden: false }],
    [['/app/shopdesk', '--data-dir=/tmp/shop a', '--hidden'], { dataDir: '/tmp/shop a', hidden: true }],
    [['electron', '.', '--hidden', '--no-sandbox'], { dataDir: undefined, hidden: true }],
    [['/app/shopdesk', '--data-dir'], { dataDir: undefined, hidden: false }],
    [['/app/shopdesk', '--data-dir', '--hidden'], { dataDir: undefined, hidden: true }],
    [['/app/shopdesk', '--data-dir='], { dataDir: undefined, hidden: false }],
    [['/app/shopdesk', '--hidden-thing', '--data-directory', 'x'], { dataDir: undefined, hidden: false }],
  ])('%j', (argv, expected) => {
    expect(parseLaunchArgs(argv)).toEqual(expected);
  });
});
