// Stands in for ajv-formats-draft2019/formats/index.js when the bundles are built (the `paths` entry
// in tsconfig.json), for @kubernetes-models/validate's formats. The package's idn-hostname format
// calls require('punycode'), which it means as the npm package it depends on; a bundler takes that
// name for Node's built-in module, deprecated since Node 21, and loading it printed
// "[DEP0040] DeprecationWarning: The `punycode` module is deprecated" in every validate and apply
// step. This one is the same five formats, with idn-hostname on the npm package, by its path.
// Tests run with the real package.
// None of these files ships types: each is a string predicate, duration a regular expression.
// @ts-expect-error untyped CommonJS module of the punycode package
import untypedPunycode from '../../node_modules/punycode/punycode.js';
// @ts-expect-error untyped, see above
import untypedDuration from '../../node_modules/ajv-formats-draft2019/formats/duration.js';
// @ts-expect-error untyped, see above
import untypedIdnEmail from '../../node_modules/ajv-formats-draft2019/formats/idn-email.js';
// @ts-expect-error untyped, see above
import untypedIri from '../../node_modules/ajv-formats-draft2019/formats/iri.js';
// @ts-expect-error untyped, see above
import untypedIriReference from '../../node_modules/ajv-formats-draft2019/formats/iri-reference.js';

type Format = (value: string) => boolean;
const { toASCII } = untypedPunycode as { toASCII: (value: string) => string };
const duration = untypedDuration as RegExp;
const idnEmail = untypedIdnEmail as Format;
const iri = untypedIri as Format;
const iriReference = untypedIriReference as Format;

// The package's own expression (formats/idn-hostname.js).
const HOSTNAME =
  /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i;

function idnHostname(value: string): boolean {
  const hostname = toASCII(value);
  return hostname.replace(/\.$/, '').length <= 253 && HOSTNAME.test(hostname);
}

export { duration, idnEmail as 'idn-email', idnHostname as 'idn-hostname', iri, iriReference as 'iri-reference' };
export default { iri, duration, 'idn-email': idnEmail, 'idn-hostname': idnHostname, 'iri-reference': iriReference };
