import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@shared/util/canonical-json';
import { reconcileRecords } from '@shared/policy/engine';
import { DEFAULT_SETTINGS, settingsSha256, validateSettings } from '@shared/policy/settings';
import { data, job, request } from './builders';

describe('settings', () => {
  it('the defaults are the spec’s and validate', () => {
    const result = validateSettings(DEFAULT_SETTINGS);
    expect(result.ok).toBe(true);
    expect(DEFAULT_SETTINGS.windowHours).toBe(6);
    expect(DEFAULT_SETTINGS.fourEyesCreditThreshold).toBe(500);
    expect([DEFAULT_SETTINGS.repeatRequesterCount, DEFAULT_SETTINGS.repeatRequesterDays]).toEqual([3, 30]);
    expect(DEFAULT_SETTINGS.duplicatePaymentMinutes).toBe(10);
    expect(DEFAULT_SETTINGS.platformErrorCodes).toHaveLength(11);
    expect(DEFAULT_SETTINGS.customerErrorCodes).toHaveLength(7);
    expect(DEFAULT_SETTINGS.legalTerms).toHaveLength(12);
  });
  it('rejects a bad pattern, a negative threshold, an unknown key and a code in both tables, line by line', () => {
    const result = validateSettings({
      ...DEFAULT_SETTINGS,
      platformMessagePattern: '(unclosed',
      fourEyesCreditThreshold: -1,
      customerErrorCodes: [...DEFAULT_SETTINGS.customerErrorCodes, 'gpu_oom'],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.some((e) => e.startsWith('platformMessagePattern:'))).toBe(true);
      expect(result.errors.some((e) => e.startsWith('fourEyesCreditThreshold:'))).toBe(true);
    }
    const both = validateSettings({ ...DEFAULT_SETTINGS, customerErrorCodes: ['GPU_OOM'] });
    expect(both.ok ? [] : both.errors).toEqual(['customerErrorCodes: codes in both tables: GPU_OOM']);
    expect(validateSettings({ ...DEFAULT_SETTINGS, extra: 1 }).ok).toBe(false);
  });
  it('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 'x' }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":"x","f":1}]},"b":1}',
    );
  });
  it('the hash ignores key order and follows every value', async () => {
    const reordered = Object.fromEntries(
      Object.entries(DEFAULT_SETTINGS).reverse(),
    ) as typeof DEFAULT_SETTINGS;
    const base = await settingsSha256(DEFAULT_SETTINGS);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(await settingsSha256(reordered)).toBe(base);
    expect(await settingsSha256({ ...DEFAULT_SETTINGS, windowHours: 7 })).not.toBe(base);
  });
  it('is stamped on every suggestion, and a changed threshold changes the outcome', async () => {
    const records = data({
      jobs: [job({ jobId: 'j', creditsCharged: 40 })],
      requests: [request({ requestId: 'R1' })],
    });
    const [base] = await reconcileRecords(records);
    expect(base?.settingsSha256).toBe(await settingsSha256(DEFAULT_SETTINGS));
    const strict = { ...DEFAULT_SETTINGS, fourEyesCreditThreshold: 10 };
    const [flagged] = await reconcileRecords(records, strict);
    expect(flagged?.flags).toEqual(['four_eyes']);
    expect(flagged?.settingsSha256).toBe(await settingsSha256(strict));
  });
});
