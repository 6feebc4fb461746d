import type { User } from "@pathwise/domain";

/** Who is calling: the user, and how they proved it (CSRF applies to cookie sessions only). */
export interface Principal {
  readonly user: User;
  readonly via: "session" | "api-token";
  /** Present for cookie sessions. */
  readonly session?: { readonly tokenHash: string; readonly csrfToken: string; readonly expiresAt: Date };
}

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal;
  }
}
