import { hash, verify } from "@node-rs/argon2";

/**
 * Password hashing with argon2id at the OWASP Password Storage Cheat Sheet's first recommended
 * setting: m = 19456 KiB (19 MiB), t = 2, p = 1 (RFC 9106 §4 describes the parameters). ~20 ms here.
 */
/** `Algorithm.Argon2id` of @node-rs/argon2 is an ambient const enum, unusable under verbatimModuleSyntax. */
const ARGON2ID = 2;
export const ARGON2_PARAMS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
  /**
   * Spends the same time as a real check against a hash nobody can match, so a login for an unknown
   * email takes as long as a wrong password for a known one (no account enumeration by timing).
   */
  burn(password: string): Promise<void>;
}

export async function createArgon2Hasher(): Promise<PasswordHasher> {
  const decoy = await hash("pathwise-decoy-password-never-valid", ARGON2_PARAMS);
  return {
    hash: (password) => hash(password, ARGON2_PARAMS),
    verify: (passwordHash, password) => verify(passwordHash, password).catch(() => false),
    async burn(password) {
      await verify(decoy, password).catch(() => false);
    },
  };
}

/**
 * A short list of the most common passwords (from public breach corpora, e.g. the SecLists
 * "10k most common" list), rejected at registration per NIST SP 800-63B §5.1.1.2. Only those of
 * 8+ characters matter since shorter ones fail the length rule anyway.
 */
const COMMON = new Set([
  "password",
  "password1",
  "password123",
  "12345678",
  "123456789",
  "1234567890",
  "qwertyuiop",
  "qwerty123",
  "11111111",
  "iloveyou",
  "sunshine1",
  "princess1",
  "football",
  "baseball",
  "welcome1",
  "abc12345",
  "admin123",
  "letmein1",
  "trustno1",
  "passw0rd",
  "superman",
  "1qaz2wsx",
  "zaq12wsx",
  "qazwsxedc",
  "87654321",
  "00000000",
  "123123123",
  "asdfghjkl",
  "whatever",
  "starwars",
  "pathwise",
  "changeme",
  "computer",
  "internet",
  "michelle",
  "jennifer",
  "1q2w3e4r",
  "1q2w3e4r5t",
  "q1w2e3r4",
  "88888888",
]);

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase());
}
