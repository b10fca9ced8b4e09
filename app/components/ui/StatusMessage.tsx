/** A message about what just happened, announced to screen readers. */
export function StatusMessage({
  children,
  tone = "success",
}: {
  children: React.ReactNode;
  tone?: "success" | "info";
}) {
  const colours =
    tone === "success"
      ? "border-emerald-200 bg-emerald-50 text-emerald-800"
      : "border-slate-200 bg-slate-50 text-slate-700";
  return (
    <p role="status" className={`rounded-lg border px-4 py-3 text-sm ${colours}`}>
      {children}
    </p>
  );
}
