import { NotBuiltYet } from "@/components/layout/coming-soon";
import { requirePageUser } from "@/lib/auth";

export default async function Page() {
  await requirePageUser();
  return <NotBuiltYet title="Risk queue" what="Every open compliance flag, most urgent first, with fixes in place." />;
}
