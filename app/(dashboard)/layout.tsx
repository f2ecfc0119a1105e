import { AppShell } from "@/components/layout/app-shell";
import { Providers } from "@/components/layout/providers";
import { requirePageUser } from "@/lib/auth";

// The shell needs the session; every page below checks it again for itself (a layout does not
// re-run on client navigation, so it cannot be the only guard).
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  return (
    <Providers>
      <AppShell user={user}>{children}</AppShell>
    </Providers>
  );
}
