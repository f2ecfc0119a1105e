import type { ControlSize } from "./button";
import { fieldClasses } from "./input";

export function Select({ className, fieldSize = "md", ...props }: React.SelectHTMLAttributes<HTMLSelectElement> & { fieldSize?: ControlSize }) {
  return <select className={fieldClasses(fieldSize, className)} {...props} />;
}
