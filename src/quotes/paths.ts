import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the committed attribution model lives, beside this code (copied under dist/ by the build). */
export const DEFAULT_QUOTE_MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), 'model', 'quotes.model.gz');
