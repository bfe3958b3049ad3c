/**
 * Size limits of the desktop IPC channels. Kept apart from ipc-channels.ts and its validators so
 * the sandboxed preload can use them without bundling a validation library.
 */

/** The largest slice one `files:read` call returns: big enough to stream, small enough to bound memory. */
export const MAX_READ_LENGTH = 8 * 1024 * 1024;
/** Exports are written whole; a year of decisions stays far below this. */
export const MAX_SAVE_BYTES = 256 * 1024 * 1024;
/** What `signing:sign` accepts: a 10,000-item batch is a few MB. */
export const MAX_SIGN_BYTES = 256 * 1024 * 1024;
/** An OpenSSH Ed25519 private key file is about 400 bytes; anything this big is not one. */
export const MAX_PRIVATE_KEY_TEXT = 16 * 1024;
