import { type ClassValue, clsx } from "clsx";
import { twMerge } from "tailwind-merge";

/** Class lists joined, later Tailwind utilities winning over earlier ones (`px-3` then `px-2` → `px-2`). */
export const cn = (...values: ClassValue[]) => twMerge(clsx(values));
