import { describe, expect, it } from 'vitest';
import { HashSlots } from '@shared/util/hash-slots';

describe('HashSlots', () => {
  it('finds a hash where it was set, and an empty slot for one never set', () => {
    const slots = new HashSlots(0);
    expect(slots.slotCount).toBe(1024);
    slots.set(slots.find(7, 1), 7, 1, 0);
    // Same first half, other second half: a different hash, placed further along the probe.
    slots.set(slots.find(7, 2), 7, 2, 1);
    expect(slots.entryAt(slots.find(7, 1))).toBe(1);
    expect(slots.entryAt(slots.find(7, 2))).toBe(2);
    expect(slots.entryAt(slots.find(7, 3))).toBe(0);
    expect(slots.find(7, 3)).toBe(slots.empty(7));
  });

  it('keeps every entry when doubled, wrapping probes included', () => {
    const slots = new HashSlots(0);
    const hashes = Array.from({ length: 400 }, (_, i) => [Math.imul(i, 0x9e3779b1) | 0, i * 3 - 600]);
    // Probes that start at the last slot and wrap around to the first.
    const last = slots.slotCount - 1;
    hashes.push([last, 1], [last, 2], [last, 3]);
    hashes.forEach(([a, b], entry) => slots.set(slots.find(a!, b!), a!, b!, entry));
    slots.double();
    slots.double();
    expect(slots.slotCount).toBe(4096);
    hashes.forEach(([a, b], entry) => expect(slots.entryAt(slots.find(a!, b!))).toBe(entry + 1));
  });
});
