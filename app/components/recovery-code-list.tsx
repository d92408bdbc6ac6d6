/** Recovery codes as shown once (after enrolling an authenticator, or asking for new codes). */
export function RecoveryCodeList({ codes, label }: { codes: readonly string[]; label: string }) {
  return (
    <>
      <h2 id="recovery-codes">{label}</h2>
      <ul className="recovery-codes" aria-labelledby="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </>
  );
}
