/**
 * A malformed body (wrong content type, truncated upload) reads as an empty form, not a 500.
 * NUL characters are dropped from every text value: PostgreSQL text cannot hold them (SQLite
 * can), so a value stores and compares the same on both databases (issue 18; URLs: server.mjs).
 */
export async function readForm(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new FormData();
  }
  const hasNul = (text: string) => text.includes("\u0000");
  if (![...form.entries()].some(([k, v]) => hasNul(k) || (typeof v === "string" && hasNul(v)))) return form;
  const clean = new FormData();
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") clean.append(name.replaceAll("\u0000", ""), value.replaceAll("\u0000", ""));
    else clean.append(name.replaceAll("\u0000", ""), value);
  }
  return clean;
}
