// The V8 flags the command runs with (review-desk.mjs; the `cli` npm script passes the same, so
// that it runs in one process), and bench:reconcile measures with.
//
// A larger young generation, since reconcile's rows die young and fewer survive to be copied; and
// no allocation-site pretenuring: with the requests held, V8 chose to allocate some of the
// streamed rows' objects straight in the old generation, and reconcile took 15-17 s instead of
// about 10.5 s (see README, Performance).
export const V8_FLAGS = ['--max-semi-space-size=32', '--no-allocation-site-pretenuring'];
