"use client";

import { useActionState, useEffect, useRef, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";

type FormServerAction<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * The one way a form talks to a server action (lib/actions/define-action.ts): `<form onSubmit={onSubmit}>`,
 * field messages by name, the result for a status line. A refused submission keeps what was typed
 * (the form is reset only after a success); `prepare` may rewrite the fields first, e.g. a local
 * date-time into an instant with its zone.
 */
export function useFormAction<T>(action: FormServerAction<T>, options: { prepare?: (form: FormData) => FormData; resetOnSuccess?: boolean } = {}) {
  const { prepare, resetOnSuccess = true } = options;
  const [result, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(
    (previous, form) => action(previous, prepare ? prepare(form) : form),
    null,
  );
  const [, startTransition] = useTransition();
  const submitted = useRef<HTMLFormElement | null>(null);

  useEffect(() => {
    // Through the prototype: a control named "reset" shadows the form's own reset().
    if (result?.ok && resetOnSuccess && submitted.current) HTMLFormElement.prototype.reset.call(submitted.current);
  }, [result, resetOnSuccess]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submitted.current = event.currentTarget;
    // The button that submitted it counts too (a "reset this setting" button's name and value).
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const form = new FormData(event.currentTarget, submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement ? submitter : null);
    startTransition(() => dispatch(form));
  }

  const failed = result && !result.ok ? result : null;
  return {
    result,
    onSubmit,
    pending,
    /** The message to show next to the field `name`, if the last submission was refused for it. */
    fieldError: (name: string): string | undefined => failed?.fieldErrors?.[name],
  };
}
