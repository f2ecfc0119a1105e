// CLI contract (issue 17):
//   npm run -s setup -- --org "<name>" --owner <email>      (the owner's password on standard input)
// Creates the organisation and its owner on DATABASE_URL (or the embedded default) and prints
//   {"organizationId":"…","ownerId":"…"}
// Exit 2 with the reason on stderr: bad arguments, a password under 12 characters, a taken e-mail.
import { z } from "zod";
import { createOrganizationWithOwner, EmailTakenError } from "../lib/setup/organization";
import { signUpSchema } from "../lib/validations/setup";
import { parseOptions, readStdin, runMain, UsageError, withDatabase } from "./lib/cli";

const USAGE = 'usage: setup --org "<organisation name>" --owner <email>   (password on standard input, at least 12 characters)';

async function main(): Promise<number> {
  let org: string;
  let owner: string;
  try {
    const { options, positional } = parseOptions(process.argv.slice(2), ["org", "owner"]);
    if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
    org = options.get("org") ?? "";
    owner = options.get("owner") ?? "";
    if (!org) throw new UsageError("--org is required");
    if (!owner) throw new UsageError("--owner is required");
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`setup: ${error.message}\n${USAGE}`);
    return 2;
  }
  const password = await readStdin();
  const parsed = signUpSchema.safeParse({ organization: org, email: owner, password });
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error).fieldErrors;
    const where = { organization: "--org", email: "--owner", password: "password (standard input)" } as const;
    const reasons = (Object.keys(where) as (keyof typeof where)[]).filter((k) => flat[k]?.[0]).map((k) => `${where[k]}: ${flat[k]?.[0]}`);
    console.error(`setup: ${reasons.join("; ")}`);
    return 2;
  }
  return withDatabase(async (db, print) => {
    try {
      const created = await createOrganizationWithOwner(db, parsed.data, "setup CLI");
      print(JSON.stringify({ organizationId: created.organizationId, ownerId: created.ownerId }));
      return 0;
    } catch (error) {
      if (error instanceof EmailTakenError) {
        console.error(`setup: --owner: an account with e-mail ${parsed.data.email} already exists`);
        return 2;
      }
      throw error;
    }
  });
}

runMain(main);
