import type { RefObject } from 'react';
import { useEffect, useState } from 'react';

export interface ElementSize {
  /** Content box in CSS pixels; 0 x 0 until laid out. */
  readonly widthPx: number;
  readonly heightPx: number;
}

/** The element's content size in CSS pixels, kept current with a ResizeObserver. */
export function useElementSize(ref: RefObject<HTMLElement | null>): ElementSize {
  const [size, setSize] = useState<ElementSize>({ widthPx: 0, heightPx: 0 });
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      setSize((prev) => (prev.widthPx === width && prev.heightPx === height ? prev : { widthPx: width, heightPx: height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
