import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { AddUserForm } from "@/components/users/add-user-form";
import { UserRowActions } from "@/components/users/user-row-actions";
import { requirePageUser } from "@/lib/auth";
import { isLocked } from "@/lib/auth-throttle";
import { scopeOf } from "@/lib/data/scope";
import { listSupplierOptions } from "@/lib/data/suppliers";
import { listTeam } from "@/lib/data/users";

export const metadata: Metadata = { title: "Users" };

const ROLE_LABEL = { OWNER: "Owner", OPS: "Operations", SUPPLIER: "Supplier" } as const;

export default async function UsersPage() {
  const me = await requirePageUser(["OWNER"]);
  const scope = scopeOf(me);
  const [users, suppliers] = await Promise.all([listTeam(scope), listSupplierOptions(scope)]);
  const now = new Date();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Users</h1>
        <p className="text-sm text-slate-500">Who can sign in to your organisation. An organisation always keeps at least one active owner.</p>
      </div>
      <Card>
        <CardHeader title="Add a user" />
        <CardBody>
          <AddUserForm suppliers={suppliers} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Team" />
        <ul className="divide-y divide-slate-100">
          {users.map((u) => (
            <li key={u.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3" data-testid="user-row">
              <div>
                <p className="font-medium">
                  {u.name} {u.id === me.id ? <span className="text-xs text-slate-500">(you)</span> : null}
                </p>
                <p className="text-xs text-slate-500">{u.email}</p>
                <div className="mt-1 flex gap-1">
                  <Badge>{ROLE_LABEL[u.role]}</Badge>
                  {u.supplier ? <Badge tone="info">{u.supplier.name}</Badge> : null}
                  {!u.active ? <Badge tone="critical">deactivated</Badge> : null}
                  {isLocked({ failedSignIns: 0, lockedUntil: u.lockedUntil }, now) ? <Badge tone="warning">locked after failed sign-ins</Badge> : null}
                </div>
              </div>
              <UserRowActions userId={u.id} email={u.email} role={u.role} supplierId={u.supplierId} active={u.active} suppliers={suppliers} />
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
