"use client";

import { startTransition, useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";

/**
 * useActionState for a form that keeps what the user typed: React resets a form given to
 * `action` after every submission, so a field error would also wipe the other fields. Submitting
 * through onSubmit instead leaves them as they were.
 */
export function useFormAction(action: (prev: ActionState, form: FormData) => Promise<ActionState>) {
  const [state, dispatch, pending] = useActionState(action, { ok: false });
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
  return { state, onSubmit, pending };
}
