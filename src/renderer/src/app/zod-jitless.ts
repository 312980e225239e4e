import { config } from 'zod';

/*
 * Imported first by main.tsx, which loads the app only after it. The renderer's CSP has no 'unsafe-eval', and zod probes
 * `new Function` whenever an object schema is built — the contract's params schemas are built
 * when the renderer imports a constant from it. The probe's error is caught, but the browser still
 * reports a CSP violation. The renderer validates forms with the same schemas (useFormSubmit) without the JIT.
 */
config({ jitless: true });
