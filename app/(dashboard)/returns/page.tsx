import { NotBuiltYet } from "@/components/layout/coming-soon";
import { requirePageUser } from "@/lib/auth";

export default async function Page() {
  await requirePageUser();
  return <NotBuiltYet title="Returns" what="Return requests, the 48-hour response countdown and decisions." />;
}
