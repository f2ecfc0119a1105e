import Link from "next/link";
import type { SessionUser } from "@/lib/auth";
import { NavLinks, type NavItem } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

const ROLE_LABEL = { OWNER: "Owner", OPS: "Operations", SUPPLIER: "Supplier" } as const;

const STAFF_NAV: NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/risk", label: "Risk queue" },
  { href: "/digest", label: "Digest" },
  { href: "/orders", label: "Orders" },
  { href: "/returns", label: "Returns" },
  { href: "/stores", label: "Stores" },
  { href: "/suppliers", label: "Suppliers" },
  { href: "/listings", label: "Listings" },
  { href: "/creators", label: "Creators" },
  { href: "/compliance", label: "Compliance" },
  { href: "/import", label: "Import" },
  { href: "/policy", label: "Policy" },
  { href: "/alerts", label: "Alerts" },
];
const OWNER_NAV: NavItem[] = [
  { href: "/settings/policy", label: "Policy settings" },
  { href: "/settings", label: "Settings" },
  { href: "/sharing", label: "Sharing" },
  { href: "/users", label: "Users" },
  { href: "/audit", label: "Audit log" },
];
// Suppliers see their own orders and scorecard only; the filter itself lives in the queries.
const SUPPLIER_NAV: NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/orders", label: "My orders" },
  { href: "/suppliers", label: "My scorecard" },
  { href: "/alerts", label: "My alerts" },
];

export function AppShell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  const main = user.role === "SUPPLIER" ? SUPPLIER_NAV : STAFF_NAV;
  const admin = user.role === "OWNER" ? OWNER_NAV : [];
  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto max-w-7xl px-4">
          <div className="flex items-center justify-between gap-4 py-2">
            <span className="text-sm font-semibold tracking-tight">
              <span className="text-slate-900">Dual</span>
              <span className="text-teal-700">Channel</span>
            </span>
            <div className="flex items-center gap-3">
              {admin.length ? (
                <div className="hidden md:block">
                  <NavLinks items={admin} label="Administration" />
                </div>
              ) : null}
              <UserBadge user={user} />
              <SignOutButton />
            </div>
          </div>
          <div className="pb-2">
            {/* On small screens the administration links join the main bar, which scrolls sideways. */}
            <div className="md:hidden">
              <NavLinks items={[...main, ...admin]} />
            </div>
            <div className="hidden md:block">
              <NavLinks items={main} />
            </div>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}

function UserBadge({ user }: { user: SessionUser }) {
  return (
    <span className="text-right text-xs leading-tight" data-testid="signed-in-user">
      <Link
        href="/account"
        className="block max-w-[9rem] truncate font-medium text-slate-800 hover:underline sm:max-w-[14rem]"
        title="Your account and alert preferences"
      >
        {user.email}
      </Link>
      <span className="block text-slate-500">{ROLE_LABEL[user.role]}</span>
    </span>
  );
}
