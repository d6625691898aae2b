export { loadResources } from './load.js';
export { memoryResources as memoryResourcesFrom } from './resources.js';
