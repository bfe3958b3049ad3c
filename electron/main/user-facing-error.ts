/** A failure whose message is meant for the reviewer; any other error reaches the renderer as a generic one. */
export class UserFacingError extends Error {}
