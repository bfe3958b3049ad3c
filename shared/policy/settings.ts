import { z } from 'zod';
import { canonicalJson } from '../util/canonical-json';
import { sha256Hex } from '../util/sha256';

/** Bumped when the shape of the settings changes; stored settings of an older shape are migrated. */
export const SETTINGS_SCHEMA_VERSION = 1;

const compiles = (source: string): boolean => {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
};

const codeList = z.array(z.string().trim().min(1).regex(/^\S+$/, 'an error code has no spaces')).max(500);

export const settingsSchema = z
  .object({
    schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
    windowHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 14),
    fourEyesCreditThreshold: z.number().int().min(0),
    repeatRequesterCount: z.number().int().min(2).max(1000),
    repeatRequesterDays: z.number().int().min(1).max(3650),
    duplicatePaymentMinutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 31),
    platformErrorCodes: codeList,
    customerErrorCodes: codeList,
    /** Regular-expression source, always matched case-insensitively. */
    platformMessagePattern: z.string().min(1).refine(compiles, 'not a valid regular expression'),
    customerMessagePattern: z.string().min(1).refine(compiles, 'not a valid regular expression'),
    /** Matched case-insensitively as whole words; a space in a term matches any run of spaces. */
    legalTerms: z.array(z.string().trim().min(1)).max(500),
  })
  .strict()
  .superRefine((s, ctx) => {
    const platform = new Set(s.platformErrorCodes.map((c) => c.toLowerCase()));
    const both = s.customerErrorCodes.filter((c) => platform.has(c.toLowerCase()));
    if (both.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['customerErrorCodes'],
        message: `codes in both tables: ${both.join(', ')}`,
      });
    }
  });

export type PolicySettings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: PolicySettings = Object.freeze({
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  windowHours: 6,
  fourEyesCreditThreshold: 500,
  repeatRequesterCount: 3,
  repeatRequesterDays: 30,
  duplicatePaymentMinutes: 10,
  platformErrorCodes: [
    'GPU_OOM',
    'WORKER_CRASH',
    'NODE_PREEMPTED',
    'INFERENCE_TIMEOUT',
    'MODEL_LOAD_FAILED',
    'ENCODER_FAILED',
    'STORAGE_WRITE_FAILED',
    'DELIVERY_FAILED',
    'QUEUE_EXPIRED',
    'INTERNAL_ERROR',
    'DEPENDENCY_UNAVAILABLE',
  ],
  customerErrorCodes: [
    'CONTENT_POLICY_VIOLATION',
    'INVALID_INPUT',
    'INPUT_TOO_LARGE',
    'UNSUPPORTED_FORMAT',
    'FACE_NOT_DETECTED',
    'USER_CANCELED',
    'INSUFFICIENT_CREDITS',
  ],
  platformMessagePattern: String.raw`out of memory|\boom\b|cuda error|worker (crashed|died)|internal (server )?error|timed? ?out`,
  customerMessagePattern: String.raw`content policy|nsfw|safety filter|invalid input|unsupported (file|format)|no face`,
  legalTerms: [
    'chargeback',
    'charge back',
    'lawyer',
    'attorney',
    'legal action',
    'court',
    'small claims',
    'consumer protection',
    'consumer rights',
    'statutory',
    'regulator',
    'ombudsman',
  ],
}) as PolicySettings;

export type SettingsResult = { ok: true; settings: PolicySettings } | { ok: false; errors: string[] };

/** Validates settings from storage or the Settings page; one readable line per problem. */
export function validateSettings(input: unknown): SettingsResult {
  const parsed = settingsSchema.safeParse(input);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`),
  };
}

/** SHA-256 (lower-case hex) of the canonical JSON of the settings: the stamp on every suggestion. */
export function settingsSha256(settings: PolicySettings): Promise<string> {
  return sha256Hex(canonicalJson(settings));
}
