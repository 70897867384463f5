/**
 * A year's enforcement figures (PUB-14) as tables with plain bars, from the view model in utils/annual-view.ts:
 * shared by the public page (publication/annual) and the staff page (pubstaff/annual), so the table is written once.
 */
Component({
  properties: {
    /** utils/annual-view.ts `AnnualView`. */
    view: { type: Object, value: {} },
    /** The day it was published (Chinese date), or empty while under review. */
    publishedOn: { type: String, value: '' },
  },
});
