import { NotBuiltYet } from "@/components/layout/coming-soon";
import { requirePageUser } from "@/lib/auth";

export default async function Page() {
  await requirePageUser();
  return <NotBuiltYet title="Suppliers" what="Supplier SLAs and scorecards." />;
}
