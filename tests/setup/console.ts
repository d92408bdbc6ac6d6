import { afterEach, beforeEach, expect, vi } from "vitest";

// An unexpected console.error is a bug the test did not look for. A test that expects one
// calls `allowConsoleError()` first.
let allowed = false;
let spy: ReturnType<typeof vi.spyOn> | undefined;

export function allowConsoleError(): void {
  allowed = true;
}

beforeEach(() => {
  allowed = false;
  spy = vi.spyOn(console, "error");
});

afterEach(() => {
  const calls = spy?.mock.calls ?? [];
  spy?.mockRestore();
  if (!allowed) expect(calls, "unexpected console.error").toEqual([]);
});
