/** A group of checkboxes sending one form field per ticked value (read with FormData.getAll). */
export function CheckboxGroup({
  legend,
  name,
  options,
  defaultValues = [],
  error,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValues?: string[];
  error?: string;
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
            <input type="checkbox" name={name} value={o.value} defaultChecked={defaultValues.includes(o.value)} className="size-4 rounded border-slate-300" />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p role="alert" className="text-xs font-medium text-rose-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
