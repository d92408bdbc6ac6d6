// Preloaded by bench/perf.ts when it profiles: SIGTERM exits normally, so --cpu-prof writes its file.
process.once("SIGTERM", () => process.exit(0));
