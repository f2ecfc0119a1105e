"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  return (
    <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => signOut({ callbackUrl: "/login" })}>
      Sign out
    </Button>
  );
}
