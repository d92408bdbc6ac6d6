/** A malformed body (wrong content type, truncated upload) reads as an empty form, not a 500. */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}
