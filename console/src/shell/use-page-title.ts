import { useEffect } from 'react';

/** The document title names the page, which a screen reader announces after each navigation. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ML platform console`;
  }, [title]);
}
