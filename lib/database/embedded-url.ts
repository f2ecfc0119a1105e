/**
 * Marks a connection string as the embedded server's. PGlite is one session shared by every
 * socket connection, so per-connection state such as named prepared statements would collide
 * there (lib/database/client.ts leaves them off for these URLs).
 */
export const EMBEDDED_APPLICATION_NAME = "pglite-embedded";

export function isEmbeddedUrl(url: string): boolean {
  return url.includes(`application_name=${EMBEDDED_APPLICATION_NAME}`);
}
