import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import type { SessionUser } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/locales";
import { LanguageSwitcher } from "./language-switcher";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

type NavKey =
  | "overview"
  | "risk"
  | "digest"
  | "orders"
  | "returns"
  | "stores"
  | "suppliers"
  | "listings"
  | "creators"
  | "compliance"
  | "import"
  | "policy"
  | "alerts"
  | "policySettings"
  | "settings"
  | "sharing"
  | "users"
  | "audit"
  | "myOrders"
  | "myScorecard"
  | "myAlerts";
type NavEntry = { href: string; key: NavKey };

const STAFF_NAV: NavEntry[] = [
  { href: "/", key: "overview" },
  { href: "/risk", key: "risk" },
  { href: "/digest", key: "digest" },
  { href: "/orders", key: "orders" },
  { href: "/returns", key: "returns" },
  { href: "/stores", key: "stores" },
  { href: "/suppliers", key: "suppliers" },
  { href: "/listings", key: "listings" },
  { href: "/creators", key: "creators" },
  { href: "/compliance", key: "compliance" },
  { href: "/import", key: "import" },
  { href: "/policy", key: "policy" },
  { href: "/alerts", key: "alerts" },
];
const OWNER_NAV: NavEntry[] = [
  { href: "/settings/policy", key: "policySettings" },
  { href: "/settings", key: "settings" },
  { href: "/sharing", key: "sharing" },
  { href: "/users", key: "users" },
  { href: "/audit", key: "audit" },
];
// Suppliers see their own orders and scorecard only; the filter itself lives in the queries.
const SUPPLIER_NAV: NavEntry[] = [
  { href: "/", key: "overview" },
  { href: "/orders", key: "myOrders" },
  { href: "/suppliers", key: "myScorecard" },
  { href: "/alerts", key: "myAlerts" },
];

export async function AppShell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  const t = await getTranslations("shell");
  const items = (entries: NavEntry[]) => entries.map((e) => ({ href: e.href, label: t(`nav.${e.key}`) }));
  const main = items(user.role === "SUPPLIER" ? SUPPLIER_NAV : STAFF_NAV);
  const admin = user.role === "OWNER" ? items(OWNER_NAV) : [];
  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto max-w-7xl px-4">
          <div className="flex items-center justify-between gap-3 py-2">
            <span className="shrink-0 text-sm font-semibold tracking-tight">
              <span className="text-slate-900">Dual</span>
              <span className="text-teal-700">Channel</span>
            </span>
            <div className="flex min-w-0 items-center gap-2 sm:gap-3">
              {admin.length ? (
                <div className="hidden md:block">
                  <NavLinks items={admin} label={t("adminNav")} />
                </div>
              ) : null}
              <LanguageSwitcher choice={isLocale(user.locale) ? user.locale : null} />
              <span className="min-w-0 text-right text-xs leading-tight" data-testid="signed-in-user">
                <Link href="/account" className="block max-w-[14rem] truncate font-medium text-slate-800 hover:underline" title={t("accountLink")}>
                  {user.email}
                </Link>
                <span className="block truncate text-slate-500">{t(`role.${user.role}`)}</span>
              </span>
              <SignOutButton />
            </div>
          </div>
          <div className="pb-2">
            {/* On small screens the administration links join the main bar, which scrolls sideways. */}
            <div className="md:hidden">
              <NavLinks items={[...main, ...admin]} label={t("mainNav")} />
            </div>
            <div className="hidden md:block">
              <NavLinks items={main} label={t("mainNav")} wrap />
            </div>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
