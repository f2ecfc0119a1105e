import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function OrderNotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Order not found</h1>
      <EmptyState title="There is no such order in your account">
        <p>The link may be mistyped, or the order belongs to another account.</p>
        <Link href="/orders" className={buttonClasses("secondary", "mt-3")}>
          Back to orders
        </Link>
      </EmptyState>
    </div>
  );
}
