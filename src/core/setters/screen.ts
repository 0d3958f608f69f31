// What every file holding a Flux setter marker contains, apart from the marker code that reads them
// (marker.ts, which needs the YAML library): a command can screen a tree before loading it.

/** The key Flux reads from a setter comment: `# {"$imagepolicy": "<ns>:<name>[:tag|:name|:digest]"}`. */
export const SETTER_KEY = '$imagepolicy';

/** Bytes every file holding a marker contains; files without them are not parsed at all. */
export const SETTER_SCREEN = `"${SETTER_KEY}"`;
