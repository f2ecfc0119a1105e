import type { ControlSize } from "./button";
import { cn } from "./cn";

const sizes: Record<ControlSize, string> = {
  md: "rounded-lg px-3 py-2 text-sm",
  sm: "rounded-md px-2 py-1 text-xs",
};

/** The look of every text field, select and text area, at either size. */
export function fieldClasses(size: ControlSize = "md", className?: string) {
  return cn(
    "block w-full border border-slate-300 bg-white shadow-sm placeholder:text-slate-400 focus:border-slate-900 focus:ring-1 focus:ring-slate-900 focus:outline-none aria-[invalid=true]:border-rose-500",
    sizes[size],
    className,
  );
}

export function Field({ label, error, htmlFor, hint, children }: { label: string; error?: string; htmlFor: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !error ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {error ? (
        <p id={`${htmlFor}-error`} role="alert" className="text-xs font-medium text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Input({ className, fieldSize = "md", ...props }: React.InputHTMLAttributes<HTMLInputElement> & { fieldSize?: ControlSize }) {
  return <input className={fieldClasses(fieldSize, className)} {...props} />;
}
