// One button that acts on one row of a table (remove a person, revoke a code, remove a role):
// a small POST form carrying the intent and the row's ids as hidden fields. The label names
// the row for screen readers, since every row's button reads the same.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

export function RowAction({
  intent,
  fields,
  label,
  children,
  tone = "secondary",
  inline = false,
}: {
  intent: string;
  /** Hidden fields naming the row (e.g. `{ userId }`). */
  fields: Record<string, string>;
  /** Accessible name: what the button does to which row. */
  label: string;
  children: ReactNode;
  tone?: "secondary" | "danger";
  /** Sits on a line with other content (a role's name, another action). */
  inline?: boolean;
}) {
  return (
    <Form method="post" className={inline ? "inline-form" : undefined}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={`button button--${tone} button--small`} aria-label={label}>
        {children}
      </button>
    </Form>
  );
}
