// `npm run -s demo -- remove`: deletes the demo organisations ("Demo Dropship Co", "Other Shop
// Ltd") with all their data from DATABASE_URL (or the embedded default); organisations of one's
// own are never touched. Prints {"removed":["<name>", …]}.
import { removeDemoOrganizations } from "../lib/setup/organization";
import { runMain, withDatabase } from "./lib/cli";

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== "remove" || rest.length > 0) {
    console.error(`demo: ${command ? `unknown command "${[command, ...rest].join(" ")}"` : "a command is required"}\nusage: demo remove`);
    return 2;
  }
  return withDatabase(async (db, print) => {
    const result = await removeDemoOrganizations(db);
    print(JSON.stringify(result));
    return 0;
  });
}

runMain(main);
