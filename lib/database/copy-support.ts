import type pg from "pg";

/**
 * Whether the server behind `client` takes COPY FROM STDIN over the wire. A real PostgreSQL server
 * does; the embedded database (PGlite behind a socket server: one session shared by every
 * connection) does not — a COPY there loses the protocol's sync (08P01) and ends the session.
 */
export async function acceptsCopyFromStdin(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ v: string }>("SELECT version() AS v");
  return !/pglite|emscripten/i.test(rows[0]?.v ?? "");
}
