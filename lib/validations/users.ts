import { z } from "zod";

export const ROLES = ["OWNER", "OPS", "SUPPLIER"] as const;

export const addUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().email("Enter a valid e-mail address"),
    name: z.string().trim().min(1, "Enter a name").max(120),
    role: z.enum(ROLES, { message: "Choose a role" }),
    supplierId: z
      .string()
      .optional()
      .transform((v) => (v ? v : null)),
    password: z.string().min(10, "At least 10 characters").max(200),
  })
  .refine((u) => u.role !== "SUPPLIER" || u.supplierId, { path: ["supplierId"], message: "A supplier user must belong to a supplier" });

export const changeRoleSchema = z
  .object({
    userId: z.string().min(1),
    role: z.enum(ROLES),
    supplierId: z
      .string()
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .refine((u) => u.role !== "SUPPLIER" || u.supplierId, { path: ["supplierId"], message: "A supplier user must belong to a supplier" });

export const setActiveSchema = z.object({ userId: z.string().min(1), active: z.enum(["true", "false"]).transform((v) => v === "true") });
