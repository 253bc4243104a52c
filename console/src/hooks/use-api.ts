import { useCallback, useEffect, useState } from 'react';
import { problemText } from '../api/client';

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: string | undefined;
  readonly reload: () => void;
}

/**
 * What one API call answers, loaded when `key` changes and again every `pollMs` (live pages such
 * as a run poll; the page is never reloaded). A late answer for an older key is dropped.
 */
export function useApi<T>(call: () => Promise<{ data?: T; error?: unknown }>, key: string, pollMs?: number): Loaded<T> {
  const [state, setState] = useState<{ key: string; data?: T; error?: string }>({ key });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      const { data, error } = await call();
      if (!current) return;
      setState(data !== undefined ? { key, data } : { key, error: problemText(error) });
      if (pollMs !== undefined) timer = setTimeout(() => void load(), pollMs);
    };
    void load();
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `call` is a new function on every render; `key` names what it loads.
  }, [key, generation, pollMs]);

  const fresh = state.key === key;
  return { data: fresh ? state.data : undefined, error: fresh ? state.error : undefined, reload };
}
