import type { ControlSize } from "./button";
import { fieldClasses } from "./input";

export function Textarea({ className, fieldSize = "md", ...props }: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { fieldSize?: ControlSize }) {
  return <textarea className={fieldClasses(fieldSize, className)} {...props} />;
}
