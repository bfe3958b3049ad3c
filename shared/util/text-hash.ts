/**
 * Where hashText64 leaves its result, as two 32-bit halves: an out-parameter rather than a pair
 * object, since the callers hash once per streamed row.
 */
export const textHash = new Int32Array(2);

/** A 64-bit hash of a string's code units (two multiply-xor lanes, mixed into each other). */
export function hashText64(text: string): void {
  let a = 0x9e3779b9;
  let b = 0x85ebca6b;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 2654435761);
    b = Math.imul(b ^ c, 1597334677);
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  textHash[0] = a;
  textHash[1] = b;
}
