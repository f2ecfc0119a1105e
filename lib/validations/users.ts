import { z } from "zod";
import { errorMessage } from "@/lib/i18n/error-message";

export const ROLES = ["OWNER", "OPS", "SUPPLIER"] as const;

export const addUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().email(errorMessage("common.validEmail")),
    name: z.string().trim().min(1, errorMessage("common.enterName")).max(120),
    role: z.enum(ROLES, { message: errorMessage("users.chooseRole") }),
    supplierId: z
      .string()
      .optional()
      .transform((v) => (v ? v : null)),
    password: z.string().min(10, errorMessage("users.passwordMin")).max(200),
  })
  .refine((u) => u.role !== "SUPPLIER" || u.supplierId, { path: ["supplierId"], message: errorMessage("users.supplierRequired") });

export const changeRoleSchema = z
  .object({
    userId: z.string().min(1),
    role: z.enum(ROLES),
    supplierId: z
      .string()
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .refine((u) => u.role !== "SUPPLIER" || u.supplierId, { path: ["supplierId"], message: errorMessage("users.supplierRequired") });

export const setActiveSchema = z.object({ userId: z.string().min(1), active: z.enum(["true", "false"]).transform((v) => v === "true") });
