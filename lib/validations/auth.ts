import { z } from "zod";
import { errorMessage } from "@/lib/i18n/error-message";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email(errorMessage("common.validEmail")),
  password: z.string().min(1, errorMessage("auth.enterPassword")).max(200),
});
export type SignInInput = z.infer<typeof signInSchema>;
