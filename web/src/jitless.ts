// Zod compiles object parsers with `new Function` unless told not to; the console's
// Content-Security-Policy (script-src 'self') forbids that, and Chromium reports even the probe.
// Imported before any schema is built (see requestRules.ts).
import { z } from 'zod';

z.config({ jitless: true });
