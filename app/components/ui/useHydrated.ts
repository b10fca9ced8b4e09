import { useEffect, useState } from "react";

let hydratedOnce = false;

/**
 * False in the server render and the first browser render, true after: the
 * parts that need JavaScript (copy buttons, dialogs) appear only when it runs,
 * and the plain HTML fallbacks stay for everyone else.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(hydratedOnce);
  useEffect(() => {
    hydratedOnce = true;
    setHydrated(true);
  }, []);
  return hydrated;
}
