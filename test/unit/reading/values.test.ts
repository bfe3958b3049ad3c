import { describe, expect, it } from 'vitest';
import { minorUnitDigits, parseMinorUnits } from '@shared/reading/index';
import {
  parseBoolean,
  parseInteger,
  parseJobStatus,
  parseLedgerType,
  parseRemedy,
  splitComponents,
} from '@shared/reading/values';

describe('money and numbers', () => {
  it.each([
    ['1234.5', 123450],
    ['1,234.50', 123450],
    ['-3', -300],
    ['$15.00', 1500],
    ['-$15.00', -1500],
    ['€0.07', 7],
    ['USD 12', 1200],
    ['.5', 50],
    ['0.10', 10],
    ['12.300', 1230],
  ])('%s → %i minor units', (text, minor) => {
    expect(parseMinorUnits(text, 2)).toBe(minor);
  });

  it.each(['', 'abc', '1,23', '12.345', '1.2.3', '--3', '1e3'])('refuses %j as money', (text) => {
    expect(parseMinorUnits(text, 2)).toBeNull();
  });

  it('knows zero- and three-decimal currencies', () => {
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(parseMinorUnits('1,500', minorUnitDigits('JPY'))).toBe(1500);
    expect(minorUnitDigits('KWD')).toBe(3);
    expect(parseMinorUnits('1.5', minorUnitDigits('KWD'))).toBe(1500);
    expect(minorUnitDigits('USD')).toBe(2);
  });

  it('reads whole numbers', () => {
    expect(parseInteger('10')).toBe(10);
    expect(parseInteger('-3')).toBe(-3);
    expect(parseInteger('1,000')).toBe(1000);
    expect(parseInteger('5.0')).toBe(5);
    expect(parseInteger('5.5')).toBeNull();
    expect(parseInteger('ten')).toBeNull();
  });
});

describe('words', () => {
  it('normalises every job status spelling in the spec', () => {
    const table: Record<string, string> = {
      succeeded: 'succeeded',
      success: 'succeeded',
      completed: 'succeeded',
      COMPLETED: 'succeeded',
      failed: 'failed',
      error: 'failed',
      FAILED: 'failed',
      canceled: 'canceled',
      cancelled: 'canceled',
      CANCELLED: 'canceled',
      timed_out: 'timed_out',
      timeout: 'timed_out',
      TIMED_OUT: 'timed_out',
      expired: 'timed_out',
      aborted: 'aborted',
      starting: 'queued',
      queued: 'queued',
      IN_QUEUE: 'queued',
      pending: 'queued',
      processing: 'running',
      running: 'running',
      IN_PROGRESS: 'running',
      RUNNING: 'running',
    };
    for (const [text, status] of Object.entries(table)) expect(parseJobStatus(text), text).toBe(status);
    expect(parseJobStatus('exploded')).toBeNull();
    expect(parseJobStatus('constructor')).toBeNull();
  });

  it('ledger types, remedies, booleans and components', () => {
    expect(parseLedgerType('debit')).toBe('deduction');
    expect(parseLedgerType('credit_back')).toBe('restore');
    expect(parseLedgerType('Refund Credit')).toBe('restore');
    expect(parseLedgerType('gift')).toBeNull();
    expect(parseRemedy('')).toBe('credit_back');
    expect(parseRemedy('Rerun')).toBe('rerun');
    expect(parseRemedy('cash')).toBeNull();
    expect([parseBoolean('yes'), parseBoolean('FALSE'), parseBoolean('1'), parseBoolean('maybe')]).toEqual([
      true,
      false,
      true,
      null,
    ]);
    expect(splitComponents('render; encode|queue ')).toEqual(['render', 'encode', 'queue']);
    expect(splitComponents('')).toEqual([]);
  });
});
