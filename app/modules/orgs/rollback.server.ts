// A transaction that finds, half-way, that it must not happen throws to roll back; the caller
// gets null for that one kind of error and every other error as it was.
export async function rollbackOn<T>(kind: new () => Error, work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof kind) return null;
    throw error;
  }
}
