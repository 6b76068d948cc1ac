import { z } from 'zod';

/**
 * The studio's pages allow no eval (Content-Security-Policy without 'unsafe-eval'). Zod would try
 * `new Function` once to see whether it may compile its parsers, which the browser reports as a
 * CSP violation on every load; jitless parsers never try. Imported first by every entry point.
 */
z.config({ jitless: true });
