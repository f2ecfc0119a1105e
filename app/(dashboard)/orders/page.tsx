import { NotBuiltYet } from "@/components/layout/coming-soon";
import { requirePageUser } from "@/lib/auth";

export default async function Page() {
  await requirePageUser();
  return <NotBuiltYet title="Orders" what="One table of both channels' orders, with filters, export and order detail." />;
}
