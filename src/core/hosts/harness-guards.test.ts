import { describe, expect, it } from 'vitest';
import { checkUpgrade, isAllowedHost, tokenMatches } from './harness-guards';

const PORT = 4321;
const TOKEN = 'tok-123_ABC';
const good = { url: `/rpc?token=${TOKEN}`, host: `127.0.0.1:${PORT}`, origin: `http://127.0.0.1:${PORT}` };

describe('checkUpgrade', () => {
  it.each([
    ['the harness page', good],
    ['localhost names', { url: `/rpc?token=${TOKEN}`, host: `localhost:${PORT}`, origin: `http://localhost:${PORT}` }],
    ['upper-case host', { ...good, host: `LOCALHOST:${PORT}` }],
  ])('accepts %s', (_name, request) => {
    expect(checkUpgrade(request, PORT, TOKEN)).toBeNull();
  });

  it.each([
    ['another path', { ...good, url: `/rpcx?token=${TOKEN}` }, 'path'],
    ['a path with a trailing slash', { ...good, url: `/rpc/?token=${TOKEN}` }, 'path'],
    ['no token', { ...good, url: '/rpc' }, 'token'],
    ['an empty token', { ...good, url: '/rpc?token=' }, 'token'],
    ['a wrong token', { ...good, url: '/rpc?token=tok-123_ABD' }, 'token'],
    ['a token prefix', { ...good, url: '/rpc?token=tok' }, 'token'],
    ['two tokens', { ...good, url: `/rpc?token=x&token=${TOKEN}` }, 'token'],
    ['no Host', { ...good, host: undefined }, 'host'],
    ['a rebinding Host', { ...good, host: `evil.example:${PORT}` }, 'host'],
    ['another port in Host', { ...good, host: '127.0.0.1:80' }, 'host'],
    ['Host without port', { ...good, host: '127.0.0.1' }, 'host'],
    ['no Origin', { ...good, origin: undefined }, 'origin'],
    ['a foreign Origin', { ...good, origin: 'http://evil.example' }, 'origin'],
    ['a look-alike Origin', { ...good, origin: `http://127.0.0.1:${PORT}.evil.example` }, 'origin'],
    ['an https Origin', { ...good, origin: `https://127.0.0.1:${PORT}` }, 'origin'],
    ['another port in Origin', { ...good, origin: 'http://127.0.0.1:5173' }, 'origin'],
    ['the null Origin', { ...good, origin: 'null' }, 'origin'],
    ['a file Origin', { ...good, origin: 'file://' }, 'origin'],
  ])('refuses %s', (_name, request, reason) => {
    expect(checkUpgrade(request, PORT, TOKEN)).toBe(reason);
  });
});

describe('tokenMatches', () => {
  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'abcd', false],
    ['abc', '', false],
    ['abc', null, false],
    ['', '', false],
  ])('%j vs %j → %s', (expected, given, result) => {
    expect(tokenMatches(expected, given)).toBe(result);
  });
});

describe('isAllowedHost', () => {
  it.each([
    [`127.0.0.1:${PORT}`, true],
    [`localhost:${PORT}`, true],
    ['127.0.0.1:1', false],
    [`[::1]:${PORT}`, false],
    [`0.0.0.0:${PORT}`, false],
    [undefined, false],
  ])('%j → %s', (host, allowed) => {
    expect(isAllowedHost(host, PORT)).toBe(allowed);
  });
});
