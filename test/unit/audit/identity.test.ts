import { describe, expect, it } from 'vitest';
import { identityProblem } from '@shared/domain/identity';
import { identitySchema } from '@shared/bridge/ipc-channels';

describe('reviewer identity', () => {
  it('accepts what an allowed_signers principal can be', () => {
    expect(identityProblem('ana@finance')).toBeNull();
    expect(identitySchema.safeParse('ana.b-c_d@finance').success).toBe(true);
  });
  it.each(['', 'ana finance', 'a,b', 'a*', 'a?', '!a', 'a"b', "a'b", 'a\\b', 'a\u0007b', 'x'.repeat(101)])(
    'refuses %j in the renderer and in the main process alike',
    (identity) => {
      expect(identityProblem(identity)).not.toBeNull();
      expect(identitySchema.safeParse(identity).success).toBe(false);
    },
  );
});
