import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { AddUserForm } from "@/components/users/add-user-form";
import { UserRowActions } from "@/components/users/user-row-actions";
import { requirePageUser } from "@/lib/auth";
import { isLocked } from "@/lib/auth-throttle";
import { scopeOf } from "@/lib/data/scope";
import { listSupplierOptions } from "@/lib/data/suppliers";
import { listTeam } from "@/lib/data/users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage() {
  const me = await requirePageUser(["OWNER"]);
  const scope = scopeOf(me);
  const [users, suppliers, t] = await Promise.all([listTeam(scope), listSupplierOptions(scope), getTranslations("users")]);
  const now = new Date();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      <Card>
        <CardHeader title={t("addTitle")} />
        <CardBody>
          <AddUserForm suppliers={suppliers} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("team")} />
        <ul className="divide-y divide-slate-100">
          {users.map((u) => (
            <li key={u.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3" data-testid="user-row">
              <div>
                <p className="font-medium">
                  {u.name} {u.id === me.id ? <span className="text-xs text-slate-500">{t("you")}</span> : null}
                </p>
                <p className="text-xs text-slate-500">{u.email}</p>
                <div className="mt-1 flex gap-1">
                  <Badge>{t(`role.${u.role}`)}</Badge>
                  {u.supplier ? <Badge tone="info">{u.supplier.name}</Badge> : null}
                  {!u.active ? <Badge tone="critical">{t("deactivated")}</Badge> : null}
                  {isLocked({ failedSignIns: 0, lockedUntil: u.lockedUntil }, now) ? <Badge tone="warning">{t("locked")}</Badge> : null}
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
