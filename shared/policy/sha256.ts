const encoder = new TextEncoder();

/** Lower-case hex SHA-256 of the UTF-8 bytes of a text, with WebCrypto (Node, browser, worker). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
