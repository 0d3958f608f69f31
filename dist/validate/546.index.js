(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 546;
const ids = [546,494];
const modules = {

/***/ 8457:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

// Stands in for ajv-formats-draft2019/formats/index.js when the bundles are built (the `paths` entry
// in tsconfig.json), for @kubernetes-models/validate's formats. Tests run with the real package.
//
// - The package's idn-hostname format calls require('punycode'), which it means as the npm package it
//   depends on; a bundler takes that name for Node's built-in module, deprecated since Node 21, and
//   loading it printed "[DEP0040] DeprecationWarning: The `punycode` module is deprecated" in every
//   validate and apply step. Here idn-hostname uses the npm package, by its path.
// - The package loads all five formats with it, and two of them load much more (iri: uri-js and the
//   IANA scheme list; idn-email: an SMTP address grammar): about 1.5 ms of every validate and apply
//   start, for formats no Kubernetes schema names. Here each format loads its module at its first
//   use. That is why this file is CommonJS: webpack bundles a require() inside a function and runs
//   the module when the function is called, which an ES module cannot ask for.
//
// The same five formats, each a string predicate (the package's duration is a regular expression,
// which ajv takes as well as a predicate; here it is a predicate too). Types: the .d.cts beside it.


let toASCII;
let duration;
let idnEmail;
let iri;
let iriReference;

// The package's own expression (formats/idn-hostname.js).
const HOSTNAME =
  /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i;

function idnHostname(value) {
  toASCII ??= (__webpack_require__(8328).toASCII);
  const hostname = toASCII(value);
  return hostname.replace(/\.$/, '').length <= 253 && HOSTNAME.test(hostname);
}

module.exports = {
  iri: (value) => (iri ??= __webpack_require__(3869))(value),
  duration: (value) =>
    (duration ??= __webpack_require__(3160)).test(value),
  'idn-email': (value) =>
    (idnEmail ??= __webpack_require__(8503))(value),
  'idn-hostname': idnHostname,
  'iri-reference': (value) =>
    (iriReference ??= __webpack_require__(1173))(value),
};


/***/ })

};

return {id,ids,modules};})