const MAX_DEPTH = 16;

/**
 * True for data as structured clone delivers it: primitives, arrays, byte arrays and objects
 * whose prototype is Object.prototype or null, without accessors or `__proto__`/`constructor`/
 * `prototype` keys. Validators read inherited properties, so an object that borrows fields from a forged
 * prototype must be refused before validation.
 */
export function isPlainData(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (value === null || typeof value !== 'object') {
    return typeof value !== 'function' && typeof value !== 'symbol';
  }
  if (value instanceof Uint8Array) return true;
  if (Array.isArray(value)) {
    return (
      Object.getPrototypeOf(value) === Array.prototype && value.every((item) => isPlainData(item, depth + 1))
    );
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  if (Object.getOwnPropertySymbols(value).length > 0) return false;
  return Object.entries(Object.getOwnPropertyDescriptors(value)).every(
    ([key, descriptor]) =>
      key !== '__proto__' &&
      key !== 'constructor' &&
      key !== 'prototype' &&
      'value' in descriptor &&
      isPlainData(descriptor.value, depth + 1),
  );
}
