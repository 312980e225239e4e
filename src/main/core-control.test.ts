import { describe, expect, it } from 'vitest';
import { coreProcessArgs, coreProcessEnv } from './core-control';

describe('the core utility process', () => {
  it('gets the data folder on its command line', () => {
    expect(coreProcessArgs('/data/店')).toEqual(['--data-dir', '/data/店']);
  });

  it.each([
    ['linux', {}, '2'],
    ['linux', { MALLOC_ARENA_MAX: '4' }, '4'],
    ['darwin', {}, undefined],
    ['win32', {}, undefined],
  ] as const)('on %s with %j runs with MALLOC_ARENA_MAX=%s', (platform, extra, expected) => {
    const env = coreProcessEnv({ PATH: '/usr/bin', HOME: undefined, ...extra }, platform);
    expect(env.MALLOC_ARENA_MAX).toBe(expected);
    expect(env.PATH).toBe('/usr/bin');
    expect('HOME' in env).toBe(false);
  });
});
