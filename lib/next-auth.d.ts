import type { Role } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      email: string;
      name: string;
      organizationId: string;
      role: Role;
      supplierId: string | null;
      /** The user's chosen language (lib/i18n/locales.ts), read fresh per request; null = Accept-Language decides. */
      locale?: string | null;
    };
    /** The user's session version when the token was issued (lib/auth.ts). */
    sessionVersion?: number;
  }
  interface User {
    id: string;
    email: string;
    name: string;
    organizationId: string;
    role: Role;
    supplierId: string | null;
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    organizationId: string;
    role: Role;
    supplierId: string | null;
    sv?: number;
  }
}
