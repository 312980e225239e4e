import { describe, expect, it } from 'vitest';
import { hashForSubject, screenForSubject } from './subject-route';

describe('screenForSubject: a reminder click goes to what it is about', () => {
  it.each([
    ['block:orders', 'today', {}, '#/today'],
    ['order:6919000000000000001', 'orders', { order: '6919000000000000001' }, '#/orders?order=6919000000000000001'],
    ['order:o1', 'orders', {}, '#/orders'],
    ['orders:overdue', 'orders', { queue: 'overdue' }, '#/orders?queue=overdue'],
    ['orders:due24h', 'orders', { queue: 'due24h' }, '#/orders?queue=due24h'],
    ['orders:x&y=1', 'orders', {}, '#/orders'],
    ['day:2026-09-09', 'today', {}, '#/today'],
    ['slot:09:00', 'sourcing', {}, '#/sourcing'],
    ['health:dsr', 'health', {}, '#/health'],
    ['money:deposit', 'money', {}, '#/money'],
    ['money:2026-09-10', 'money', {}, '#/money'],
    ['supplier:12', 'suppliers', { supplier: '12' }, '#/suppliers?supplier=12'],
    ['campaign:3', 'campaigns', { campaign: '3' }, '#/campaigns?campaign=3'],
    ['campaign:x', 'campaigns', {}, '#/campaigns'],
    ['supplier:', 'suppliers', {}, '#/suppliers'],
    ['supplier:12&x=1', 'suppliers', {}, '#/suppliers'],
    ['supplier:0', 'suppliers', {}, '#/suppliers'],
    ['aftersale:1438412705519899001/6938412705519815397', 'aftersales', { case: '1438412705519899001/6938412705519815397' }, '#/aftersales?case=1438412705519899001%2F6938412705519815397'],
    ['aftersale:m12', 'aftersales', { case: 'm12' }, '#/aftersales?case=m12'],
    ['aftersale:m12&x', 'aftersales', {}, '#/aftersales'],
    ['influencer:7', 'influencers', { influencer: '7' }, '#/influencers?influencer=7'],
    ['influencer:x', 'influencers', {}, '#/influencers'],
    ['sample:3', 'influencers', { tab: 'samples', sample: '3' }, '#/influencers?tab=samples&sample=3'],
    ['unknown', 'today', {}, '#/today'],
    ['', 'today', {}, '#/today'],
  ])('%j → %s %j (%s)', (subject, screen, params, hash) => {
    expect(screenForSubject(subject)).toEqual({ screen, params });
    expect(hashForSubject(subject)).toBe(hash);
  });
});
