import { NotBuiltYet } from "@/components/layout/coming-soon";
import { requirePageUser } from "@/lib/auth";

export default async function Page() {
  await requirePageUser();
  return <NotBuiltYet title="Policy" what="The 2026 policy calendar: every rule, its effective date and threshold." />;
}
