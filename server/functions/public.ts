/** The `public` cloud function (DESIGN.md "Layers"): its action table is assembled from the features. */
import { createFunction } from '../router/function';

export const main = createFunction('public', {});
