"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** A link of the shell's bars; `label` is already in the viewer's language (components/layout/app-shell.tsx). */
export type NavItem = { href: string; label: string };

/** `wrap`: a second line rather than sideways scrolling from md up (longer Dutch labels fill a 1280 px bar). */
export function NavLinks({ items, label, wrap = false }: { items: NavItem[]; label: string; wrap?: boolean }) {
  const pathname = usePathname();
  // The longest matching link is the current one (/settings/policy is not also /settings).
  const matches = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  const current = items.filter((i) => matches(i.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={label} className={cn("-mx-1 flex gap-1 overflow-x-auto pb-1 sm:pb-0", wrap && "md:flex-wrap md:overflow-visible")}>
      {items.map((item) => {
        const active = item.href === current;
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap",
              active ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
