// Starts the TypeScript extraction worker under tsx, which worker threads cannot take as an option.
import { register } from 'tsx/esm/api';

register();
await import('./extractWorker.ts');
