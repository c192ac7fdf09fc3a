// The script template as a string in the page's bundle (Vite ?raw); Node reads it with fs (src/node/scriptTemplate.ts).
import template from './flowvar_run.py?raw';

export const SCRIPT_TEMPLATE: string = template;
