// The worker entry of the article pool (article-pool.ts) when Dossier runs from its TypeScript
// sources under tsx (the tests, the scripts: `node --import tsx`). On Node 20 a worker thread
// does not get the module hooks that `--import tsx` registered in the main thread, so without
// this it could not import a .ts file; it registers tsx in its own thread, then loads
// pipeline-worker.ts. Compiled Dossier (dist/, bin/dossier.js) loads pipeline-worker.js
// directly and never this file; tsx is a development dependency.
import { register } from 'tsx/esm/api';

register();
const worker = import('./pipeline-worker.ts');

/** pipeline-worker.ts's processArticle, once it has loaded. */
export async function processArticle(task) {
  return (await worker).processArticle(task);
}
