// Starts the TypeScript worker under tsx, which worker threads cannot take as a command-line option.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
