(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 475;
const ids = [475];
const modules = {

/***/ 3160:
/***/ ((module) => {

// Regex from https://stackoverflow.com/questions/32044846/regex-for-iso-8601-durations
module.exports =
  /^P(?!$)(\d+(?:\.\d+)?Y)?(\d+(?:\.\d+)?M)?(\d+(?:\.\d+)?W)?(\d+(?:\.\d+)?D)?(T(?=\d)(\d+(?:\.\d+)?H)?(\d+(?:\.\d+)?M)?(\d+(?:\.\d+)?S)?)?$/;


/***/ }),

/***/ 8503:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const { parse } = __webpack_require__(4456);

module.exports = (value) => {
  try {
    parse(value);
    return true;
  } catch (err) {
    return false;
  }
};


/***/ }),

/***/ 1173:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const { parse } = __webpack_require__(2084);
const { addressParser } = __webpack_require__(4456);
const schemes = __webpack_require__(8088);

function validate(address) {
  try {
    addressParser(address);
    return true;
  } catch (err) {
    return false;
  }
}

module.exports = (value) => {
  const iri = parse(value);
  // All valid IRIs are valid IRI-references
  if (iri.scheme === 'mailto' && iri.to.every(validate)) {
    return true;
  }

  if (
    iri.reference === 'absolute' &&
    iri.path !== undefined &&
    schemes.allByName[iri.scheme]
  ) {
    return true;
  }

  // Check for valid IRI-reference

  // If there is a scheme, it must be valid
  if (iri.scheme && !schemes.allByName[iri.scheme]) {
    return false;
  }

  // Check there's a path and for a proper type of reference
  return (
    iri.path !== undefined &&
    (iri.reference === 'relative' ||
      iri.reference === 'same-document' ||
      iri.reference === 'uri')
  );
};


/***/ }),

/***/ 3869:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const { parse } = __webpack_require__(2084);
const { addressParser } = __webpack_require__(4456);
const schemes = __webpack_require__(8088);

function validate(address) {
  try {
    addressParser(address);
    return true;
  } catch (err) {
    return false;
  }
}

module.exports = (value) => {
  const iri = parse(value);
  if (iri.scheme === 'mailto' && iri.to.every(validate)) {
    return true;
  }
  if (iri.reference === 'absolute' && schemes.allByName[iri.scheme]) {
    return true;
  }
  return false;
};


/***/ }),

/***/ 779:
/***/ ((__unused_webpack_module, exports) => {

var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
__webpack_unused_export__ = __webpack_unused_export__ = exports.U9 = void 0;
function fmtDef(validate, compare) {
    return { validate, compare };
}
exports.U9 = {
    // date: http://tools.ietf.org/html/rfc3339#section-5.6
    date: fmtDef(date, compareDate),
    // date-time: http://tools.ietf.org/html/rfc3339#section-5.6
    time: fmtDef(getTime(true), compareTime),
    "date-time": fmtDef(getDateTime(true), compareDateTime),
    "iso-time": fmtDef(getTime(), compareIsoTime),
    "iso-date-time": fmtDef(getDateTime(), compareIsoDateTime),
    // duration: https://tools.ietf.org/html/rfc3339#appendix-A
    duration: /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/,
    uri,
    "uri-reference": /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i,
    // uri-template: https://tools.ietf.org/html/rfc6570
    "uri-template": /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i,
    // For the source: https://gist.github.com/dperini/729294
    // For test cases: https://mathiasbynens.be/demo/url-regex
    url: /^(?:https?|ftp):\/\/(?:\S+(?::\S*)?@)?(?:(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|(?:(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)(?:\.(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)*(?:\.(?:[a-z\u{00a1}-\u{ffff}]{2,})))(?::\d{2,5})?(?:\/[^\s]*)?$/iu,
    email: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
    hostname: /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
    // optimized https://www.safaribooksonline.com/library/view/regular-expressions-cookbook/9780596802837/ch07s16.html
    ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
    ipv6: /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i,
    regex,
    // uuid: http://tools.ietf.org/html/rfc4122
    uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
    // JSON-pointer: https://tools.ietf.org/html/rfc6901
    // uri fragment: https://tools.ietf.org/html/rfc3986#appendix-A
    "json-pointer": /^(?:\/(?:[^~/]|~0|~1)*)*$/,
    "json-pointer-uri-fragment": /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i,
    // relative JSON-pointer: http://tools.ietf.org/html/draft-luff-relative-json-pointer-00
    "relative-json-pointer": /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/,
    // the following formats are used by the openapi specification: https://spec.openapis.org/oas/v3.0.0#data-types
    // byte: https://github.com/miguelmota/is-base64
    byte,
    // signed 32 bit integer
    int32: { type: "number", validate: validateInt32 },
    // signed 64 bit integer
    int64: { type: "number", validate: validateInt64 },
    // C-type float
    float: { type: "number", validate: validateNumber },
    // C-type double
    double: { type: "number", validate: validateNumber },
    // hint to the UI to hide input strings
    password: true,
    // unchecked string payload
    binary: true,
};
__webpack_unused_export__ = {
    ...exports.U9,
    date: fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d$/, compareDate),
    time: fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareTime),
    "date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareDateTime),
    "iso-time": fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoTime),
    "iso-date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoDateTime),
    // uri: https://github.com/mafintosh/is-my-json-valid/blob/master/formats.js
    uri: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i,
    "uri-reference": /^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$/i,
    // email (sources from jsen validator):
    // http://stackoverflow.com/questions/201323/using-a-regular-expression-to-validate-an-email-address#answer-8829363
    // http://www.w3.org/TR/html5/forms.html#valid-e-mail-address (search for 'wilful violation')
    email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i,
};
__webpack_unused_export__ = Object.keys(exports.U9);
function isLeapYear(year) {
    // https://tools.ietf.org/html/rfc3339#appendix-C
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function date(str) {
    // full-date from http://tools.ietf.org/html/rfc3339#section-5.6
    const matches = DATE.exec(str);
    if (!matches)
        return false;
    const year = +matches[1];
    const month = +matches[2];
    const day = +matches[3];
    return (month >= 1 &&
        month <= 12 &&
        day >= 1 &&
        day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]));
}
function compareDate(d1, d2) {
    if (!(d1 && d2))
        return undefined;
    if (d1 > d2)
        return 1;
    if (d1 < d2)
        return -1;
    return 0;
}
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
function getTime(strictTimeZone) {
    return function time(str) {
        const matches = TIME.exec(str);
        if (!matches)
            return false;
        const hr = +matches[1];
        const min = +matches[2];
        const sec = +matches[3];
        const tz = matches[4];
        const tzSign = matches[5] === "-" ? -1 : 1;
        const tzH = +(matches[6] || 0);
        const tzM = +(matches[7] || 0);
        if (tzH > 23 || tzM > 59 || (strictTimeZone && !tz))
            return false;
        if (hr <= 23 && min <= 59 && sec < 60)
            return true;
        // leap second
        const utcMin = min - tzM * tzSign;
        const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
        return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
    };
}
function compareTime(s1, s2) {
    if (!(s1 && s2))
        return undefined;
    const t1 = new Date("2020-01-01T" + s1).valueOf();
    const t2 = new Date("2020-01-01T" + s2).valueOf();
    if (!(t1 && t2))
        return undefined;
    return t1 - t2;
}
function compareIsoTime(t1, t2) {
    if (!(t1 && t2))
        return undefined;
    const a1 = TIME.exec(t1);
    const a2 = TIME.exec(t2);
    if (!(a1 && a2))
        return undefined;
    t1 = a1[1] + a1[2] + a1[3];
    t2 = a2[1] + a2[2] + a2[3];
    if (t1 > t2)
        return 1;
    if (t1 < t2)
        return -1;
    return 0;
}
const DATE_TIME_SEPARATOR = /t|\s/i;
function getDateTime(strictTimeZone) {
    const time = getTime(strictTimeZone);
    return function date_time(str) {
        // http://tools.ietf.org/html/rfc3339#section-5.6
        const dateTime = str.split(DATE_TIME_SEPARATOR);
        return dateTime.length === 2 && date(dateTime[0]) && time(dateTime[1]);
    };
}
function compareDateTime(dt1, dt2) {
    if (!(dt1 && dt2))
        return undefined;
    const d1 = new Date(dt1).valueOf();
    const d2 = new Date(dt2).valueOf();
    if (!(d1 && d2))
        return undefined;
    return d1 - d2;
}
function compareIsoDateTime(dt1, dt2) {
    if (!(dt1 && dt2))
        return undefined;
    const [d1, t1] = dt1.split(DATE_TIME_SEPARATOR);
    const [d2, t2] = dt2.split(DATE_TIME_SEPARATOR);
    const res = compareDate(d1, d2);
    if (res === undefined)
        return undefined;
    return res || compareTime(t1, t2);
}
const NOT_URI_FRAGMENT = /\/|:/;
const URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
function uri(str) {
    // http://jmrware.com/articles/2009/uri_regexp/URI_regex.html + optional protocol + required "."
    return NOT_URI_FRAGMENT.test(str) && URI.test(str);
}
const BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;
function byte(str) {
    BYTE.lastIndex = 0;
    return BYTE.test(str);
}
const MIN_INT32 = -(2 ** 31);
const MAX_INT32 = 2 ** 31 - 1;
function validateInt32(value) {
    return Number.isInteger(value) && value <= MAX_INT32 && value >= MIN_INT32;
}
function validateInt64(value) {
    // JSON and javascript max Int is 2**53, so any int that passes isInteger is valid for Int64
    return Number.isInteger(value);
}
function validateNumber() {
    return true;
}
const Z_ANCHOR = /[^\\]\\Z/;
function regex(str) {
    if (Z_ANCHOR.test(str))
        return false;
    try {
        new RegExp(str);
        return true;
    }
    catch (e) {
        return false;
    }
}
//# sourceMappingURL=formats.js.map

/***/ }),

/***/ 9350:
/***/ ((module) => {


module.exports = function localize_en(errors) {
  if (!(errors && errors.length)) return
  for (const e of errors) {
    let out
    switch (e.keyword) {
      case "additionalItems":
      case "items":
        out = ""
        var n = e.params.limit
        out += "must NOT have more than " + n + " item"
        if (n != 1) {
          out += "s"
        }
        break
      case "additionalProperties":
        out = "must NOT have additional properties"
        break
      case "anyOf":
        out = 'must match a schema in "anyOf"'
        break
      case "const":
        out = "must be equal to constant"
        break
      case "contains":
        out = "must contain a valid item"
        break
      case "dependencies":
      case "dependentRequired":
        out = ""
        var n = e.params.depsCount
        out += "must have propert"
        if (n == 1) {
          out += "y"
        } else {
          out += "ies"
        }
        out +=
          " " +
          e.params.deps +
          " when property " +
          e.params.property +
          " is present"
        break
      case "discriminator":
        switch (e.params.error) {
          case "tag":
            out = 'tag "' + e.params.tag + '" must be string'
            break
          case "mapping":
            out = 'value of tag "' + e.params.tag + '" must be in oneOf'
            break
          default:
            out = 'must pass "' + e.keyword + '" keyword validation'
        }
        break
      case "enum":
        out = "must be equal to one of the allowed values"
        break
      case "false schema":
        out = "boolean schema is false"
        break
      case "format":
        out = 'must match format "' + e.params.format + '"'
        break
      case "formatMaximum":
      case "formatExclusiveMaximum":
        out = ""
        var cond = e.params.comparison + " " + e.params.limit
        out += "must be " + cond
        break
      case "formatMinimum":
      case "formatExclusiveMinimum":
        out = ""
        var cond = e.params.comparison + " " + e.params.limit
        out += "must be " + cond
        break
      case "if":
        out = 'must match "' + e.params.failingKeyword + '" schema'
        break
      case "maximum":
      case "exclusiveMaximum":
        out = ""
        var cond = e.params.comparison + " " + e.params.limit
        out += "must be " + cond
        break
      case "maxItems":
        out = ""
        var n = e.params.limit
        out += "must NOT have more than " + n + " item"
        if (n != 1) {
          out += "s"
        }
        break
      case "maxLength":
        out = ""
        var n = e.params.limit
        out += "must NOT be longer than " + n + " character"
        if (n != 1) {
          out += "s"
        }
        break
      case "maxProperties":
        out = ""
        var n = e.params.limit
        out += "must NOT have more than " + n + " propert"
        if (n == 1) {
          out += "y"
        } else {
          out += "ies"
        }
        break
      case "minimum":
      case "exclusiveMinimum":
        out = ""
        var cond = e.params.comparison + " " + e.params.limit
        out += "must be " + cond
        break
      case "minItems":
        out = ""
        var n = e.params.limit
        out += "must NOT have less than " + n + " item"
        if (n != 1) {
          out += "s"
        }
        break
      case "minLength":
        out = ""
        var n = e.params.limit
        out += "must NOT be shorter than " + n + " character"
        if (n != 1) {
          out += "s"
        }
        break
      case "minProperties":
        out = ""
        var n = e.params.limit
        out += "must NOT have less than " + n + " propert"
        if (n == 1) {
          out += "y"
        } else {
          out += "ies"
        }
        break
      case "multipleOf":
        out = "must be a multiple of " + e.params.multipleOf
        break
      case "not":
        out = 'must NOT be valid according to schema in "not"'
        break
      case "oneOf":
        out = 'must match exactly one schema in "oneOf"'
        break
      case "pattern":
        out = 'must match pattern "' + e.params.pattern + '"'
        break
      case "patternRequired":
        out =
          'must have property matching pattern "' +
          e.params.missingPattern +
          '"'
        break
      case "propertyNames":
        out = "property name is invalid"
        break
      case "required":
        out = "must have required property " + e.params.missingProperty
        break
      case "type":
        out = "must be " + e.params.type
        break
      case "unevaluatedItems":
        out = ""
        var n = e.params.len
        out += "must NOT have more than " + n + " item"
        if (n != 1) {
          out += "s"
        }
        break
      case "unevaluatedProperties":
        out = "must NOT have unevaluated properties"
        break
      case "uniqueItems":
        out =
          "must NOT have duplicate items (items ## " +
          e.params.j +
          " and " +
          e.params.i +
          " are identical)"
        break
      default:
        out = 'must pass "' + e.keyword + '" keyword validation'
    }
    e.message = out
  }
}


/***/ }),

/***/ 5402:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
class ValidationError extends Error {
    constructor(errors) {
        super("validation failed");
        this.errors = errors;
        this.ajv = this.validation = true;
    }
}
exports["default"] = ValidationError;
//# sourceMappingURL=validation_error.js.map

/***/ }),

/***/ 3860:
/***/ ((module) => {



var hasOwn = Object.prototype.hasOwnProperty;
var toStr = Object.prototype.toString;
var defineProperty = Object.defineProperty;
var gOPD = Object.getOwnPropertyDescriptor;

var isArray = function isArray(arr) {
	if (typeof Array.isArray === 'function') {
		return Array.isArray(arr);
	}

	return toStr.call(arr) === '[object Array]';
};

var isPlainObject = function isPlainObject(obj) {
	if (!obj || toStr.call(obj) !== '[object Object]') {
		return false;
	}

	var hasOwnConstructor = hasOwn.call(obj, 'constructor');
	var hasIsPrototypeOf = obj.constructor && obj.constructor.prototype && hasOwn.call(obj.constructor.prototype, 'isPrototypeOf');
	// Not own constructor property must be Object
	if (obj.constructor && !hasOwnConstructor && !hasIsPrototypeOf) {
		return false;
	}

	// Own properties are enumerated firstly, so to speed up,
	// if last one is own, then all properties are own.
	var key;
	for (key in obj) { /**/ }

	return typeof key === 'undefined' || hasOwn.call(obj, key);
};

// If name is '__proto__', and Object.defineProperty is available, define __proto__ as an own property on target
var setProperty = function setProperty(target, options) {
	if (defineProperty && options.name === '__proto__') {
		defineProperty(target, options.name, {
			enumerable: true,
			configurable: true,
			value: options.newValue,
			writable: true
		});
	} else {
		target[options.name] = options.newValue;
	}
};

// Return undefined instead of __proto__ if '__proto__' is not an own property
var getProperty = function getProperty(obj, name) {
	if (name === '__proto__') {
		if (!hasOwn.call(obj, name)) {
			return void 0;
		} else if (gOPD) {
			// In early versions of node, obj['__proto__'] is buggy when obj has
			// __proto__ as an own property. Object.getOwnPropertyDescriptor() works.
			return gOPD(obj, name).value;
		}
	}

	return obj[name];
};

module.exports = function extend() {
	var options, name, src, copy, copyIsArray, clone;
	var target = arguments[0];
	var i = 1;
	var length = arguments.length;
	var deep = false;

	// Handle a deep copy situation
	if (typeof target === 'boolean') {
		deep = target;
		target = arguments[1] || {};
		// skip the boolean and the target
		i = 2;
	}
	if (target == null || (typeof target !== 'object' && typeof target !== 'function')) {
		target = {};
	}

	for (; i < length; ++i) {
		options = arguments[i];
		// Only deal with non-null/undefined values
		if (options != null) {
			// Extend the base object
			for (name in options) {
				src = getProperty(target, name);
				copy = getProperty(options, name);

				// Prevent never-ending loop
				if (target !== copy) {
					// Recurse if we're merging plain objects or arrays
					if (deep && copy && (isPlainObject(copy) || (copyIsArray = isArray(copy)))) {
						if (copyIsArray) {
							copyIsArray = false;
							clone = src && isArray(src) ? src : [];
						} else {
							clone = src && isPlainObject(src) ? src : {};
						}

						// Never move original objects, clone them
						setProperty(target, { name: name, newValue: extend(deep, clone, copy) });

					// Don't bring in undefined values
					} else if (typeof copy !== 'undefined') {
						setProperty(target, { name: name, newValue: copy });
					}
				}
			}
		}
	}

	// Return the modified object
	return target;
};


/***/ }),

/***/ 1400:
/***/ (function(module) {

(function(root, factory) {
    if ( true && module.exports) {
        module.exports = factory();
    } else {
        root.nearley = factory();
    }
}(this, function() {

    function Rule(name, symbols, postprocess) {
        this.id = ++Rule.highestId;
        this.name = name;
        this.symbols = symbols;        // a list of literal | regex class | nonterminal
        this.postprocess = postprocess;
        return this;
    }
    Rule.highestId = 0;

    Rule.prototype.toString = function(withCursorAt) {
        var symbolSequence = (typeof withCursorAt === "undefined")
                             ? this.symbols.map(getSymbolShortDisplay).join(' ')
                             : (   this.symbols.slice(0, withCursorAt).map(getSymbolShortDisplay).join(' ')
                                 + " \u25cf "
                                 + this.symbols.slice(withCursorAt).map(getSymbolShortDisplay).join(' ')     );
        return this.name + " \u2192 " + symbolSequence;
    }


    // a State is a rule at a position from a given starting point in the input stream (reference)
    function State(rule, dot, reference, wantedBy) {
        this.rule = rule;
        this.dot = dot;
        this.reference = reference;
        this.data = [];
        this.wantedBy = wantedBy;
        this.isComplete = this.dot === rule.symbols.length;
    }

    State.prototype.toString = function() {
        return "{" + this.rule.toString(this.dot) + "}, from: " + (this.reference || 0);
    };

    State.prototype.nextState = function(child) {
        var state = new State(this.rule, this.dot + 1, this.reference, this.wantedBy);
        state.left = this;
        state.right = child;
        if (state.isComplete) {
            state.data = state.build();
            // Having right set here will prevent the right state and its children
            // form being garbage collected
            state.right = undefined;
        }
        return state;
    };

    State.prototype.build = function() {
        var children = [];
        var node = this;
        do {
            children.push(node.right.data);
            node = node.left;
        } while (node.left);
        children.reverse();
        return children;
    };

    State.prototype.finish = function() {
        if (this.rule.postprocess) {
            this.data = this.rule.postprocess(this.data, this.reference, Parser.fail);
        }
    };


    function Column(grammar, index) {
        this.grammar = grammar;
        this.index = index;
        this.states = [];
        this.wants = {}; // states indexed by the non-terminal they expect
        this.scannable = []; // list of states that expect a token
        this.completed = {}; // states that are nullable
    }


    Column.prototype.process = function(nextColumn) {
        var states = this.states;
        var wants = this.wants;
        var completed = this.completed;

        for (var w = 0; w < states.length; w++) { // nb. we push() during iteration
            var state = states[w];

            if (state.isComplete) {
                state.finish();
                if (state.data !== Parser.fail) {
                    // complete
                    var wantedBy = state.wantedBy;
                    for (var i = wantedBy.length; i--; ) { // this line is hot
                        var left = wantedBy[i];
                        this.complete(left, state);
                    }

                    // special-case nullables
                    if (state.reference === this.index) {
                        // make sure future predictors of this rule get completed.
                        var exp = state.rule.name;
                        (this.completed[exp] = this.completed[exp] || []).push(state);
                    }
                }

            } else {
                // queue scannable states
                var exp = state.rule.symbols[state.dot];
                if (typeof exp !== 'string') {
                    this.scannable.push(state);
                    continue;
                }

                // predict
                if (wants[exp]) {
                    wants[exp].push(state);

                    if (completed.hasOwnProperty(exp)) {
                        var nulls = completed[exp];
                        for (var i = 0; i < nulls.length; i++) {
                            var right = nulls[i];
                            this.complete(state, right);
                        }
                    }
                } else {
                    wants[exp] = [state];
                    this.predict(exp);
                }
            }
        }
    }

    Column.prototype.predict = function(exp) {
        var rules = this.grammar.byName[exp] || [];

        for (var i = 0; i < rules.length; i++) {
            var r = rules[i];
            var wantedBy = this.wants[exp];
            var s = new State(r, 0, this.index, wantedBy);
            this.states.push(s);
        }
    }

    Column.prototype.complete = function(left, right) {
        var copy = left.nextState(right);
        this.states.push(copy);
    }


    function Grammar(rules, start) {
        this.rules = rules;
        this.start = start || this.rules[0].name;
        var byName = this.byName = {};
        this.rules.forEach(function(rule) {
            if (!byName.hasOwnProperty(rule.name)) {
                byName[rule.name] = [];
            }
            byName[rule.name].push(rule);
        });
    }

    // So we can allow passing (rules, start) directly to Parser for backwards compatibility
    Grammar.fromCompiled = function(rules, start) {
        var lexer = rules.Lexer;
        if (rules.ParserStart) {
          start = rules.ParserStart;
          rules = rules.ParserRules;
        }
        var rules = rules.map(function (r) { return (new Rule(r.name, r.symbols, r.postprocess)); });
        var g = new Grammar(rules, start);
        g.lexer = lexer; // nb. storing lexer on Grammar is iffy, but unavoidable
        return g;
    }


    function StreamLexer() {
      this.reset("");
    }

    StreamLexer.prototype.reset = function(data, state) {
        this.buffer = data;
        this.index = 0;
        this.line = state ? state.line : 1;
        this.lastLineBreak = state ? -state.col : 0;
    }

    StreamLexer.prototype.next = function() {
        if (this.index < this.buffer.length) {
            var ch = this.buffer[this.index++];
            if (ch === '\n') {
              this.line += 1;
              this.lastLineBreak = this.index;
            }
            return {value: ch};
        }
    }

    StreamLexer.prototype.save = function() {
      return {
        line: this.line,
        col: this.index - this.lastLineBreak,
      }
    }

    StreamLexer.prototype.formatError = function(token, message) {
        // nb. this gets called after consuming the offending token,
        // so the culprit is index-1
        var buffer = this.buffer;
        if (typeof buffer === 'string') {
            var lines = buffer
                .split("\n")
                .slice(
                    Math.max(0, this.line - 5), 
                    this.line
                );

            var nextLineBreak = buffer.indexOf('\n', this.index);
            if (nextLineBreak === -1) nextLineBreak = buffer.length;
            var col = this.index - this.lastLineBreak;
            var lastLineDigits = String(this.line).length;
            message += " at line " + this.line + " col " + col + ":\n\n";
            message += lines
                .map(function(line, i) {
                    return pad(this.line - lines.length + i + 1, lastLineDigits) + " " + line;
                }, this)
                .join("\n");
            message += "\n" + pad("", lastLineDigits + col) + "^\n";
            return message;
        } else {
            return message + " at index " + (this.index - 1);
        }

        function pad(n, length) {
            var s = String(n);
            return Array(length - s.length + 1).join(" ") + s;
        }
    }

    function Parser(rules, start, options) {
        if (rules instanceof Grammar) {
            var grammar = rules;
            var options = start;
        } else {
            var grammar = Grammar.fromCompiled(rules, start);
        }
        this.grammar = grammar;

        // Read options
        this.options = {
            keepHistory: false,
            lexer: grammar.lexer || new StreamLexer,
        };
        for (var key in (options || {})) {
            this.options[key] = options[key];
        }

        // Setup lexer
        this.lexer = this.options.lexer;
        this.lexerState = undefined;

        // Setup a table
        var column = new Column(grammar, 0);
        var table = this.table = [column];

        // I could be expecting anything.
        column.wants[grammar.start] = [];
        column.predict(grammar.start);
        // TODO what if start rule is nullable?
        column.process();
        this.current = 0; // token index
    }

    // create a reserved token for indicating a parse fail
    Parser.fail = {};

    Parser.prototype.feed = function(chunk) {
        var lexer = this.lexer;
        lexer.reset(chunk, this.lexerState);

        var token;
        while (true) {
            try {
                token = lexer.next();
                if (!token) {
                    break;
                }
            } catch (e) {
                // Create the next column so that the error reporter
                // can display the correctly predicted states.
                var nextColumn = new Column(this.grammar, this.current + 1);
                this.table.push(nextColumn);
                var err = new Error(this.reportLexerError(e));
                err.offset = this.current;
                err.token = e.token;
                throw err;
            }
            // We add new states to table[current+1]
            var column = this.table[this.current];

            // GC unused states
            if (!this.options.keepHistory) {
                delete this.table[this.current - 1];
            }

            var n = this.current + 1;
            var nextColumn = new Column(this.grammar, n);
            this.table.push(nextColumn);

            // Advance all tokens that expect the symbol
            var literal = token.text !== undefined ? token.text : token.value;
            var value = lexer.constructor === StreamLexer ? token.value : token;
            var scannable = column.scannable;
            for (var w = scannable.length; w--; ) {
                var state = scannable[w];
                var expect = state.rule.symbols[state.dot];
                // Try to consume the token
                // either regex or literal
                if (expect.test ? expect.test(value) :
                    expect.type ? expect.type === token.type
                                : expect.literal === literal) {
                    // Add it
                    var next = state.nextState({data: value, token: token, isToken: true, reference: n - 1});
                    nextColumn.states.push(next);
                }
            }

            // Next, for each of the rules, we either
            // (a) complete it, and try to see if the reference row expected that
            //     rule
            // (b) predict the next nonterminal it expects by adding that
            //     nonterminal's start state
            // To prevent duplication, we also keep track of rules we have already
            // added

            nextColumn.process();

            // If needed, throw an error:
            if (nextColumn.states.length === 0) {
                // No states at all! This is not good.
                var err = new Error(this.reportError(token));
                err.offset = this.current;
                err.token = token;
                throw err;
            }

            // maybe save lexer state
            if (this.options.keepHistory) {
              column.lexerState = lexer.save()
            }

            this.current++;
        }
        if (column) {
          this.lexerState = lexer.save()
        }

        // Incrementally keep track of results
        this.results = this.finish();

        // Allow chaining, for whatever it's worth
        return this;
    };

    Parser.prototype.reportLexerError = function(lexerError) {
        var tokenDisplay, lexerMessage;
        // Planning to add a token property to moo's thrown error
        // even on erroring tokens to be used in error display below
        var token = lexerError.token;
        if (token) {
            tokenDisplay = "input " + JSON.stringify(token.text[0]) + " (lexer error)";
            lexerMessage = this.lexer.formatError(token, "Syntax error");
        } else {
            tokenDisplay = "input (lexer error)";
            lexerMessage = lexerError.message;
        }
        return this.reportErrorCommon(lexerMessage, tokenDisplay);
    };

    Parser.prototype.reportError = function(token) {
        var tokenDisplay = (token.type ? token.type + " token: " : "") + JSON.stringify(token.value !== undefined ? token.value : token);
        var lexerMessage = this.lexer.formatError(token, "Syntax error");
        return this.reportErrorCommon(lexerMessage, tokenDisplay);
    };

    Parser.prototype.reportErrorCommon = function(lexerMessage, tokenDisplay) {
        var lines = [];
        lines.push(lexerMessage);
        var lastColumnIndex = this.table.length - 2;
        var lastColumn = this.table[lastColumnIndex];
        var expectantStates = lastColumn.states
            .filter(function(state) {
                var nextSymbol = state.rule.symbols[state.dot];
                return nextSymbol && typeof nextSymbol !== "string";
            });

        if (expectantStates.length === 0) {
            lines.push('Unexpected ' + tokenDisplay + '. I did not expect any more input. Here is the state of my parse table:\n');
            this.displayStateStack(lastColumn.states, lines);
        } else {
            lines.push('Unexpected ' + tokenDisplay + '. Instead, I was expecting to see one of the following:\n');
            // Display a "state stack" for each expectant state
            // - which shows you how this state came to be, step by step.
            // If there is more than one derivation, we only display the first one.
            var stateStacks = expectantStates
                .map(function(state) {
                    return this.buildFirstStateStack(state, []) || [state];
                }, this);
            // Display each state that is expecting a terminal symbol next.
            stateStacks.forEach(function(stateStack) {
                var state = stateStack[0];
                var nextSymbol = state.rule.symbols[state.dot];
                var symbolDisplay = this.getSymbolDisplay(nextSymbol);
                lines.push('A ' + symbolDisplay + ' based on:');
                this.displayStateStack(stateStack, lines);
            }, this);
        }
        lines.push("");
        return lines.join("\n");
    }
    
    Parser.prototype.displayStateStack = function(stateStack, lines) {
        var lastDisplay;
        var sameDisplayCount = 0;
        for (var j = 0; j < stateStack.length; j++) {
            var state = stateStack[j];
            var display = state.rule.toString(state.dot);
            if (display === lastDisplay) {
                sameDisplayCount++;
            } else {
                if (sameDisplayCount > 0) {
                    lines.push('    ^ ' + sameDisplayCount + ' more lines identical to this');
                }
                sameDisplayCount = 0;
                lines.push('    ' + display);
            }
            lastDisplay = display;
        }
    };

    Parser.prototype.getSymbolDisplay = function(symbol) {
        return getSymbolLongDisplay(symbol);
    };

    /*
    Builds a the first state stack. You can think of a state stack as the call stack
    of the recursive-descent parser which the Nearley parse algorithm simulates.
    A state stack is represented as an array of state objects. Within a
    state stack, the first item of the array will be the starting
    state, with each successive item in the array going further back into history.

    This function needs to be given a starting state and an empty array representing
    the visited states, and it returns an single state stack.

    */
    Parser.prototype.buildFirstStateStack = function(state, visited) {
        if (visited.indexOf(state) !== -1) {
            // Found cycle, return null
            // to eliminate this path from the results, because
            // we don't know how to display it meaningfully
            return null;
        }
        if (state.wantedBy.length === 0) {
            return [state];
        }
        var prevState = state.wantedBy[0];
        var childVisited = [state].concat(visited);
        var childResult = this.buildFirstStateStack(prevState, childVisited);
        if (childResult === null) {
            return null;
        }
        return [state].concat(childResult);
    };

    Parser.prototype.save = function() {
        var column = this.table[this.current];
        column.lexerState = this.lexerState;
        return column;
    };

    Parser.prototype.restore = function(column) {
        var index = column.index;
        this.current = index;
        this.table[index] = column;
        this.table.splice(index + 1);
        this.lexerState = column.lexerState;

        // Incrementally keep track of results
        this.results = this.finish();
    };

    // nb. deprecated: use save/restore instead!
    Parser.prototype.rewind = function(index) {
        if (!this.options.keepHistory) {
            throw new Error('set option `keepHistory` to enable rewinding')
        }
        // nb. recall column (table) indicies fall between token indicies.
        //        col 0   --   token 0   --   col 1
        this.restore(this.table[index]);
    };

    Parser.prototype.finish = function() {
        // Return the possible parsings
        var considerations = [];
        var start = this.grammar.start;
        var column = this.table[this.table.length - 1]
        column.states.forEach(function (t) {
            if (t.rule.name === start
                    && t.dot === t.rule.symbols.length
                    && t.reference === 0
                    && t.data !== Parser.fail) {
                considerations.push(t);
            }
        });
        return considerations.map(function(c) {return c.data; });
    };

    function getSymbolLongDisplay(symbol) {
        var type = typeof symbol;
        if (type === "string") {
            return symbol;
        } else if (type === "object") {
            if (symbol.literal) {
                return JSON.stringify(symbol.literal);
            } else if (symbol instanceof RegExp) {
                return 'character matching ' + symbol;
            } else if (symbol.type) {
                return symbol.type + ' token';
            } else if (symbol.test) {
                return 'token matching ' + String(symbol.test);
            } else {
                throw new Error('Unknown symbol type: ' + symbol);
            }
        }
    }

    function getSymbolShortDisplay(symbol) {
        var type = typeof symbol;
        if (type === "string") {
            return symbol;
        } else if (type === "object") {
            if (symbol.literal) {
                return JSON.stringify(symbol.literal);
            } else if (symbol instanceof RegExp) {
                return symbol.toString();
            } else if (symbol.type) {
                return '%' + symbol.type;
            } else if (symbol.test) {
                return '<' + String(symbol.test) + '>';
            } else {
                throw new Error('Unknown symbol type: ' + symbol);
            }
        }
    }

    return {
        Parser: Parser,
        Grammar: Grammar,
        Rule: Rule,
    };

}));


/***/ }),

/***/ 8328:
/***/ ((module) => {



/** Highest positive signed 32-bit float value */
const maxInt = 2147483647; // aka. 0x7FFFFFFF or 2^31-1

/** Bootstring parameters */
const base = 36;
const tMin = 1;
const tMax = 26;
const skew = 38;
const damp = 700;
const initialBias = 72;
const initialN = 128; // 0x80
const delimiter = '-'; // '\x2D'

/** Regular expressions */
const regexPunycode = /^xn--/;
const regexNonASCII = /[^\0-\x7F]/; // Note: U+007F DEL is excluded too.
const regexSeparators = /[\x2E\u3002\uFF0E\uFF61]/g; // RFC 3490 separators

/** Error messages */
const errors = {
	'overflow': 'Overflow: input needs wider integers to process',
	'not-basic': 'Illegal input >= 0x80 (not a basic code point)',
	'invalid-input': 'Invalid input'
};

/** Convenience shortcuts */
const baseMinusTMin = base - tMin;
const floor = Math.floor;
const stringFromCharCode = String.fromCharCode;

/*--------------------------------------------------------------------------*/

/**
 * A generic error utility function.
 * @private
 * @param {String} type The error type.
 * @returns {Error} Throws a `RangeError` with the applicable error message.
 */
function error(type) {
	throw new RangeError(errors[type]);
}

/**
 * A generic `Array#map` utility function.
 * @private
 * @param {Array} array The array to iterate over.
 * @param {Function} callback The function that gets called for every array
 * item.
 * @returns {Array} A new array of values returned by the callback function.
 */
function map(array, callback) {
	const result = [];
	let length = array.length;
	while (length--) {
		result[length] = callback(array[length]);
	}
	return result;
}

/**
 * A simple `Array#map`-like wrapper to work with domain name strings or email
 * addresses.
 * @private
 * @param {String} domain The domain name or email address.
 * @param {Function} callback The function that gets called for every
 * character.
 * @returns {String} A new string of characters returned by the callback
 * function.
 */
function mapDomain(domain, callback) {
	const parts = domain.split('@');
	let result = '';
	if (parts.length > 1) {
		// In email addresses, only the domain name should be punycoded. Leave
		// the local part (i.e. everything up to `@`) intact.
		result = parts[0] + '@';
		domain = parts[1];
	}
	// Avoid `split(regex)` for IE8 compatibility. See #17.
	domain = domain.replace(regexSeparators, '\x2E');
	const labels = domain.split('.');
	const encoded = map(labels, callback).join('.');
	return result + encoded;
}

/**
 * Creates an array containing the numeric code points of each Unicode
 * character in the string. While JavaScript uses UCS-2 internally,
 * this function will convert a pair of surrogate halves (each of which
 * UCS-2 exposes as separate characters) into a single code point,
 * matching UTF-16.
 * @see `punycode.ucs2.encode`
 * @see <https://mathiasbynens.be/notes/javascript-encoding>
 * @memberOf punycode.ucs2
 * @name decode
 * @param {String} string The Unicode input string (UCS-2).
 * @returns {Array} The new array of code points.
 */
function ucs2decode(string) {
	const output = [];
	let counter = 0;
	const length = string.length;
	while (counter < length) {
		const value = string.charCodeAt(counter++);
		if (value >= 0xD800 && value <= 0xDBFF && counter < length) {
			// It's a high surrogate, and there is a next character.
			const extra = string.charCodeAt(counter++);
			if ((extra & 0xFC00) == 0xDC00) { // Low surrogate.
				output.push(((value & 0x3FF) << 10) + (extra & 0x3FF) + 0x10000);
			} else {
				// It's an unmatched surrogate; only append this code unit, in case the
				// next code unit is the high surrogate of a surrogate pair.
				output.push(value);
				counter--;
			}
		} else {
			output.push(value);
		}
	}
	return output;
}

/**
 * Creates a string based on an array of numeric code points.
 * @see `punycode.ucs2.decode`
 * @memberOf punycode.ucs2
 * @name encode
 * @param {Array} codePoints The array of numeric code points.
 * @returns {String} The new Unicode string (UCS-2).
 */
const ucs2encode = codePoints => String.fromCodePoint(...codePoints);

/**
 * Converts a basic code point into a digit/integer.
 * @see `digitToBasic()`
 * @private
 * @param {Number} codePoint The basic numeric code point value.
 * @returns {Number} The numeric value of a basic code point (for use in
 * representing integers) in the range `0` to `base - 1`, or `base` if
 * the code point does not represent a value.
 */
const basicToDigit = function(codePoint) {
	if (codePoint >= 0x30 && codePoint < 0x3A) {
		return 26 + (codePoint - 0x30);
	}
	if (codePoint >= 0x41 && codePoint < 0x5B) {
		return codePoint - 0x41;
	}
	if (codePoint >= 0x61 && codePoint < 0x7B) {
		return codePoint - 0x61;
	}
	return base;
};

/**
 * Converts a digit/integer into a basic code point.
 * @see `basicToDigit()`
 * @private
 * @param {Number} digit The numeric value of a basic code point.
 * @returns {Number} The basic code point whose value (when used for
 * representing integers) is `digit`, which needs to be in the range
 * `0` to `base - 1`. If `flag` is non-zero, the uppercase form is
 * used; else, the lowercase form is used. The behavior is undefined
 * if `flag` is non-zero and `digit` has no uppercase form.
 */
const digitToBasic = function(digit, flag) {
	//  0..25 map to ASCII a..z or A..Z
	// 26..35 map to ASCII 0..9
	return digit + 22 + 75 * (digit < 26) - ((flag != 0) << 5);
};

/**
 * Bias adaptation function as per section 3.4 of RFC 3492.
 * https://tools.ietf.org/html/rfc3492#section-3.4
 * @private
 */
const adapt = function(delta, numPoints, firstTime) {
	let k = 0;
	delta = firstTime ? floor(delta / damp) : delta >> 1;
	delta += floor(delta / numPoints);
	for (/* no initialization */; delta > baseMinusTMin * tMax >> 1; k += base) {
		delta = floor(delta / baseMinusTMin);
	}
	return floor(k + (baseMinusTMin + 1) * delta / (delta + skew));
};

/**
 * Converts a Punycode string of ASCII-only symbols to a string of Unicode
 * symbols.
 * @memberOf punycode
 * @param {String} input The Punycode string of ASCII-only symbols.
 * @returns {String} The resulting string of Unicode symbols.
 */
const decode = function(input) {
	// Don't use UCS-2.
	const output = [];
	const inputLength = input.length;
	let i = 0;
	let n = initialN;
	let bias = initialBias;

	// Handle the basic code points: let `basic` be the number of input code
	// points before the last delimiter, or `0` if there is none, then copy
	// the first basic code points to the output.

	let basic = input.lastIndexOf(delimiter);
	if (basic < 0) {
		basic = 0;
	}

	for (let j = 0; j < basic; ++j) {
		// if it's not a basic code point
		if (input.charCodeAt(j) >= 0x80) {
			error('not-basic');
		}
		output.push(input.charCodeAt(j));
	}

	// Main decoding loop: start just after the last delimiter if any basic code
	// points were copied; start at the beginning otherwise.

	for (let index = basic > 0 ? basic + 1 : 0; index < inputLength; /* no final expression */) {

		// `index` is the index of the next character to be consumed.
		// Decode a generalized variable-length integer into `delta`,
		// which gets added to `i`. The overflow checking is easier
		// if we increase `i` as we go, then subtract off its starting
		// value at the end to obtain `delta`.
		const oldi = i;
		for (let w = 1, k = base; /* no condition */; k += base) {

			if (index >= inputLength) {
				error('invalid-input');
			}

			const digit = basicToDigit(input.charCodeAt(index++));

			if (digit >= base) {
				error('invalid-input');
			}
			if (digit > floor((maxInt - i) / w)) {
				error('overflow');
			}

			i += digit * w;
			const t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias);

			if (digit < t) {
				break;
			}

			const baseMinusT = base - t;
			if (w > floor(maxInt / baseMinusT)) {
				error('overflow');
			}

			w *= baseMinusT;

		}

		const out = output.length + 1;
		bias = adapt(i - oldi, out, oldi == 0);

		// `i` was supposed to wrap around from `out` to `0`,
		// incrementing `n` each time, so we'll fix that now:
		if (floor(i / out) > maxInt - n) {
			error('overflow');
		}

		n += floor(i / out);
		i %= out;

		// Insert `n` at position `i` of the output.
		output.splice(i++, 0, n);

	}

	return String.fromCodePoint(...output);
};

/**
 * Converts a string of Unicode symbols (e.g. a domain name label) to a
 * Punycode string of ASCII-only symbols.
 * @memberOf punycode
 * @param {String} input The string of Unicode symbols.
 * @returns {String} The resulting Punycode string of ASCII-only symbols.
 */
const encode = function(input) {
	const output = [];

	// Convert the input in UCS-2 to an array of Unicode code points.
	input = ucs2decode(input);

	// Cache the length.
	const inputLength = input.length;

	// Initialize the state.
	let n = initialN;
	let delta = 0;
	let bias = initialBias;

	// Handle the basic code points.
	for (const currentValue of input) {
		if (currentValue < 0x80) {
			output.push(stringFromCharCode(currentValue));
		}
	}

	const basicLength = output.length;
	let handledCPCount = basicLength;

	// `handledCPCount` is the number of code points that have been handled;
	// `basicLength` is the number of basic code points.

	// Finish the basic string with a delimiter unless it's empty.
	if (basicLength) {
		output.push(delimiter);
	}

	// Main encoding loop:
	while (handledCPCount < inputLength) {

		// All non-basic code points < n have been handled already. Find the next
		// larger one:
		let m = maxInt;
		for (const currentValue of input) {
			if (currentValue >= n && currentValue < m) {
				m = currentValue;
			}
		}

		// Increase `delta` enough to advance the decoder's <n,i> state to <m,0>,
		// but guard against overflow.
		const handledCPCountPlusOne = handledCPCount + 1;
		if (m - n > floor((maxInt - delta) / handledCPCountPlusOne)) {
			error('overflow');
		}

		delta += (m - n) * handledCPCountPlusOne;
		n = m;

		for (const currentValue of input) {
			if (currentValue < n && ++delta > maxInt) {
				error('overflow');
			}
			if (currentValue === n) {
				// Represent delta as a generalized variable-length integer.
				let q = delta;
				for (let k = base; /* no condition */; k += base) {
					const t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias);
					if (q < t) {
						break;
					}
					const qMinusT = q - t;
					const baseMinusT = base - t;
					output.push(
						stringFromCharCode(digitToBasic(t + qMinusT % baseMinusT, 0))
					);
					q = floor(qMinusT / baseMinusT);
				}

				output.push(stringFromCharCode(digitToBasic(q, 0)));
				bias = adapt(delta, handledCPCountPlusOne, handledCPCount === basicLength);
				delta = 0;
				++handledCPCount;
			}
		}

		++delta;
		++n;

	}
	return output.join('');
};

/**
 * Converts a Punycode string representing a domain name or an email address
 * to Unicode. Only the Punycoded parts of the input will be converted, i.e.
 * it doesn't matter if you call it on a string that has already been
 * converted to Unicode.
 * @memberOf punycode
 * @param {String} input The Punycoded domain name or email address to
 * convert to Unicode.
 * @returns {String} The Unicode representation of the given Punycode
 * string.
 */
const toUnicode = function(input) {
	return mapDomain(input, function(string) {
		return regexPunycode.test(string)
			? decode(string.slice(4).toLowerCase())
			: string;
	});
};

/**
 * Converts a Unicode string representing a domain name or an email address to
 * Punycode. Only the non-ASCII parts of the domain name will be converted,
 * i.e. it doesn't matter if you call it with a domain that's already in
 * ASCII.
 * @memberOf punycode
 * @param {String} input The domain name or email address to convert, as a
 * Unicode string.
 * @returns {String} The Punycode representation of the given domain name or
 * email address.
 */
const toASCII = function(input) {
	return mapDomain(input, function(string) {
		return regexNonASCII.test(string)
			? 'xn--' + encode(string)
			: string;
	});
};

/*--------------------------------------------------------------------------*/

/** Define the public API */
const punycode = {
	/**
	 * A string representing the current Punycode.js version number.
	 * @memberOf punycode
	 * @type String
	 */
	'version': '2.3.1',
	/**
	 * An object of methods to convert from JavaScript's internal character
	 * representation (UCS-2) to Unicode code points, and back.
	 * @see <https://mathiasbynens.be/notes/javascript-encoding>
	 * @memberOf punycode
	 * @type Object
	 */
	'ucs2': {
		'decode': ucs2decode,
		'encode': ucs2encode
	},
	'decode': decode,
	'encode': encode,
	'toASCII': toASCII,
	'toUnicode': toUnicode
};

module.exports = punycode;


/***/ }),

/***/ 8088:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



var extend = __webpack_require__(3860);

var data = {
  permanent: __webpack_require__(7364),
  provosional: __webpack_require__(852),
  historical: __webpack_require__(2798)
};

var allByName = {};

Object.keys(data).forEach(function (type) {
  data[type].forEach(function (schemeObj) {
    allByName[schemeObj.scheme] = extend(schemeObj, { type: type });
  });
});

data.unofficial = (__webpack_require__(3446).filter)(function (item) {
  return !allByName[item.scheme];
});

data.unofficial.forEach(function (schemeObj) {
  allByName[schemeObj.scheme] = extend(schemeObj, { type: 'unofficial' });
});


module.exports = extend(data, { allByName: allByName });


/***/ }),

/***/ 2305:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
// Generated automatically by nearley, version 2.20.1
// http://github.com/Hardmath123/nearley
// Bypasses TS6133. Allow declared but unused functions.
// @ts-ignore
function id(d) { return d[0]; }
const deepFlatten = (arr) => [].concat(...arr.map((v) => (Array.isArray(v) ? deepFlatten(v) : v)));
function flat_string(d) {
    if (d) {
        if (Array.isArray(d))
            return deepFlatten(d).join("");
        return d;
    }
    return "";
}
;
;
;
;
const grammar = {
    Lexer: undefined,
    ParserRules: [
        { "name": "Reverse_path", "symbols": ["Path"] },
        { "name": "Reverse_path$string$1", "symbols": [{ "literal": "<" }, { "literal": ">" }], "postprocess": (d) => d.join('') },
        { "name": "Reverse_path", "symbols": ["Reverse_path$string$1"] },
        { "name": "Forward_path$subexpression$1$subexpression$1", "symbols": [{ "literal": "<" }, /[pP]/, /[oO]/, /[sS]/, /[tT]/, /[mM]/, /[aA]/, /[sS]/, /[tT]/, /[eE]/, /[rR]/, { "literal": "@" }], "postprocess": function (d) { return d.join(""); } },
        { "name": "Forward_path$subexpression$1", "symbols": ["Forward_path$subexpression$1$subexpression$1", "Domain", { "literal": ">" }] },
        { "name": "Forward_path", "symbols": ["Forward_path$subexpression$1"] },
        { "name": "Forward_path$subexpression$2", "symbols": [{ "literal": "<" }, /[pP]/, /[oO]/, /[sS]/, /[tT]/, /[mM]/, /[aA]/, /[sS]/, /[tT]/, /[eE]/, /[rR]/, { "literal": ">" }], "postprocess": function (d) { return d.join(""); } },
        { "name": "Forward_path", "symbols": ["Forward_path$subexpression$2"] },
        { "name": "Forward_path", "symbols": ["Path"] },
        { "name": "Path$ebnf$1$subexpression$1", "symbols": ["A_d_l", { "literal": ":" }] },
        { "name": "Path$ebnf$1", "symbols": ["Path$ebnf$1$subexpression$1"], "postprocess": id },
        { "name": "Path$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "Path", "symbols": [{ "literal": "<" }, "Path$ebnf$1", "Mailbox", { "literal": ">" }] },
        { "name": "A_d_l$ebnf$1", "symbols": [] },
        { "name": "A_d_l$ebnf$1$subexpression$1", "symbols": [{ "literal": "," }, "At_domain"] },
        { "name": "A_d_l$ebnf$1", "symbols": ["A_d_l$ebnf$1", "A_d_l$ebnf$1$subexpression$1"], "postprocess": (d) => d[0].concat([d[1]]) },
        { "name": "A_d_l", "symbols": ["At_domain", "A_d_l$ebnf$1"] },
        { "name": "At_domain", "symbols": [{ "literal": "@" }, "Domain"] },
        { "name": "Domain$ebnf$1", "symbols": [] },
        { "name": "Domain$ebnf$1$subexpression$1", "symbols": [{ "literal": "." }, "sub_domain"] },
        { "name": "Domain$ebnf$1", "symbols": ["Domain$ebnf$1", "Domain$ebnf$1$subexpression$1"], "postprocess": (d) => d[0].concat([d[1]]) },
        { "name": "Domain", "symbols": ["sub_domain", "Domain$ebnf$1"] },
        { "name": "sub_domain", "symbols": ["U_label"] },
        { "name": "Let_dig", "symbols": ["ALPHA_DIGIT"], "postprocess": id },
        { "name": "Ldh_str$ebnf$1", "symbols": [] },
        { "name": "Ldh_str$ebnf$1", "symbols": ["Ldh_str$ebnf$1", "ALPHA_DIG_DASH"], "postprocess": (d) => d[0].concat([d[1]]) },
        { "name": "Ldh_str", "symbols": ["Ldh_str$ebnf$1", "Let_dig"] },
        { "name": "U_Let_dig", "symbols": ["ALPHA_DIGIT_U"], "postprocess": id },
        { "name": "U_Ldh_str$ebnf$1", "symbols": [] },
        { "name": "U_Ldh_str$ebnf$1", "symbols": ["U_Ldh_str$ebnf$1", "ALPHA_DIG_DASH_U"], "postprocess": (d) => d[0].concat([d[1]]) },
        { "name": "U_Ldh_str", "symbols": ["U_Ldh_str$ebnf$1", "U_Let_dig"] },
        { "name": "U_label$ebnf$1", "symbols": ["U_Ldh_str"], "postprocess": id },
        { "name": "U_label$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "U_label", "symbols": ["U_Let_dig", "U_label$ebnf$1"] },
        { "name": "address_literal$subexpression$1", "symbols": ["IPv4_address_literal"] },
        { "name": "address_literal$subexpression$1", "symbols": ["IPv6_address_literal"] },
        { "name": "address_literal", "symbols": [{ "literal": "[" }, "address_literal$subexpression$1", { "literal": "]" }] },
        { "name": "non_local_part", "symbols": ["Domain"], "postprocess": function (d) {
                return { DomainName: flat_string(d[0]) };
            }
        },
        { "name": "non_local_part", "symbols": ["address_literal"], "postprocess": function (d) {
                return { AddressLiteral: flat_string(d[0]) };
            }
        },
        { "name": "Mailbox", "symbols": ["Local_part", { "literal": "@" }, "non_local_part"], "postprocess": function (d) {
                return { localPart: flat_string(d[0]), domainPart: flat_string(d[2]) };
            }
        },
        { "name": "Local_part", "symbols": ["Dot_string"], "postprocess": function (d) {
                return { DotString: flat_string(d[0]) };
            }
        },
        { "name": "Local_part", "symbols": ["Quoted_string"], "postprocess": function (d) {
                return { QuotedString: flat_string(d[0]) };
            }
        },
        { "name": "Dot_string$ebnf$1", "symbols": [] },
        { "name": "Dot_string$ebnf$1$subexpression$1", "symbols": [{ "literal": "." }, "Atom"] },
        { "name": "Dot_string$ebnf$1", "symbols": ["Dot_string$ebnf$1", "Dot_string$ebnf$1$subexpression$1"], "postprocess": (d) => d[0].concat([d[1]]) },
        { "name": "Dot_string", "symbols": ["Atom", "Dot_string$ebnf$1"] },
        { "name": "Atom$ebnf$1", "symbols": [/[0-9A-Za-z!#$%&'*+\-/=?^_`{|}~\u0080-\uFFFF/]/] },
        { "name": "Atom$ebnf$1", "symbols": ["Atom$ebnf$1", /[0-9A-Za-z!#$%&'*+\-/=?^_`{|}~\u0080-\uFFFF/]/], "postprocess": (d) => d[0].concat([d[1]]) },
        { "name": "Atom", "symbols": ["Atom$ebnf$1"] },
        { "name": "Quoted_string$ebnf$1", "symbols": [] },
        { "name": "Quoted_string$ebnf$1", "symbols": ["Quoted_string$ebnf$1", "QcontentSMTP"], "postprocess": (d) => d[0].concat([d[1]]) },
        { "name": "Quoted_string", "symbols": ["DQUOTE", "Quoted_string$ebnf$1", "DQUOTE"] },
        { "name": "QcontentSMTP", "symbols": ["qtextSMTP"] },
        { "name": "QcontentSMTP", "symbols": ["quoted_pairSMTP"] },
        { "name": "quoted_pairSMTP", "symbols": [{ "literal": "\\" }, /[\x20-\x7e]/] },
        { "name": "qtextSMTP", "symbols": [/[\x20-\x21\x23-\x5b\x5d-\x7e\u0080-\uFFFF]/], "postprocess": id },
        { "name": "IPv4_address_literal$macrocall$2", "symbols": [{ "literal": "." }, "Snum"] },
        { "name": "IPv4_address_literal$macrocall$1", "symbols": ["IPv4_address_literal$macrocall$2", "IPv4_address_literal$macrocall$2", "IPv4_address_literal$macrocall$2"] },
        { "name": "IPv4_address_literal", "symbols": ["Snum", "IPv4_address_literal$macrocall$1"] },
        { "name": "IPv6_address_literal$subexpression$1", "symbols": [/[iI]/, /[pP]/, /[vV]/, { "literal": "6" }, { "literal": ":" }], "postprocess": function (d) { return d.join(""); } },
        { "name": "IPv6_address_literal", "symbols": ["IPv6_address_literal$subexpression$1", "IPv6_addr"] },
        { "name": "General_address_literal$ebnf$1", "symbols": ["dcontent"] },
        { "name": "General_address_literal$ebnf$1", "symbols": ["General_address_literal$ebnf$1", "dcontent"], "postprocess": (d) => d[0].concat([d[1]]) },
        { "name": "General_address_literal", "symbols": ["Standardized_tag", { "literal": ":" }, "General_address_literal$ebnf$1"] },
        { "name": "Standardized_tag", "symbols": ["Ldh_str"] },
        { "name": "dcontent", "symbols": [/[\x21-\x5a\x5e-\x7e]/], "postprocess": id },
        { "name": "Snum", "symbols": ["DIGIT"] },
        { "name": "Snum$subexpression$1", "symbols": [/[1-9]/, "DIGIT"] },
        { "name": "Snum", "symbols": ["Snum$subexpression$1"] },
        { "name": "Snum$subexpression$2", "symbols": [{ "literal": "1" }, "DIGIT", "DIGIT"] },
        { "name": "Snum", "symbols": ["Snum$subexpression$2"] },
        { "name": "Snum$subexpression$3", "symbols": [{ "literal": "2" }, /[0-4]/, "DIGIT"] },
        { "name": "Snum", "symbols": ["Snum$subexpression$3"] },
        { "name": "Snum$subexpression$4", "symbols": [{ "literal": "2" }, { "literal": "5" }, /[0-5]/] },
        { "name": "Snum", "symbols": ["Snum$subexpression$4"] },
        { "name": "IPv6_addr$macrocall$2", "symbols": ["h16", { "literal": ":" }] },
        { "name": "IPv6_addr$macrocall$1", "symbols": ["IPv6_addr$macrocall$2", "IPv6_addr$macrocall$2", "IPv6_addr$macrocall$2", "IPv6_addr$macrocall$2", "IPv6_addr$macrocall$2", "IPv6_addr$macrocall$2"] },
        { "name": "IPv6_addr", "symbols": ["IPv6_addr$macrocall$1", "ls32"] },
        { "name": "IPv6_addr$string$1", "symbols": [{ "literal": ":" }, { "literal": ":" }], "postprocess": (d) => d.join('') },
        { "name": "IPv6_addr$macrocall$4", "symbols": ["h16", { "literal": ":" }] },
        { "name": "IPv6_addr$macrocall$3", "symbols": ["IPv6_addr$macrocall$4", "IPv6_addr$macrocall$4", "IPv6_addr$macrocall$4", "IPv6_addr$macrocall$4", "IPv6_addr$macrocall$4"] },
        { "name": "IPv6_addr", "symbols": ["IPv6_addr$string$1", "IPv6_addr$macrocall$3", "ls32"] },
        { "name": "IPv6_addr$ebnf$1$subexpression$1", "symbols": ["h16"] },
        { "name": "IPv6_addr$ebnf$1", "symbols": ["IPv6_addr$ebnf$1$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$string$2", "symbols": [{ "literal": ":" }, { "literal": ":" }], "postprocess": (d) => d.join('') },
        { "name": "IPv6_addr$macrocall$6", "symbols": ["h16", { "literal": ":" }] },
        { "name": "IPv6_addr$macrocall$5", "symbols": ["IPv6_addr$macrocall$6", "IPv6_addr$macrocall$6", "IPv6_addr$macrocall$6", "IPv6_addr$macrocall$6"] },
        { "name": "IPv6_addr", "symbols": ["IPv6_addr$ebnf$1", "IPv6_addr$string$2", "IPv6_addr$macrocall$5", "ls32"] },
        { "name": "IPv6_addr$ebnf$2$subexpression$1$macrocall$2", "symbols": ["h16", { "literal": ":" }] },
        { "name": "IPv6_addr$ebnf$2$subexpression$1$macrocall$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$2$subexpression$1$macrocall$2"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$2$subexpression$1$macrocall$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$2$subexpression$1$macrocall$1", "symbols": ["IPv6_addr$ebnf$2$subexpression$1$macrocall$1$ebnf$1"] },
        { "name": "IPv6_addr$ebnf$2$subexpression$1", "symbols": ["IPv6_addr$ebnf$2$subexpression$1$macrocall$1", "h16"] },
        { "name": "IPv6_addr$ebnf$2", "symbols": ["IPv6_addr$ebnf$2$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$2", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$string$3", "symbols": [{ "literal": ":" }, { "literal": ":" }], "postprocess": (d) => d.join('') },
        { "name": "IPv6_addr$macrocall$8", "symbols": ["h16", { "literal": ":" }] },
        { "name": "IPv6_addr$macrocall$7", "symbols": ["IPv6_addr$macrocall$8", "IPv6_addr$macrocall$8", "IPv6_addr$macrocall$8"] },
        { "name": "IPv6_addr", "symbols": ["IPv6_addr$ebnf$2", "IPv6_addr$string$3", "IPv6_addr$macrocall$7", "ls32"] },
        { "name": "IPv6_addr$ebnf$3$subexpression$1$macrocall$2", "symbols": ["h16", { "literal": ":" }] },
        { "name": "IPv6_addr$ebnf$3$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$3$subexpression$1$macrocall$2"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$3$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$3$subexpression$1$macrocall$1$ebnf$1$subexpression$1", "symbols": ["IPv6_addr$ebnf$3$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1", "IPv6_addr$ebnf$3$subexpression$1$macrocall$2"] },
        { "name": "IPv6_addr$ebnf$3$subexpression$1$macrocall$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$3$subexpression$1$macrocall$1$ebnf$1$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$3$subexpression$1$macrocall$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$3$subexpression$1$macrocall$1", "symbols": ["IPv6_addr$ebnf$3$subexpression$1$macrocall$1$ebnf$1"] },
        { "name": "IPv6_addr$ebnf$3$subexpression$1", "symbols": ["IPv6_addr$ebnf$3$subexpression$1$macrocall$1", "h16"] },
        { "name": "IPv6_addr$ebnf$3", "symbols": ["IPv6_addr$ebnf$3$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$3", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$string$4", "symbols": [{ "literal": ":" }, { "literal": ":" }], "postprocess": (d) => d.join('') },
        { "name": "IPv6_addr$macrocall$10", "symbols": ["h16", { "literal": ":" }] },
        { "name": "IPv6_addr$macrocall$9", "symbols": ["IPv6_addr$macrocall$10", "IPv6_addr$macrocall$10"] },
        { "name": "IPv6_addr", "symbols": ["IPv6_addr$ebnf$3", "IPv6_addr$string$4", "IPv6_addr$macrocall$9", "ls32"] },
        { "name": "IPv6_addr$ebnf$4$subexpression$1$macrocall$2", "symbols": ["h16", { "literal": ":" }] },
        { "name": "IPv6_addr$ebnf$4$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$4$subexpression$1$macrocall$2"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$4$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$4$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1", "symbols": ["IPv6_addr$ebnf$4$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "IPv6_addr$ebnf$4$subexpression$1$macrocall$2"] },
        { "name": "IPv6_addr$ebnf$4$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$4$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$4$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$4$subexpression$1$macrocall$1$ebnf$1$subexpression$1", "symbols": ["IPv6_addr$ebnf$4$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1", "IPv6_addr$ebnf$4$subexpression$1$macrocall$2"] },
        { "name": "IPv6_addr$ebnf$4$subexpression$1$macrocall$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$4$subexpression$1$macrocall$1$ebnf$1$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$4$subexpression$1$macrocall$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$4$subexpression$1$macrocall$1", "symbols": ["IPv6_addr$ebnf$4$subexpression$1$macrocall$1$ebnf$1"] },
        { "name": "IPv6_addr$ebnf$4$subexpression$1", "symbols": ["IPv6_addr$ebnf$4$subexpression$1$macrocall$1", "h16"] },
        { "name": "IPv6_addr$ebnf$4", "symbols": ["IPv6_addr$ebnf$4$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$4", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$string$5", "symbols": [{ "literal": ":" }, { "literal": ":" }], "postprocess": (d) => d.join('') },
        { "name": "IPv6_addr", "symbols": ["IPv6_addr$ebnf$4", "IPv6_addr$string$5", "h16", { "literal": ":" }, "ls32"] },
        { "name": "IPv6_addr$ebnf$5$subexpression$1$macrocall$2", "symbols": ["h16", { "literal": ":" }] },
        { "name": "IPv6_addr$ebnf$5$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$5$subexpression$1$macrocall$2"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$5$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$5$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1", "symbols": ["IPv6_addr$ebnf$5$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "IPv6_addr$ebnf$5$subexpression$1$macrocall$2"] },
        { "name": "IPv6_addr$ebnf$5$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$5$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$5$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$5$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1", "symbols": ["IPv6_addr$ebnf$5$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "IPv6_addr$ebnf$5$subexpression$1$macrocall$2"] },
        { "name": "IPv6_addr$ebnf$5$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$5$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$5$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$5$subexpression$1$macrocall$1$ebnf$1$subexpression$1", "symbols": ["IPv6_addr$ebnf$5$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1", "IPv6_addr$ebnf$5$subexpression$1$macrocall$2"] },
        { "name": "IPv6_addr$ebnf$5$subexpression$1$macrocall$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$5$subexpression$1$macrocall$1$ebnf$1$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$5$subexpression$1$macrocall$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$5$subexpression$1$macrocall$1", "symbols": ["IPv6_addr$ebnf$5$subexpression$1$macrocall$1$ebnf$1"] },
        { "name": "IPv6_addr$ebnf$5$subexpression$1", "symbols": ["IPv6_addr$ebnf$5$subexpression$1$macrocall$1", "h16"] },
        { "name": "IPv6_addr$ebnf$5", "symbols": ["IPv6_addr$ebnf$5$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$5", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$string$6", "symbols": [{ "literal": ":" }, { "literal": ":" }], "postprocess": (d) => d.join('') },
        { "name": "IPv6_addr", "symbols": ["IPv6_addr$ebnf$5", "IPv6_addr$string$6", "ls32"] },
        { "name": "IPv6_addr$ebnf$6$subexpression$1$macrocall$2", "symbols": ["h16", { "literal": ":" }] },
        { "name": "IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$6$subexpression$1$macrocall$2"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1", "symbols": ["IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "IPv6_addr$ebnf$6$subexpression$1$macrocall$2"] },
        { "name": "IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1", "symbols": ["IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "IPv6_addr$ebnf$6$subexpression$1$macrocall$2"] },
        { "name": "IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1", "symbols": ["IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "IPv6_addr$ebnf$6$subexpression$1$macrocall$2"] },
        { "name": "IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1", "symbols": ["IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1", "IPv6_addr$ebnf$6$subexpression$1$macrocall$2"] },
        { "name": "IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$6$subexpression$1$macrocall$1", "symbols": ["IPv6_addr$ebnf$6$subexpression$1$macrocall$1$ebnf$1"] },
        { "name": "IPv6_addr$ebnf$6$subexpression$1", "symbols": ["IPv6_addr$ebnf$6$subexpression$1$macrocall$1", "h16"] },
        { "name": "IPv6_addr$ebnf$6", "symbols": ["IPv6_addr$ebnf$6$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$6", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$string$7", "symbols": [{ "literal": ":" }, { "literal": ":" }], "postprocess": (d) => d.join('') },
        { "name": "IPv6_addr", "symbols": ["IPv6_addr$ebnf$6", "IPv6_addr$string$7", "h16"] },
        { "name": "IPv6_addr$ebnf$7$subexpression$1$macrocall$2", "symbols": ["h16", { "literal": ":" }] },
        { "name": "IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$7$subexpression$1$macrocall$2"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1", "symbols": ["IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "IPv6_addr$ebnf$7$subexpression$1$macrocall$2"] },
        { "name": "IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1", "symbols": ["IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "IPv6_addr$ebnf$7$subexpression$1$macrocall$2"] },
        { "name": "IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1", "symbols": ["IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "IPv6_addr$ebnf$7$subexpression$1$macrocall$2"] },
        { "name": "IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1", "symbols": ["IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1$ebnf$1", "IPv6_addr$ebnf$7$subexpression$1$macrocall$2"] },
        { "name": "IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1", "symbols": ["IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1$ebnf$1", "IPv6_addr$ebnf$7$subexpression$1$macrocall$2"] },
        { "name": "IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1", "symbols": ["IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$ebnf$7$subexpression$1$macrocall$1", "symbols": ["IPv6_addr$ebnf$7$subexpression$1$macrocall$1$ebnf$1"] },
        { "name": "IPv6_addr$ebnf$7$subexpression$1", "symbols": ["IPv6_addr$ebnf$7$subexpression$1$macrocall$1", "h16"] },
        { "name": "IPv6_addr$ebnf$7", "symbols": ["IPv6_addr$ebnf$7$subexpression$1"], "postprocess": id },
        { "name": "IPv6_addr$ebnf$7", "symbols": [], "postprocess": () => null },
        { "name": "IPv6_addr$string$8", "symbols": [{ "literal": ":" }, { "literal": ":" }], "postprocess": (d) => d.join('') },
        { "name": "IPv6_addr", "symbols": ["IPv6_addr$ebnf$7", "IPv6_addr$string$8"] },
        { "name": "ls32$subexpression$1", "symbols": ["h16", { "literal": ":" }, "h16"] },
        { "name": "ls32", "symbols": ["ls32$subexpression$1"] },
        { "name": "ls32", "symbols": ["IPv4_address_literal"] },
        { "name": "h16$macrocall$2", "symbols": ["HEXDIG"] },
        { "name": "h16$macrocall$1", "symbols": ["h16$macrocall$2", "h16$macrocall$2", "h16$macrocall$2", "h16$macrocall$2"] },
        { "name": "h16", "symbols": ["h16$macrocall$1"] },
        { "name": "h16$macrocall$4", "symbols": ["HEXDIG"] },
        { "name": "h16$macrocall$3", "symbols": ["h16$macrocall$4", "h16$macrocall$4", "h16$macrocall$4"] },
        { "name": "h16", "symbols": ["h16$macrocall$3"] },
        { "name": "h16$macrocall$6", "symbols": ["HEXDIG"] },
        { "name": "h16$macrocall$5", "symbols": ["h16$macrocall$6", "h16$macrocall$6"] },
        { "name": "h16", "symbols": ["h16$macrocall$5"] },
        { "name": "h16", "symbols": ["HEXDIG"] },
        { "name": "DIGIT", "symbols": [/[0-9]/], "postprocess": id },
        { "name": "ALPHA_DIGIT_U", "symbols": [/[0-9A-Za-z\u0080-\uFFFF]/], "postprocess": id },
        { "name": "ALPHA_DIGIT", "symbols": [/[0-9A-Za-z]/], "postprocess": id },
        { "name": "ALPHA_DIG_DASH", "symbols": [/[-0-9A-Za-z]/], "postprocess": id },
        { "name": "ALPHA_DIG_DASH_U", "symbols": [/[-0-9A-Za-z\u0080-\uFFFF]/], "postprocess": id },
        { "name": "HEXDIG", "symbols": [/[0-9A-Fa-f]/], "postprocess": id },
        { "name": "DQUOTE", "symbols": [{ "literal": "\"" }], "postprocess": id }
    ],
    ParserStart: "Reverse_path",
};
exports["default"] = grammar;
//# sourceMappingURL=grammar.js.map

/***/ }),

/***/ 4456:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.canonicalize = exports.canonicalize_quoted_string = exports.normalize = exports.normalize_dot_string = exports.parse = void 0;
// const punycode = require('punycode');
const nearley = __webpack_require__(1400);
const grammar_1 = __importDefault(__webpack_require__(2305));
grammar_1.default.ParserStart = "Mailbox";
const grammar = nearley.Grammar.fromCompiled(grammar_1.default);
// <https://tools.ietf.org/html/rfc5321#section-4.1.2>
function parse(address) {
    // An insane length, to protect the parsing code from huge input. SMTP line limit, minus command size.
    const insane_length = 1000 - "MAIL FROM:<>\r\n".length;
    if (address.length > insane_length) {
        throw new Error("address too long");
    }
    const parser = new nearley.Parser(grammar);
    parser.feed(address);
    if (parser.results.length !== 1) {
        throw new Error("address parsing failed: ambiguous grammar");
    }
    // Domain checks
    const at_idx = address.lastIndexOf('@'); // must be found, since parse was successful
    const domain = address.substring(at_idx + 1);
    if (domain[0] !== '[') { // Not an address literal
        if (domain.length > 253) {
            throw new Error("domain too long");
        }
        const labels = domain.split(".");
        if (labels.length < 2) {
            throw new Error("domain not fully qualified");
        }
        if (labels[labels.length - 1].length < 2) {
            throw new Error("top level domain label too short");
        }
        labels.sort(function (a, b) {
            return b.length - a.length;
        });
        if (labels[0].length > 63) {
            throw new Error("domain label too long");
        }
    }
    return parser.results[0];
}
exports.parse = parse;
/** Strip +something, strip '.'s, and map to lower case.
 */
function normalize_dot_string(dot_string) {
    const tagless = (function () {
        const plus_loc = dot_string.indexOf("+");
        if (plus_loc === -1) {
            return dot_string;
        }
        return dot_string.substr(0, plus_loc);
    })();
    const dotless = tagless.replace(/\./g, "");
    return dotless.toLowerCase();
}
exports.normalize_dot_string = normalize_dot_string;
/** The G style address normalization.
 */
function normalize(address) {
    var _a, _b;
    const a = parse(address);
    const domain = (_a = a.domainPart.AddressLiteral) !== null && _a !== void 0 ? _a : a.domainPart.DomainName.toLowerCase();
    const local = (_b = a.localPart.QuotedString) !== null && _b !== void 0 ? _b : normalize_dot_string(a.localPart.DotString);
    return `${local}@${domain}`;
}
exports.normalize = normalize;
function canonicalize_quoted_string(quoted_string) {
    const unquoted = quoted_string.substr(1).substr(0, quoted_string.length - 2);
    const unescaped = unquoted.replace(/(?:\\(.))/g, "$1");
    const reescaped = unescaped.replace(/(?:(["\\]))/g, "\\$1");
    return `"${reescaped}"`; // re-quote
}
exports.canonicalize_quoted_string = canonicalize_quoted_string;
/**
 * Apply a canonicalization consistent with standards to support
 * comparison as a string.
 */
function canonicalize(address) {
    var _a;
    const a = parse(address);
    const domain = (_a = a.domainPart.AddressLiteral) !== null && _a !== void 0 ? _a : a.domainPart.DomainName.toLowerCase();
    const local = a.localPart.QuotedString
        ? canonicalize_quoted_string(a.localPart.QuotedString)
        : a.localPart.DotString;
    return `${local}@${domain}`;
}
exports.canonicalize = canonicalize;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 2084:
/***/ (function(__unused_webpack_module, exports) {

/** @license URI.js v4.4.1 (c) 2011 Gary Court. License: http://github.com/garycourt/uri-js */
(function (global, factory) {
	 true ? factory(exports) :
	0;
}(this, (function (exports) { 'use strict';

function merge() {
    for (var _len = arguments.length, sets = Array(_len), _key = 0; _key < _len; _key++) {
        sets[_key] = arguments[_key];
    }

    if (sets.length > 1) {
        sets[0] = sets[0].slice(0, -1);
        var xl = sets.length - 1;
        for (var x = 1; x < xl; ++x) {
            sets[x] = sets[x].slice(1, -1);
        }
        sets[xl] = sets[xl].slice(1);
        return sets.join('');
    } else {
        return sets[0];
    }
}
function subexp(str) {
    return "(?:" + str + ")";
}
function typeOf(o) {
    return o === undefined ? "undefined" : o === null ? "null" : Object.prototype.toString.call(o).split(" ").pop().split("]").shift().toLowerCase();
}
function toUpperCase(str) {
    return str.toUpperCase();
}
function toArray(obj) {
    return obj !== undefined && obj !== null ? obj instanceof Array ? obj : typeof obj.length !== "number" || obj.split || obj.setInterval || obj.call ? [obj] : Array.prototype.slice.call(obj) : [];
}
function assign(target, source) {
    var obj = target;
    if (source) {
        for (var key in source) {
            obj[key] = source[key];
        }
    }
    return obj;
}

function buildExps(isIRI) {
    var ALPHA$$ = "[A-Za-z]",
        CR$ = "[\\x0D]",
        DIGIT$$ = "[0-9]",
        DQUOTE$$ = "[\\x22]",
        HEXDIG$$ = merge(DIGIT$$, "[A-Fa-f]"),
        //case-insensitive
    LF$$ = "[\\x0A]",
        SP$$ = "[\\x20]",
        PCT_ENCODED$ = subexp(subexp("%[EFef]" + HEXDIG$$ + "%" + HEXDIG$$ + HEXDIG$$ + "%" + HEXDIG$$ + HEXDIG$$) + "|" + subexp("%[89A-Fa-f]" + HEXDIG$$ + "%" + HEXDIG$$ + HEXDIG$$) + "|" + subexp("%" + HEXDIG$$ + HEXDIG$$)),
        //expanded
    GEN_DELIMS$$ = "[\\:\\/\\?\\#\\[\\]\\@]",
        SUB_DELIMS$$ = "[\\!\\$\\&\\'\\(\\)\\*\\+\\,\\;\\=]",
        RESERVED$$ = merge(GEN_DELIMS$$, SUB_DELIMS$$),
        UCSCHAR$$ = isIRI ? "[\\xA0-\\u200D\\u2010-\\u2029\\u202F-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFEF]" : "[]",
        //subset, excludes bidi control characters
    IPRIVATE$$ = isIRI ? "[\\uE000-\\uF8FF]" : "[]",
        //subset
    UNRESERVED$$ = merge(ALPHA$$, DIGIT$$, "[\\-\\.\\_\\~]", UCSCHAR$$),
        SCHEME$ = subexp(ALPHA$$ + merge(ALPHA$$, DIGIT$$, "[\\+\\-\\.]") + "*"),
        USERINFO$ = subexp(subexp(PCT_ENCODED$ + "|" + merge(UNRESERVED$$, SUB_DELIMS$$, "[\\:]")) + "*"),
        DEC_OCTET$ = subexp(subexp("25[0-5]") + "|" + subexp("2[0-4]" + DIGIT$$) + "|" + subexp("1" + DIGIT$$ + DIGIT$$) + "|" + subexp("[1-9]" + DIGIT$$) + "|" + DIGIT$$),
        DEC_OCTET_RELAXED$ = subexp(subexp("25[0-5]") + "|" + subexp("2[0-4]" + DIGIT$$) + "|" + subexp("1" + DIGIT$$ + DIGIT$$) + "|" + subexp("0?[1-9]" + DIGIT$$) + "|0?0?" + DIGIT$$),
        //relaxed parsing rules
    IPV4ADDRESS$ = subexp(DEC_OCTET_RELAXED$ + "\\." + DEC_OCTET_RELAXED$ + "\\." + DEC_OCTET_RELAXED$ + "\\." + DEC_OCTET_RELAXED$),
        H16$ = subexp(HEXDIG$$ + "{1,4}"),
        LS32$ = subexp(subexp(H16$ + "\\:" + H16$) + "|" + IPV4ADDRESS$),
        IPV6ADDRESS1$ = subexp(subexp(H16$ + "\\:") + "{6}" + LS32$),
        //                           6( h16 ":" ) ls32
    IPV6ADDRESS2$ = subexp("\\:\\:" + subexp(H16$ + "\\:") + "{5}" + LS32$),
        //                      "::" 5( h16 ":" ) ls32
    IPV6ADDRESS3$ = subexp(subexp(H16$) + "?\\:\\:" + subexp(H16$ + "\\:") + "{4}" + LS32$),
        //[               h16 ] "::" 4( h16 ":" ) ls32
    IPV6ADDRESS4$ = subexp(subexp(subexp(H16$ + "\\:") + "{0,1}" + H16$) + "?\\:\\:" + subexp(H16$ + "\\:") + "{3}" + LS32$),
        //[ *1( h16 ":" ) h16 ] "::" 3( h16 ":" ) ls32
    IPV6ADDRESS5$ = subexp(subexp(subexp(H16$ + "\\:") + "{0,2}" + H16$) + "?\\:\\:" + subexp(H16$ + "\\:") + "{2}" + LS32$),
        //[ *2( h16 ":" ) h16 ] "::" 2( h16 ":" ) ls32
    IPV6ADDRESS6$ = subexp(subexp(subexp(H16$ + "\\:") + "{0,3}" + H16$) + "?\\:\\:" + H16$ + "\\:" + LS32$),
        //[ *3( h16 ":" ) h16 ] "::"    h16 ":"   ls32
    IPV6ADDRESS7$ = subexp(subexp(subexp(H16$ + "\\:") + "{0,4}" + H16$) + "?\\:\\:" + LS32$),
        //[ *4( h16 ":" ) h16 ] "::"              ls32
    IPV6ADDRESS8$ = subexp(subexp(subexp(H16$ + "\\:") + "{0,5}" + H16$) + "?\\:\\:" + H16$),
        //[ *5( h16 ":" ) h16 ] "::"              h16
    IPV6ADDRESS9$ = subexp(subexp(subexp(H16$ + "\\:") + "{0,6}" + H16$) + "?\\:\\:"),
        //[ *6( h16 ":" ) h16 ] "::"
    IPV6ADDRESS$ = subexp([IPV6ADDRESS1$, IPV6ADDRESS2$, IPV6ADDRESS3$, IPV6ADDRESS4$, IPV6ADDRESS5$, IPV6ADDRESS6$, IPV6ADDRESS7$, IPV6ADDRESS8$, IPV6ADDRESS9$].join("|")),
        ZONEID$ = subexp(subexp(UNRESERVED$$ + "|" + PCT_ENCODED$) + "+"),
        //RFC 6874
    IPV6ADDRZ$ = subexp(IPV6ADDRESS$ + "\\%25" + ZONEID$),
        //RFC 6874
    IPV6ADDRZ_RELAXED$ = subexp(IPV6ADDRESS$ + subexp("\\%25|\\%(?!" + HEXDIG$$ + "{2})") + ZONEID$),
        //RFC 6874, with relaxed parsing rules
    IPVFUTURE$ = subexp("[vV]" + HEXDIG$$ + "+\\." + merge(UNRESERVED$$, SUB_DELIMS$$, "[\\:]") + "+"),
        IP_LITERAL$ = subexp("\\[" + subexp(IPV6ADDRZ_RELAXED$ + "|" + IPV6ADDRESS$ + "|" + IPVFUTURE$) + "\\]"),
        //RFC 6874
    REG_NAME$ = subexp(subexp(PCT_ENCODED$ + "|" + merge(UNRESERVED$$, SUB_DELIMS$$)) + "*"),
        HOST$ = subexp(IP_LITERAL$ + "|" + IPV4ADDRESS$ + "(?!" + REG_NAME$ + ")" + "|" + REG_NAME$),
        PORT$ = subexp(DIGIT$$ + "*"),
        AUTHORITY$ = subexp(subexp(USERINFO$ + "@") + "?" + HOST$ + subexp("\\:" + PORT$) + "?"),
        PCHAR$ = subexp(PCT_ENCODED$ + "|" + merge(UNRESERVED$$, SUB_DELIMS$$, "[\\:\\@]")),
        SEGMENT$ = subexp(PCHAR$ + "*"),
        SEGMENT_NZ$ = subexp(PCHAR$ + "+"),
        SEGMENT_NZ_NC$ = subexp(subexp(PCT_ENCODED$ + "|" + merge(UNRESERVED$$, SUB_DELIMS$$, "[\\@]")) + "+"),
        PATH_ABEMPTY$ = subexp(subexp("\\/" + SEGMENT$) + "*"),
        PATH_ABSOLUTE$ = subexp("\\/" + subexp(SEGMENT_NZ$ + PATH_ABEMPTY$) + "?"),
        //simplified
    PATH_NOSCHEME$ = subexp(SEGMENT_NZ_NC$ + PATH_ABEMPTY$),
        //simplified
    PATH_ROOTLESS$ = subexp(SEGMENT_NZ$ + PATH_ABEMPTY$),
        //simplified
    PATH_EMPTY$ = "(?!" + PCHAR$ + ")",
        PATH$ = subexp(PATH_ABEMPTY$ + "|" + PATH_ABSOLUTE$ + "|" + PATH_NOSCHEME$ + "|" + PATH_ROOTLESS$ + "|" + PATH_EMPTY$),
        QUERY$ = subexp(subexp(PCHAR$ + "|" + merge("[\\/\\?]", IPRIVATE$$)) + "*"),
        FRAGMENT$ = subexp(subexp(PCHAR$ + "|[\\/\\?]") + "*"),
        HIER_PART$ = subexp(subexp("\\/\\/" + AUTHORITY$ + PATH_ABEMPTY$) + "|" + PATH_ABSOLUTE$ + "|" + PATH_ROOTLESS$ + "|" + PATH_EMPTY$),
        URI$ = subexp(SCHEME$ + "\\:" + HIER_PART$ + subexp("\\?" + QUERY$) + "?" + subexp("\\#" + FRAGMENT$) + "?"),
        RELATIVE_PART$ = subexp(subexp("\\/\\/" + AUTHORITY$ + PATH_ABEMPTY$) + "|" + PATH_ABSOLUTE$ + "|" + PATH_NOSCHEME$ + "|" + PATH_EMPTY$),
        RELATIVE$ = subexp(RELATIVE_PART$ + subexp("\\?" + QUERY$) + "?" + subexp("\\#" + FRAGMENT$) + "?"),
        URI_REFERENCE$ = subexp(URI$ + "|" + RELATIVE$),
        ABSOLUTE_URI$ = subexp(SCHEME$ + "\\:" + HIER_PART$ + subexp("\\?" + QUERY$) + "?"),
        GENERIC_REF$ = "^(" + SCHEME$ + ")\\:" + subexp(subexp("\\/\\/(" + subexp("(" + USERINFO$ + ")@") + "?(" + HOST$ + ")" + subexp("\\:(" + PORT$ + ")") + "?)") + "?(" + PATH_ABEMPTY$ + "|" + PATH_ABSOLUTE$ + "|" + PATH_ROOTLESS$ + "|" + PATH_EMPTY$ + ")") + subexp("\\?(" + QUERY$ + ")") + "?" + subexp("\\#(" + FRAGMENT$ + ")") + "?$",
        RELATIVE_REF$ = "^(){0}" + subexp(subexp("\\/\\/(" + subexp("(" + USERINFO$ + ")@") + "?(" + HOST$ + ")" + subexp("\\:(" + PORT$ + ")") + "?)") + "?(" + PATH_ABEMPTY$ + "|" + PATH_ABSOLUTE$ + "|" + PATH_NOSCHEME$ + "|" + PATH_EMPTY$ + ")") + subexp("\\?(" + QUERY$ + ")") + "?" + subexp("\\#(" + FRAGMENT$ + ")") + "?$",
        ABSOLUTE_REF$ = "^(" + SCHEME$ + ")\\:" + subexp(subexp("\\/\\/(" + subexp("(" + USERINFO$ + ")@") + "?(" + HOST$ + ")" + subexp("\\:(" + PORT$ + ")") + "?)") + "?(" + PATH_ABEMPTY$ + "|" + PATH_ABSOLUTE$ + "|" + PATH_ROOTLESS$ + "|" + PATH_EMPTY$ + ")") + subexp("\\?(" + QUERY$ + ")") + "?$",
        SAMEDOC_REF$ = "^" + subexp("\\#(" + FRAGMENT$ + ")") + "?$",
        AUTHORITY_REF$ = "^" + subexp("(" + USERINFO$ + ")@") + "?(" + HOST$ + ")" + subexp("\\:(" + PORT$ + ")") + "?$";
    return {
        NOT_SCHEME: new RegExp(merge("[^]", ALPHA$$, DIGIT$$, "[\\+\\-\\.]"), "g"),
        NOT_USERINFO: new RegExp(merge("[^\\%\\:]", UNRESERVED$$, SUB_DELIMS$$), "g"),
        NOT_HOST: new RegExp(merge("[^\\%\\[\\]\\:]", UNRESERVED$$, SUB_DELIMS$$), "g"),
        NOT_PATH: new RegExp(merge("[^\\%\\/\\:\\@]", UNRESERVED$$, SUB_DELIMS$$), "g"),
        NOT_PATH_NOSCHEME: new RegExp(merge("[^\\%\\/\\@]", UNRESERVED$$, SUB_DELIMS$$), "g"),
        NOT_QUERY: new RegExp(merge("[^\\%]", UNRESERVED$$, SUB_DELIMS$$, "[\\:\\@\\/\\?]", IPRIVATE$$), "g"),
        NOT_FRAGMENT: new RegExp(merge("[^\\%]", UNRESERVED$$, SUB_DELIMS$$, "[\\:\\@\\/\\?]"), "g"),
        ESCAPE: new RegExp(merge("[^]", UNRESERVED$$, SUB_DELIMS$$), "g"),
        UNRESERVED: new RegExp(UNRESERVED$$, "g"),
        OTHER_CHARS: new RegExp(merge("[^\\%]", UNRESERVED$$, RESERVED$$), "g"),
        PCT_ENCODED: new RegExp(PCT_ENCODED$, "g"),
        IPV4ADDRESS: new RegExp("^(" + IPV4ADDRESS$ + ")$"),
        IPV6ADDRESS: new RegExp("^\\[?(" + IPV6ADDRESS$ + ")" + subexp(subexp("\\%25|\\%(?!" + HEXDIG$$ + "{2})") + "(" + ZONEID$ + ")") + "?\\]?$") //RFC 6874, with relaxed parsing rules
    };
}
var URI_PROTOCOL = buildExps(false);

var IRI_PROTOCOL = buildExps(true);

var slicedToArray = function () {
  function sliceIterator(arr, i) {
    var _arr = [];
    var _n = true;
    var _d = false;
    var _e = undefined;

    try {
      for (var _i = arr[Symbol.iterator](), _s; !(_n = (_s = _i.next()).done); _n = true) {
        _arr.push(_s.value);

        if (i && _arr.length === i) break;
      }
    } catch (err) {
      _d = true;
      _e = err;
    } finally {
      try {
        if (!_n && _i["return"]) _i["return"]();
      } finally {
        if (_d) throw _e;
      }
    }

    return _arr;
  }

  return function (arr, i) {
    if (Array.isArray(arr)) {
      return arr;
    } else if (Symbol.iterator in Object(arr)) {
      return sliceIterator(arr, i);
    } else {
      throw new TypeError("Invalid attempt to destructure non-iterable instance");
    }
  };
}();













var toConsumableArray = function (arr) {
  if (Array.isArray(arr)) {
    for (var i = 0, arr2 = Array(arr.length); i < arr.length; i++) arr2[i] = arr[i];

    return arr2;
  } else {
    return Array.from(arr);
  }
};

/** Highest positive signed 32-bit float value */

var maxInt = 2147483647; // aka. 0x7FFFFFFF or 2^31-1

/** Bootstring parameters */
var base = 36;
var tMin = 1;
var tMax = 26;
var skew = 38;
var damp = 700;
var initialBias = 72;
var initialN = 128; // 0x80
var delimiter = '-'; // '\x2D'

/** Regular expressions */
var regexPunycode = /^xn--/;
var regexNonASCII = /[^\0-\x7E]/; // non-ASCII chars
var regexSeparators = /[\x2E\u3002\uFF0E\uFF61]/g; // RFC 3490 separators

/** Error messages */
var errors = {
	'overflow': 'Overflow: input needs wider integers to process',
	'not-basic': 'Illegal input >= 0x80 (not a basic code point)',
	'invalid-input': 'Invalid input'
};

/** Convenience shortcuts */
var baseMinusTMin = base - tMin;
var floor = Math.floor;
var stringFromCharCode = String.fromCharCode;

/*--------------------------------------------------------------------------*/

/**
 * A generic error utility function.
 * @private
 * @param {String} type The error type.
 * @returns {Error} Throws a `RangeError` with the applicable error message.
 */
function error$1(type) {
	throw new RangeError(errors[type]);
}

/**
 * A generic `Array#map` utility function.
 * @private
 * @param {Array} array The array to iterate over.
 * @param {Function} callback The function that gets called for every array
 * item.
 * @returns {Array} A new array of values returned by the callback function.
 */
function map(array, fn) {
	var result = [];
	var length = array.length;
	while (length--) {
		result[length] = fn(array[length]);
	}
	return result;
}

/**
 * A simple `Array#map`-like wrapper to work with domain name strings or email
 * addresses.
 * @private
 * @param {String} domain The domain name or email address.
 * @param {Function} callback The function that gets called for every
 * character.
 * @returns {Array} A new string of characters returned by the callback
 * function.
 */
function mapDomain(string, fn) {
	var parts = string.split('@');
	var result = '';
	if (parts.length > 1) {
		// In email addresses, only the domain name should be punycoded. Leave
		// the local part (i.e. everything up to `@`) intact.
		result = parts[0] + '@';
		string = parts[1];
	}
	// Avoid `split(regex)` for IE8 compatibility. See #17.
	string = string.replace(regexSeparators, '\x2E');
	var labels = string.split('.');
	var encoded = map(labels, fn).join('.');
	return result + encoded;
}

/**
 * Creates an array containing the numeric code points of each Unicode
 * character in the string. While JavaScript uses UCS-2 internally,
 * this function will convert a pair of surrogate halves (each of which
 * UCS-2 exposes as separate characters) into a single code point,
 * matching UTF-16.
 * @see `punycode.ucs2.encode`
 * @see <https://mathiasbynens.be/notes/javascript-encoding>
 * @memberOf punycode.ucs2
 * @name decode
 * @param {String} string The Unicode input string (UCS-2).
 * @returns {Array} The new array of code points.
 */
function ucs2decode(string) {
	var output = [];
	var counter = 0;
	var length = string.length;
	while (counter < length) {
		var value = string.charCodeAt(counter++);
		if (value >= 0xD800 && value <= 0xDBFF && counter < length) {
			// It's a high surrogate, and there is a next character.
			var extra = string.charCodeAt(counter++);
			if ((extra & 0xFC00) == 0xDC00) {
				// Low surrogate.
				output.push(((value & 0x3FF) << 10) + (extra & 0x3FF) + 0x10000);
			} else {
				// It's an unmatched surrogate; only append this code unit, in case the
				// next code unit is the high surrogate of a surrogate pair.
				output.push(value);
				counter--;
			}
		} else {
			output.push(value);
		}
	}
	return output;
}

/**
 * Creates a string based on an array of numeric code points.
 * @see `punycode.ucs2.decode`
 * @memberOf punycode.ucs2
 * @name encode
 * @param {Array} codePoints The array of numeric code points.
 * @returns {String} The new Unicode string (UCS-2).
 */
var ucs2encode = function ucs2encode(array) {
	return String.fromCodePoint.apply(String, toConsumableArray(array));
};

/**
 * Converts a basic code point into a digit/integer.
 * @see `digitToBasic()`
 * @private
 * @param {Number} codePoint The basic numeric code point value.
 * @returns {Number} The numeric value of a basic code point (for use in
 * representing integers) in the range `0` to `base - 1`, or `base` if
 * the code point does not represent a value.
 */
var basicToDigit = function basicToDigit(codePoint) {
	if (codePoint - 0x30 < 0x0A) {
		return codePoint - 0x16;
	}
	if (codePoint - 0x41 < 0x1A) {
		return codePoint - 0x41;
	}
	if (codePoint - 0x61 < 0x1A) {
		return codePoint - 0x61;
	}
	return base;
};

/**
 * Converts a digit/integer into a basic code point.
 * @see `basicToDigit()`
 * @private
 * @param {Number} digit The numeric value of a basic code point.
 * @returns {Number} The basic code point whose value (when used for
 * representing integers) is `digit`, which needs to be in the range
 * `0` to `base - 1`. If `flag` is non-zero, the uppercase form is
 * used; else, the lowercase form is used. The behavior is undefined
 * if `flag` is non-zero and `digit` has no uppercase form.
 */
var digitToBasic = function digitToBasic(digit, flag) {
	//  0..25 map to ASCII a..z or A..Z
	// 26..35 map to ASCII 0..9
	return digit + 22 + 75 * (digit < 26) - ((flag != 0) << 5);
};

/**
 * Bias adaptation function as per section 3.4 of RFC 3492.
 * https://tools.ietf.org/html/rfc3492#section-3.4
 * @private
 */
var adapt = function adapt(delta, numPoints, firstTime) {
	var k = 0;
	delta = firstTime ? floor(delta / damp) : delta >> 1;
	delta += floor(delta / numPoints);
	for (; /* no initialization */delta > baseMinusTMin * tMax >> 1; k += base) {
		delta = floor(delta / baseMinusTMin);
	}
	return floor(k + (baseMinusTMin + 1) * delta / (delta + skew));
};

/**
 * Converts a Punycode string of ASCII-only symbols to a string of Unicode
 * symbols.
 * @memberOf punycode
 * @param {String} input The Punycode string of ASCII-only symbols.
 * @returns {String} The resulting string of Unicode symbols.
 */
var decode = function decode(input) {
	// Don't use UCS-2.
	var output = [];
	var inputLength = input.length;
	var i = 0;
	var n = initialN;
	var bias = initialBias;

	// Handle the basic code points: let `basic` be the number of input code
	// points before the last delimiter, or `0` if there is none, then copy
	// the first basic code points to the output.

	var basic = input.lastIndexOf(delimiter);
	if (basic < 0) {
		basic = 0;
	}

	for (var j = 0; j < basic; ++j) {
		// if it's not a basic code point
		if (input.charCodeAt(j) >= 0x80) {
			error$1('not-basic');
		}
		output.push(input.charCodeAt(j));
	}

	// Main decoding loop: start just after the last delimiter if any basic code
	// points were copied; start at the beginning otherwise.

	for (var index = basic > 0 ? basic + 1 : 0; index < inputLength;) /* no final expression */{

		// `index` is the index of the next character to be consumed.
		// Decode a generalized variable-length integer into `delta`,
		// which gets added to `i`. The overflow checking is easier
		// if we increase `i` as we go, then subtract off its starting
		// value at the end to obtain `delta`.
		var oldi = i;
		for (var w = 1, k = base;; /* no condition */k += base) {

			if (index >= inputLength) {
				error$1('invalid-input');
			}

			var digit = basicToDigit(input.charCodeAt(index++));

			if (digit >= base || digit > floor((maxInt - i) / w)) {
				error$1('overflow');
			}

			i += digit * w;
			var t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;

			if (digit < t) {
				break;
			}

			var baseMinusT = base - t;
			if (w > floor(maxInt / baseMinusT)) {
				error$1('overflow');
			}

			w *= baseMinusT;
		}

		var out = output.length + 1;
		bias = adapt(i - oldi, out, oldi == 0);

		// `i` was supposed to wrap around from `out` to `0`,
		// incrementing `n` each time, so we'll fix that now:
		if (floor(i / out) > maxInt - n) {
			error$1('overflow');
		}

		n += floor(i / out);
		i %= out;

		// Insert `n` at position `i` of the output.
		output.splice(i++, 0, n);
	}

	return String.fromCodePoint.apply(String, output);
};

/**
 * Converts a string of Unicode symbols (e.g. a domain name label) to a
 * Punycode string of ASCII-only symbols.
 * @memberOf punycode
 * @param {String} input The string of Unicode symbols.
 * @returns {String} The resulting Punycode string of ASCII-only symbols.
 */
var encode = function encode(input) {
	var output = [];

	// Convert the input in UCS-2 to an array of Unicode code points.
	input = ucs2decode(input);

	// Cache the length.
	var inputLength = input.length;

	// Initialize the state.
	var n = initialN;
	var delta = 0;
	var bias = initialBias;

	// Handle the basic code points.
	var _iteratorNormalCompletion = true;
	var _didIteratorError = false;
	var _iteratorError = undefined;

	try {
		for (var _iterator = input[Symbol.iterator](), _step; !(_iteratorNormalCompletion = (_step = _iterator.next()).done); _iteratorNormalCompletion = true) {
			var _currentValue2 = _step.value;

			if (_currentValue2 < 0x80) {
				output.push(stringFromCharCode(_currentValue2));
			}
		}
	} catch (err) {
		_didIteratorError = true;
		_iteratorError = err;
	} finally {
		try {
			if (!_iteratorNormalCompletion && _iterator.return) {
				_iterator.return();
			}
		} finally {
			if (_didIteratorError) {
				throw _iteratorError;
			}
		}
	}

	var basicLength = output.length;
	var handledCPCount = basicLength;

	// `handledCPCount` is the number of code points that have been handled;
	// `basicLength` is the number of basic code points.

	// Finish the basic string with a delimiter unless it's empty.
	if (basicLength) {
		output.push(delimiter);
	}

	// Main encoding loop:
	while (handledCPCount < inputLength) {

		// All non-basic code points < n have been handled already. Find the next
		// larger one:
		var m = maxInt;
		var _iteratorNormalCompletion2 = true;
		var _didIteratorError2 = false;
		var _iteratorError2 = undefined;

		try {
			for (var _iterator2 = input[Symbol.iterator](), _step2; !(_iteratorNormalCompletion2 = (_step2 = _iterator2.next()).done); _iteratorNormalCompletion2 = true) {
				var currentValue = _step2.value;

				if (currentValue >= n && currentValue < m) {
					m = currentValue;
				}
			}

			// Increase `delta` enough to advance the decoder's <n,i> state to <m,0>,
			// but guard against overflow.
		} catch (err) {
			_didIteratorError2 = true;
			_iteratorError2 = err;
		} finally {
			try {
				if (!_iteratorNormalCompletion2 && _iterator2.return) {
					_iterator2.return();
				}
			} finally {
				if (_didIteratorError2) {
					throw _iteratorError2;
				}
			}
		}

		var handledCPCountPlusOne = handledCPCount + 1;
		if (m - n > floor((maxInt - delta) / handledCPCountPlusOne)) {
			error$1('overflow');
		}

		delta += (m - n) * handledCPCountPlusOne;
		n = m;

		var _iteratorNormalCompletion3 = true;
		var _didIteratorError3 = false;
		var _iteratorError3 = undefined;

		try {
			for (var _iterator3 = input[Symbol.iterator](), _step3; !(_iteratorNormalCompletion3 = (_step3 = _iterator3.next()).done); _iteratorNormalCompletion3 = true) {
				var _currentValue = _step3.value;

				if (_currentValue < n && ++delta > maxInt) {
					error$1('overflow');
				}
				if (_currentValue == n) {
					// Represent delta as a generalized variable-length integer.
					var q = delta;
					for (var k = base;; /* no condition */k += base) {
						var t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
						if (q < t) {
							break;
						}
						var qMinusT = q - t;
						var baseMinusT = base - t;
						output.push(stringFromCharCode(digitToBasic(t + qMinusT % baseMinusT, 0)));
						q = floor(qMinusT / baseMinusT);
					}

					output.push(stringFromCharCode(digitToBasic(q, 0)));
					bias = adapt(delta, handledCPCountPlusOne, handledCPCount == basicLength);
					delta = 0;
					++handledCPCount;
				}
			}
		} catch (err) {
			_didIteratorError3 = true;
			_iteratorError3 = err;
		} finally {
			try {
				if (!_iteratorNormalCompletion3 && _iterator3.return) {
					_iterator3.return();
				}
			} finally {
				if (_didIteratorError3) {
					throw _iteratorError3;
				}
			}
		}

		++delta;
		++n;
	}
	return output.join('');
};

/**
 * Converts a Punycode string representing a domain name or an email address
 * to Unicode. Only the Punycoded parts of the input will be converted, i.e.
 * it doesn't matter if you call it on a string that has already been
 * converted to Unicode.
 * @memberOf punycode
 * @param {String} input The Punycoded domain name or email address to
 * convert to Unicode.
 * @returns {String} The Unicode representation of the given Punycode
 * string.
 */
var toUnicode = function toUnicode(input) {
	return mapDomain(input, function (string) {
		return regexPunycode.test(string) ? decode(string.slice(4).toLowerCase()) : string;
	});
};

/**
 * Converts a Unicode string representing a domain name or an email address to
 * Punycode. Only the non-ASCII parts of the domain name will be converted,
 * i.e. it doesn't matter if you call it with a domain that's already in
 * ASCII.
 * @memberOf punycode
 * @param {String} input The domain name or email address to convert, as a
 * Unicode string.
 * @returns {String} The Punycode representation of the given domain name or
 * email address.
 */
var toASCII = function toASCII(input) {
	return mapDomain(input, function (string) {
		return regexNonASCII.test(string) ? 'xn--' + encode(string) : string;
	});
};

/*--------------------------------------------------------------------------*/

/** Define the public API */
var punycode = {
	/**
  * A string representing the current Punycode.js version number.
  * @memberOf punycode
  * @type String
  */
	'version': '2.1.0',
	/**
  * An object of methods to convert from JavaScript's internal character
  * representation (UCS-2) to Unicode code points, and back.
  * @see <https://mathiasbynens.be/notes/javascript-encoding>
  * @memberOf punycode
  * @type Object
  */
	'ucs2': {
		'decode': ucs2decode,
		'encode': ucs2encode
	},
	'decode': decode,
	'encode': encode,
	'toASCII': toASCII,
	'toUnicode': toUnicode
};

/**
 * URI.js
 *
 * @fileoverview An RFC 3986 compliant, scheme extendable URI parsing/validating/resolving library for JavaScript.
 * @author <a href="mailto:gary.court@gmail.com">Gary Court</a>
 * @see http://github.com/garycourt/uri-js
 */
/**
 * Copyright 2011 Gary Court. All rights reserved.
 *
 * Redistribution and use in source and binary forms, with or without modification, are
 * permitted provided that the following conditions are met:
 *
 *    1. Redistributions of source code must retain the above copyright notice, this list of
 *       conditions and the following disclaimer.
 *
 *    2. Redistributions in binary form must reproduce the above copyright notice, this list
 *       of conditions and the following disclaimer in the documentation and/or other materials
 *       provided with the distribution.
 *
 * THIS SOFTWARE IS PROVIDED BY GARY COURT ``AS IS'' AND ANY EXPRESS OR IMPLIED
 * WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND
 * FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL GARY COURT OR
 * CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR
 * CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON
 * ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING
 * NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF
 * ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 *
 * The views and conclusions contained in the software and documentation are those of the
 * authors and should not be interpreted as representing official policies, either expressed
 * or implied, of Gary Court.
 */
var SCHEMES = {};
function pctEncChar(chr) {
    var c = chr.charCodeAt(0);
    var e = void 0;
    if (c < 16) e = "%0" + c.toString(16).toUpperCase();else if (c < 128) e = "%" + c.toString(16).toUpperCase();else if (c < 2048) e = "%" + (c >> 6 | 192).toString(16).toUpperCase() + "%" + (c & 63 | 128).toString(16).toUpperCase();else e = "%" + (c >> 12 | 224).toString(16).toUpperCase() + "%" + (c >> 6 & 63 | 128).toString(16).toUpperCase() + "%" + (c & 63 | 128).toString(16).toUpperCase();
    return e;
}
function pctDecChars(str) {
    var newStr = "";
    var i = 0;
    var il = str.length;
    while (i < il) {
        var c = parseInt(str.substr(i + 1, 2), 16);
        if (c < 128) {
            newStr += String.fromCharCode(c);
            i += 3;
        } else if (c >= 194 && c < 224) {
            if (il - i >= 6) {
                var c2 = parseInt(str.substr(i + 4, 2), 16);
                newStr += String.fromCharCode((c & 31) << 6 | c2 & 63);
            } else {
                newStr += str.substr(i, 6);
            }
            i += 6;
        } else if (c >= 224) {
            if (il - i >= 9) {
                var _c = parseInt(str.substr(i + 4, 2), 16);
                var c3 = parseInt(str.substr(i + 7, 2), 16);
                newStr += String.fromCharCode((c & 15) << 12 | (_c & 63) << 6 | c3 & 63);
            } else {
                newStr += str.substr(i, 9);
            }
            i += 9;
        } else {
            newStr += str.substr(i, 3);
            i += 3;
        }
    }
    return newStr;
}
function _normalizeComponentEncoding(components, protocol) {
    function decodeUnreserved(str) {
        var decStr = pctDecChars(str);
        return !decStr.match(protocol.UNRESERVED) ? str : decStr;
    }
    if (components.scheme) components.scheme = String(components.scheme).replace(protocol.PCT_ENCODED, decodeUnreserved).toLowerCase().replace(protocol.NOT_SCHEME, "");
    if (components.userinfo !== undefined) components.userinfo = String(components.userinfo).replace(protocol.PCT_ENCODED, decodeUnreserved).replace(protocol.NOT_USERINFO, pctEncChar).replace(protocol.PCT_ENCODED, toUpperCase);
    if (components.host !== undefined) components.host = String(components.host).replace(protocol.PCT_ENCODED, decodeUnreserved).toLowerCase().replace(protocol.NOT_HOST, pctEncChar).replace(protocol.PCT_ENCODED, toUpperCase);
    if (components.path !== undefined) components.path = String(components.path).replace(protocol.PCT_ENCODED, decodeUnreserved).replace(components.scheme ? protocol.NOT_PATH : protocol.NOT_PATH_NOSCHEME, pctEncChar).replace(protocol.PCT_ENCODED, toUpperCase);
    if (components.query !== undefined) components.query = String(components.query).replace(protocol.PCT_ENCODED, decodeUnreserved).replace(protocol.NOT_QUERY, pctEncChar).replace(protocol.PCT_ENCODED, toUpperCase);
    if (components.fragment !== undefined) components.fragment = String(components.fragment).replace(protocol.PCT_ENCODED, decodeUnreserved).replace(protocol.NOT_FRAGMENT, pctEncChar).replace(protocol.PCT_ENCODED, toUpperCase);
    return components;
}

function _stripLeadingZeros(str) {
    return str.replace(/^0*(.*)/, "$1") || "0";
}
function _normalizeIPv4(host, protocol) {
    var matches = host.match(protocol.IPV4ADDRESS) || [];

    var _matches = slicedToArray(matches, 2),
        address = _matches[1];

    if (address) {
        return address.split(".").map(_stripLeadingZeros).join(".");
    } else {
        return host;
    }
}
function _normalizeIPv6(host, protocol) {
    var matches = host.match(protocol.IPV6ADDRESS) || [];

    var _matches2 = slicedToArray(matches, 3),
        address = _matches2[1],
        zone = _matches2[2];

    if (address) {
        var _address$toLowerCase$ = address.toLowerCase().split('::').reverse(),
            _address$toLowerCase$2 = slicedToArray(_address$toLowerCase$, 2),
            last = _address$toLowerCase$2[0],
            first = _address$toLowerCase$2[1];

        var firstFields = first ? first.split(":").map(_stripLeadingZeros) : [];
        var lastFields = last.split(":").map(_stripLeadingZeros);
        var isLastFieldIPv4Address = protocol.IPV4ADDRESS.test(lastFields[lastFields.length - 1]);
        var fieldCount = isLastFieldIPv4Address ? 7 : 8;
        var lastFieldsStart = lastFields.length - fieldCount;
        var fields = Array(fieldCount);
        for (var x = 0; x < fieldCount; ++x) {
            fields[x] = firstFields[x] || lastFields[lastFieldsStart + x] || '';
        }
        if (isLastFieldIPv4Address) {
            fields[fieldCount - 1] = _normalizeIPv4(fields[fieldCount - 1], protocol);
        }
        var allZeroFields = fields.reduce(function (acc, field, index) {
            if (!field || field === "0") {
                var lastLongest = acc[acc.length - 1];
                if (lastLongest && lastLongest.index + lastLongest.length === index) {
                    lastLongest.length++;
                } else {
                    acc.push({ index: index, length: 1 });
                }
            }
            return acc;
        }, []);
        var longestZeroFields = allZeroFields.sort(function (a, b) {
            return b.length - a.length;
        })[0];
        var newHost = void 0;
        if (longestZeroFields && longestZeroFields.length > 1) {
            var newFirst = fields.slice(0, longestZeroFields.index);
            var newLast = fields.slice(longestZeroFields.index + longestZeroFields.length);
            newHost = newFirst.join(":") + "::" + newLast.join(":");
        } else {
            newHost = fields.join(":");
        }
        if (zone) {
            newHost += "%" + zone;
        }
        return newHost;
    } else {
        return host;
    }
}
var URI_PARSE = /^(?:([^:\/?#]+):)?(?:\/\/((?:([^\/?#@]*)@)?(\[[^\/?#\]]+\]|[^\/?#:]*)(?:\:(\d*))?))?([^?#]*)(?:\?([^#]*))?(?:#((?:.|\n|\r)*))?/i;
var NO_MATCH_IS_UNDEFINED = "".match(/(){0}/)[1] === undefined;
function parse(uriString) {
    var options = arguments.length > 1 && arguments[1] !== undefined ? arguments[1] : {};

    var components = {};
    var protocol = options.iri !== false ? IRI_PROTOCOL : URI_PROTOCOL;
    if (options.reference === "suffix") uriString = (options.scheme ? options.scheme + ":" : "") + "//" + uriString;
    var matches = uriString.match(URI_PARSE);
    if (matches) {
        if (NO_MATCH_IS_UNDEFINED) {
            //store each component
            components.scheme = matches[1];
            components.userinfo = matches[3];
            components.host = matches[4];
            components.port = parseInt(matches[5], 10);
            components.path = matches[6] || "";
            components.query = matches[7];
            components.fragment = matches[8];
            //fix port number
            if (isNaN(components.port)) {
                components.port = matches[5];
            }
        } else {
            //IE FIX for improper RegExp matching
            //store each component
            components.scheme = matches[1] || undefined;
            components.userinfo = uriString.indexOf("@") !== -1 ? matches[3] : undefined;
            components.host = uriString.indexOf("//") !== -1 ? matches[4] : undefined;
            components.port = parseInt(matches[5], 10);
            components.path = matches[6] || "";
            components.query = uriString.indexOf("?") !== -1 ? matches[7] : undefined;
            components.fragment = uriString.indexOf("#") !== -1 ? matches[8] : undefined;
            //fix port number
            if (isNaN(components.port)) {
                components.port = uriString.match(/\/\/(?:.|\n)*\:(?:\/|\?|\#|$)/) ? matches[4] : undefined;
            }
        }
        if (components.host) {
            //normalize IP hosts
            components.host = _normalizeIPv6(_normalizeIPv4(components.host, protocol), protocol);
        }
        //determine reference type
        if (components.scheme === undefined && components.userinfo === undefined && components.host === undefined && components.port === undefined && !components.path && components.query === undefined) {
            components.reference = "same-document";
        } else if (components.scheme === undefined) {
            components.reference = "relative";
        } else if (components.fragment === undefined) {
            components.reference = "absolute";
        } else {
            components.reference = "uri";
        }
        //check for reference errors
        if (options.reference && options.reference !== "suffix" && options.reference !== components.reference) {
            components.error = components.error || "URI is not a " + options.reference + " reference.";
        }
        //find scheme handler
        var schemeHandler = SCHEMES[(options.scheme || components.scheme || "").toLowerCase()];
        //check if scheme can't handle IRIs
        if (!options.unicodeSupport && (!schemeHandler || !schemeHandler.unicodeSupport)) {
            //if host component is a domain name
            if (components.host && (options.domainHost || schemeHandler && schemeHandler.domainHost)) {
                //convert Unicode IDN -> ASCII IDN
                try {
                    components.host = punycode.toASCII(components.host.replace(protocol.PCT_ENCODED, pctDecChars).toLowerCase());
                } catch (e) {
                    components.error = components.error || "Host's domain name can not be converted to ASCII via punycode: " + e;
                }
            }
            //convert IRI -> URI
            _normalizeComponentEncoding(components, URI_PROTOCOL);
        } else {
            //normalize encodings
            _normalizeComponentEncoding(components, protocol);
        }
        //perform scheme specific parsing
        if (schemeHandler && schemeHandler.parse) {
            schemeHandler.parse(components, options);
        }
    } else {
        components.error = components.error || "URI can not be parsed.";
    }
    return components;
}

function _recomposeAuthority(components, options) {
    var protocol = options.iri !== false ? IRI_PROTOCOL : URI_PROTOCOL;
    var uriTokens = [];
    if (components.userinfo !== undefined) {
        uriTokens.push(components.userinfo);
        uriTokens.push("@");
    }
    if (components.host !== undefined) {
        //normalize IP hosts, add brackets and escape zone separator for IPv6
        uriTokens.push(_normalizeIPv6(_normalizeIPv4(String(components.host), protocol), protocol).replace(protocol.IPV6ADDRESS, function (_, $1, $2) {
            return "[" + $1 + ($2 ? "%25" + $2 : "") + "]";
        }));
    }
    if (typeof components.port === "number" || typeof components.port === "string") {
        uriTokens.push(":");
        uriTokens.push(String(components.port));
    }
    return uriTokens.length ? uriTokens.join("") : undefined;
}

var RDS1 = /^\.\.?\//;
var RDS2 = /^\/\.(\/|$)/;
var RDS3 = /^\/\.\.(\/|$)/;
var RDS5 = /^\/?(?:.|\n)*?(?=\/|$)/;
function removeDotSegments(input) {
    var output = [];
    while (input.length) {
        if (input.match(RDS1)) {
            input = input.replace(RDS1, "");
        } else if (input.match(RDS2)) {
            input = input.replace(RDS2, "/");
        } else if (input.match(RDS3)) {
            input = input.replace(RDS3, "/");
            output.pop();
        } else if (input === "." || input === "..") {
            input = "";
        } else {
            var im = input.match(RDS5);
            if (im) {
                var s = im[0];
                input = input.slice(s.length);
                output.push(s);
            } else {
                throw new Error("Unexpected dot segment condition");
            }
        }
    }
    return output.join("");
}

function serialize(components) {
    var options = arguments.length > 1 && arguments[1] !== undefined ? arguments[1] : {};

    var protocol = options.iri ? IRI_PROTOCOL : URI_PROTOCOL;
    var uriTokens = [];
    //find scheme handler
    var schemeHandler = SCHEMES[(options.scheme || components.scheme || "").toLowerCase()];
    //perform scheme specific serialization
    if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(components, options);
    if (components.host) {
        //if host component is an IPv6 address
        if (protocol.IPV6ADDRESS.test(components.host)) {}
        //TODO: normalize IPv6 address as per RFC 5952

        //if host component is a domain name
        else if (options.domainHost || schemeHandler && schemeHandler.domainHost) {
                //convert IDN via punycode
                try {
                    components.host = !options.iri ? punycode.toASCII(components.host.replace(protocol.PCT_ENCODED, pctDecChars).toLowerCase()) : punycode.toUnicode(components.host);
                } catch (e) {
                    components.error = components.error || "Host's domain name can not be converted to " + (!options.iri ? "ASCII" : "Unicode") + " via punycode: " + e;
                }
            }
    }
    //normalize encoding
    _normalizeComponentEncoding(components, protocol);
    if (options.reference !== "suffix" && components.scheme) {
        uriTokens.push(components.scheme);
        uriTokens.push(":");
    }
    var authority = _recomposeAuthority(components, options);
    if (authority !== undefined) {
        if (options.reference !== "suffix") {
            uriTokens.push("//");
        }
        uriTokens.push(authority);
        if (components.path && components.path.charAt(0) !== "/") {
            uriTokens.push("/");
        }
    }
    if (components.path !== undefined) {
        var s = components.path;
        if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
            s = removeDotSegments(s);
        }
        if (authority === undefined) {
            s = s.replace(/^\/\//, "/%2F"); //don't allow the path to start with "//"
        }
        uriTokens.push(s);
    }
    if (components.query !== undefined) {
        uriTokens.push("?");
        uriTokens.push(components.query);
    }
    if (components.fragment !== undefined) {
        uriTokens.push("#");
        uriTokens.push(components.fragment);
    }
    return uriTokens.join(""); //merge tokens into a string
}

function resolveComponents(base, relative) {
    var options = arguments.length > 2 && arguments[2] !== undefined ? arguments[2] : {};
    var skipNormalization = arguments[3];

    var target = {};
    if (!skipNormalization) {
        base = parse(serialize(base, options), options); //normalize base components
        relative = parse(serialize(relative, options), options); //normalize relative components
    }
    options = options || {};
    if (!options.tolerant && relative.scheme) {
        target.scheme = relative.scheme;
        //target.authority = relative.authority;
        target.userinfo = relative.userinfo;
        target.host = relative.host;
        target.port = relative.port;
        target.path = removeDotSegments(relative.path || "");
        target.query = relative.query;
    } else {
        if (relative.userinfo !== undefined || relative.host !== undefined || relative.port !== undefined) {
            //target.authority = relative.authority;
            target.userinfo = relative.userinfo;
            target.host = relative.host;
            target.port = relative.port;
            target.path = removeDotSegments(relative.path || "");
            target.query = relative.query;
        } else {
            if (!relative.path) {
                target.path = base.path;
                if (relative.query !== undefined) {
                    target.query = relative.query;
                } else {
                    target.query = base.query;
                }
            } else {
                if (relative.path.charAt(0) === "/") {
                    target.path = removeDotSegments(relative.path);
                } else {
                    if ((base.userinfo !== undefined || base.host !== undefined || base.port !== undefined) && !base.path) {
                        target.path = "/" + relative.path;
                    } else if (!base.path) {
                        target.path = relative.path;
                    } else {
                        target.path = base.path.slice(0, base.path.lastIndexOf("/") + 1) + relative.path;
                    }
                    target.path = removeDotSegments(target.path);
                }
                target.query = relative.query;
            }
            //target.authority = base.authority;
            target.userinfo = base.userinfo;
            target.host = base.host;
            target.port = base.port;
        }
        target.scheme = base.scheme;
    }
    target.fragment = relative.fragment;
    return target;
}

function resolve(baseURI, relativeURI, options) {
    var schemelessOptions = assign({ scheme: 'null' }, options);
    return serialize(resolveComponents(parse(baseURI, schemelessOptions), parse(relativeURI, schemelessOptions), schemelessOptions, true), schemelessOptions);
}

function normalize(uri, options) {
    if (typeof uri === "string") {
        uri = serialize(parse(uri, options), options);
    } else if (typeOf(uri) === "object") {
        uri = parse(serialize(uri, options), options);
    }
    return uri;
}

function equal(uriA, uriB, options) {
    if (typeof uriA === "string") {
        uriA = serialize(parse(uriA, options), options);
    } else if (typeOf(uriA) === "object") {
        uriA = serialize(uriA, options);
    }
    if (typeof uriB === "string") {
        uriB = serialize(parse(uriB, options), options);
    } else if (typeOf(uriB) === "object") {
        uriB = serialize(uriB, options);
    }
    return uriA === uriB;
}

function escapeComponent(str, options) {
    return str && str.toString().replace(!options || !options.iri ? URI_PROTOCOL.ESCAPE : IRI_PROTOCOL.ESCAPE, pctEncChar);
}

function unescapeComponent(str, options) {
    return str && str.toString().replace(!options || !options.iri ? URI_PROTOCOL.PCT_ENCODED : IRI_PROTOCOL.PCT_ENCODED, pctDecChars);
}

var handler = {
    scheme: "http",
    domainHost: true,
    parse: function parse(components, options) {
        //report missing host
        if (!components.host) {
            components.error = components.error || "HTTP URIs must have a host.";
        }
        return components;
    },
    serialize: function serialize(components, options) {
        var secure = String(components.scheme).toLowerCase() === "https";
        //normalize the default port
        if (components.port === (secure ? 443 : 80) || components.port === "") {
            components.port = undefined;
        }
        //normalize the empty path
        if (!components.path) {
            components.path = "/";
        }
        //NOTE: We do not parse query strings for HTTP URIs
        //as WWW Form Url Encoded query strings are part of the HTML4+ spec,
        //and not the HTTP spec.
        return components;
    }
};

var handler$1 = {
    scheme: "https",
    domainHost: handler.domainHost,
    parse: handler.parse,
    serialize: handler.serialize
};

function isSecure(wsComponents) {
    return typeof wsComponents.secure === 'boolean' ? wsComponents.secure : String(wsComponents.scheme).toLowerCase() === "wss";
}
//RFC 6455
var handler$2 = {
    scheme: "ws",
    domainHost: true,
    parse: function parse(components, options) {
        var wsComponents = components;
        //indicate if the secure flag is set
        wsComponents.secure = isSecure(wsComponents);
        //construct resouce name
        wsComponents.resourceName = (wsComponents.path || '/') + (wsComponents.query ? '?' + wsComponents.query : '');
        wsComponents.path = undefined;
        wsComponents.query = undefined;
        return wsComponents;
    },
    serialize: function serialize(wsComponents, options) {
        //normalize the default port
        if (wsComponents.port === (isSecure(wsComponents) ? 443 : 80) || wsComponents.port === "") {
            wsComponents.port = undefined;
        }
        //ensure scheme matches secure flag
        if (typeof wsComponents.secure === 'boolean') {
            wsComponents.scheme = wsComponents.secure ? 'wss' : 'ws';
            wsComponents.secure = undefined;
        }
        //reconstruct path from resource name
        if (wsComponents.resourceName) {
            var _wsComponents$resourc = wsComponents.resourceName.split('?'),
                _wsComponents$resourc2 = slicedToArray(_wsComponents$resourc, 2),
                path = _wsComponents$resourc2[0],
                query = _wsComponents$resourc2[1];

            wsComponents.path = path && path !== '/' ? path : undefined;
            wsComponents.query = query;
            wsComponents.resourceName = undefined;
        }
        //forbid fragment component
        wsComponents.fragment = undefined;
        return wsComponents;
    }
};

var handler$3 = {
    scheme: "wss",
    domainHost: handler$2.domainHost,
    parse: handler$2.parse,
    serialize: handler$2.serialize
};

var O = {};
var isIRI = true;
//RFC 3986
var UNRESERVED$$ = "[A-Za-z0-9\\-\\.\\_\\~" + (isIRI ? "\\xA0-\\u200D\\u2010-\\u2029\\u202F-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFEF" : "") + "]";
var HEXDIG$$ = "[0-9A-Fa-f]"; //case-insensitive
var PCT_ENCODED$ = subexp(subexp("%[EFef]" + HEXDIG$$ + "%" + HEXDIG$$ + HEXDIG$$ + "%" + HEXDIG$$ + HEXDIG$$) + "|" + subexp("%[89A-Fa-f]" + HEXDIG$$ + "%" + HEXDIG$$ + HEXDIG$$) + "|" + subexp("%" + HEXDIG$$ + HEXDIG$$)); //expanded
//RFC 5322, except these symbols as per RFC 6068: @ : / ? # [ ] & ; =
//const ATEXT$$ = "[A-Za-z0-9\\!\\#\\$\\%\\&\\'\\*\\+\\-\\/\\=\\?\\^\\_\\`\\{\\|\\}\\~]";
//const WSP$$ = "[\\x20\\x09]";
//const OBS_QTEXT$$ = "[\\x01-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]";  //(%d1-8 / %d11-12 / %d14-31 / %d127)
//const QTEXT$$ = merge("[\\x21\\x23-\\x5B\\x5D-\\x7E]", OBS_QTEXT$$);  //%d33 / %d35-91 / %d93-126 / obs-qtext
//const VCHAR$$ = "[\\x21-\\x7E]";
//const WSP$$ = "[\\x20\\x09]";
//const OBS_QP$ = subexp("\\\\" + merge("[\\x00\\x0D\\x0A]", OBS_QTEXT$$));  //%d0 / CR / LF / obs-qtext
//const FWS$ = subexp(subexp(WSP$$ + "*" + "\\x0D\\x0A") + "?" + WSP$$ + "+");
//const QUOTED_PAIR$ = subexp(subexp("\\\\" + subexp(VCHAR$$ + "|" + WSP$$)) + "|" + OBS_QP$);
//const QUOTED_STRING$ = subexp('\\"' + subexp(FWS$ + "?" + QCONTENT$) + "*" + FWS$ + "?" + '\\"');
var ATEXT$$ = "[A-Za-z0-9\\!\\$\\%\\'\\*\\+\\-\\^\\_\\`\\{\\|\\}\\~]";
var QTEXT$$ = "[\\!\\$\\%\\'\\(\\)\\*\\+\\,\\-\\.0-9\\<\\>A-Z\\x5E-\\x7E]";
var VCHAR$$ = merge(QTEXT$$, "[\\\"\\\\]");
var SOME_DELIMS$$ = "[\\!\\$\\'\\(\\)\\*\\+\\,\\;\\:\\@]";
var UNRESERVED = new RegExp(UNRESERVED$$, "g");
var PCT_ENCODED = new RegExp(PCT_ENCODED$, "g");
var NOT_LOCAL_PART = new RegExp(merge("[^]", ATEXT$$, "[\\.]", '[\\"]', VCHAR$$), "g");
var NOT_HFNAME = new RegExp(merge("[^]", UNRESERVED$$, SOME_DELIMS$$), "g");
var NOT_HFVALUE = NOT_HFNAME;
function decodeUnreserved(str) {
    var decStr = pctDecChars(str);
    return !decStr.match(UNRESERVED) ? str : decStr;
}
var handler$4 = {
    scheme: "mailto",
    parse: function parse$$1(components, options) {
        var mailtoComponents = components;
        var to = mailtoComponents.to = mailtoComponents.path ? mailtoComponents.path.split(",") : [];
        mailtoComponents.path = undefined;
        if (mailtoComponents.query) {
            var unknownHeaders = false;
            var headers = {};
            var hfields = mailtoComponents.query.split("&");
            for (var x = 0, xl = hfields.length; x < xl; ++x) {
                var hfield = hfields[x].split("=");
                switch (hfield[0]) {
                    case "to":
                        var toAddrs = hfield[1].split(",");
                        for (var _x = 0, _xl = toAddrs.length; _x < _xl; ++_x) {
                            to.push(toAddrs[_x]);
                        }
                        break;
                    case "subject":
                        mailtoComponents.subject = unescapeComponent(hfield[1], options);
                        break;
                    case "body":
                        mailtoComponents.body = unescapeComponent(hfield[1], options);
                        break;
                    default:
                        unknownHeaders = true;
                        headers[unescapeComponent(hfield[0], options)] = unescapeComponent(hfield[1], options);
                        break;
                }
            }
            if (unknownHeaders) mailtoComponents.headers = headers;
        }
        mailtoComponents.query = undefined;
        for (var _x2 = 0, _xl2 = to.length; _x2 < _xl2; ++_x2) {
            var addr = to[_x2].split("@");
            addr[0] = unescapeComponent(addr[0]);
            if (!options.unicodeSupport) {
                //convert Unicode IDN -> ASCII IDN
                try {
                    addr[1] = punycode.toASCII(unescapeComponent(addr[1], options).toLowerCase());
                } catch (e) {
                    mailtoComponents.error = mailtoComponents.error || "Email address's domain name can not be converted to ASCII via punycode: " + e;
                }
            } else {
                addr[1] = unescapeComponent(addr[1], options).toLowerCase();
            }
            to[_x2] = addr.join("@");
        }
        return mailtoComponents;
    },
    serialize: function serialize$$1(mailtoComponents, options) {
        var components = mailtoComponents;
        var to = toArray(mailtoComponents.to);
        if (to) {
            for (var x = 0, xl = to.length; x < xl; ++x) {
                var toAddr = String(to[x]);
                var atIdx = toAddr.lastIndexOf("@");
                var localPart = toAddr.slice(0, atIdx).replace(PCT_ENCODED, decodeUnreserved).replace(PCT_ENCODED, toUpperCase).replace(NOT_LOCAL_PART, pctEncChar);
                var domain = toAddr.slice(atIdx + 1);
                //convert IDN via punycode
                try {
                    domain = !options.iri ? punycode.toASCII(unescapeComponent(domain, options).toLowerCase()) : punycode.toUnicode(domain);
                } catch (e) {
                    components.error = components.error || "Email address's domain name can not be converted to " + (!options.iri ? "ASCII" : "Unicode") + " via punycode: " + e;
                }
                to[x] = localPart + "@" + domain;
            }
            components.path = to.join(",");
        }
        var headers = mailtoComponents.headers = mailtoComponents.headers || {};
        if (mailtoComponents.subject) headers["subject"] = mailtoComponents.subject;
        if (mailtoComponents.body) headers["body"] = mailtoComponents.body;
        var fields = [];
        for (var name in headers) {
            if (headers[name] !== O[name]) {
                fields.push(name.replace(PCT_ENCODED, decodeUnreserved).replace(PCT_ENCODED, toUpperCase).replace(NOT_HFNAME, pctEncChar) + "=" + headers[name].replace(PCT_ENCODED, decodeUnreserved).replace(PCT_ENCODED, toUpperCase).replace(NOT_HFVALUE, pctEncChar));
            }
        }
        if (fields.length) {
            components.query = fields.join("&");
        }
        return components;
    }
};

var URN_PARSE = /^([^\:]+)\:(.*)/;
//RFC 2141
var handler$5 = {
    scheme: "urn",
    parse: function parse$$1(components, options) {
        var matches = components.path && components.path.match(URN_PARSE);
        var urnComponents = components;
        if (matches) {
            var scheme = options.scheme || urnComponents.scheme || "urn";
            var nid = matches[1].toLowerCase();
            var nss = matches[2];
            var urnScheme = scheme + ":" + (options.nid || nid);
            var schemeHandler = SCHEMES[urnScheme];
            urnComponents.nid = nid;
            urnComponents.nss = nss;
            urnComponents.path = undefined;
            if (schemeHandler) {
                urnComponents = schemeHandler.parse(urnComponents, options);
            }
        } else {
            urnComponents.error = urnComponents.error || "URN can not be parsed.";
        }
        return urnComponents;
    },
    serialize: function serialize$$1(urnComponents, options) {
        var scheme = options.scheme || urnComponents.scheme || "urn";
        var nid = urnComponents.nid;
        var urnScheme = scheme + ":" + (options.nid || nid);
        var schemeHandler = SCHEMES[urnScheme];
        if (schemeHandler) {
            urnComponents = schemeHandler.serialize(urnComponents, options);
        }
        var uriComponents = urnComponents;
        var nss = urnComponents.nss;
        uriComponents.path = (nid || options.nid) + ":" + nss;
        return uriComponents;
    }
};

var UUID = /^[0-9A-Fa-f]{8}(?:\-[0-9A-Fa-f]{4}){3}\-[0-9A-Fa-f]{12}$/;
//RFC 4122
var handler$6 = {
    scheme: "urn:uuid",
    parse: function parse(urnComponents, options) {
        var uuidComponents = urnComponents;
        uuidComponents.uuid = uuidComponents.nss;
        uuidComponents.nss = undefined;
        if (!options.tolerant && (!uuidComponents.uuid || !uuidComponents.uuid.match(UUID))) {
            uuidComponents.error = uuidComponents.error || "UUID is not valid.";
        }
        return uuidComponents;
    },
    serialize: function serialize(uuidComponents, options) {
        var urnComponents = uuidComponents;
        //normalize UUID
        urnComponents.nss = (uuidComponents.uuid || "").toLowerCase();
        return urnComponents;
    }
};

SCHEMES[handler.scheme] = handler;
SCHEMES[handler$1.scheme] = handler$1;
SCHEMES[handler$2.scheme] = handler$2;
SCHEMES[handler$3.scheme] = handler$3;
SCHEMES[handler$4.scheme] = handler$4;
SCHEMES[handler$5.scheme] = handler$5;
SCHEMES[handler$6.scheme] = handler$6;

exports.SCHEMES = SCHEMES;
exports.pctEncChar = pctEncChar;
exports.pctDecChars = pctDecChars;
exports.parse = parse;
exports.removeDotSegments = removeDotSegments;
exports.serialize = serialize;
exports.resolveComponents = resolveComponents;
exports.resolve = resolve;
exports.normalize = normalize;
exports.equal = equal;
exports.escapeComponent = escapeComponent;
exports.unescapeComponent = unescapeComponent;

Object.defineProperty(exports, '__esModule', { value: true });

})));
//# sourceMappingURL=uri.all.js.map


/***/ }),

/***/ 3304:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
/* harmony import */ var _kubernetes_models_validate__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5707);
const validate=validate0;function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&isFinite(data))){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"number"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}let formats0=_kubernetes_models_validate__WEBPACK_IMPORTED_MODULE_0__/* .formats */ .F.quantity;function validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("number"==typeof data&&isFinite(data),"string"==typeof data){if(!formats0.validate.test(data)){let err0={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"quantity"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate3.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0,valid0=!1,passing0=null;validate1(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length);var _valid0=0===errors;_valid0&&(valid0=!0,passing0=0);let _errs2=errors;validate3(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length);var _valid0=_errs2===errors;if(_valid0&&valid0?(valid0=!1,passing0=[passing0,1]):_valid0&&(valid0=!0,passing0=1),valid0)errors=0,null!==vErrors&&(vErrors=null);else{let err0={instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas:passing0}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate0.errors=vErrors,0===errors}

/***/ }),

/***/ 8355:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
/* harmony import */ var _kubernetes_models_validate__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5707);
/* harmony import */ var _IoK8sApimachineryPkgApisMetaV1Time_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9157);
const validate=validate1;function validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return (0,_IoK8sApimachineryPkgApisMetaV1Time_js__WEBPACK_IMPORTED_MODULE_0__/* .validate */ .t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?_IoK8sApimachineryPkgApisMetaV1Time_js__WEBPACK_IMPORTED_MODULE_0__/* .validate */ .t.errors:vErrors.concat(_IoK8sApimachineryPkgApisMetaV1Time_js__WEBPACK_IMPORTED_MODULE_0__/* .validate */ .t.errors)).length),validate2.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate0.errors=vErrors,0===errors}let formats0=_kubernetes_models_validate__WEBPACK_IMPORTED_MODULE_1__/* .formats */ .F.int64;function validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int64"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate7.errors=vErrors,0===errors}function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.type){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"type"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.status){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"status"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}if(void 0===data.lastTransitionTime){let err2={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"lastTransitionTime"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}if(void 0===data.reason){let err3={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"reason"}};null===vErrors?vErrors=[err3]:vErrors.push(err3),errors++}if(void 0===data.message){let err4={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"message"}};null===vErrors?vErrors=[err4]:vErrors.push(err4),errors++}void 0!==data.lastTransitionTime&&(validate2(data.lastTransitionTime,{instancePath:instancePath+"/lastTransitionTime",parentData:data,parentDataProperty:"lastTransitionTime",rootData})||(errors=(vErrors=null===vErrors?validate2.errors:vErrors.concat(validate2.errors)).length)),void 0!==data.message&&(validate0(data.message,{instancePath:instancePath+"/message",parentData:data,parentDataProperty:"message",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.observedGeneration&&(validate7(data.observedGeneration,{instancePath:instancePath+"/observedGeneration",parentData:data,parentDataProperty:"observedGeneration",rootData})||(errors=(vErrors=null===vErrors?validate7.errors:vErrors.concat(validate7.errors)).length)),void 0!==data.reason&&(validate0(data.reason,{instancePath:instancePath+"/reason",parentData:data,parentDataProperty:"reason",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.status&&(validate0(data.status,{instancePath:instancePath+"/status",parentData:data,parentDataProperty:"status",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.type&&(validate0(data.type,{instancePath:instancePath+"/type",parentData:data,parentDataProperty:"type",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length))}else{let err5={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err5]:vErrors.push(err5),errors++}return validate1.errors=vErrors,0===errors}

/***/ }),

/***/ 4853:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
/* harmony import */ var _IoK8sApimachineryPkgApisMetaV1LabelSelectorRequirement_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4678);
const validate=validate0;function validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return (0,_IoK8sApimachineryPkgApisMetaV1LabelSelectorRequirement_js__WEBPACK_IMPORTED_MODULE_0__/* .validate */ .t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?_IoK8sApimachineryPkgApisMetaV1LabelSelectorRequirement_js__WEBPACK_IMPORTED_MODULE_0__/* .validate */ .t.errors:vErrors.concat(_IoK8sApimachineryPkgApisMetaV1LabelSelectorRequirement_js__WEBPACK_IMPORTED_MODULE_0__/* .validate */ .t.errors)).length),validate2.errors=vErrors,0===errors}function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate2(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate2.errors:vErrors.concat(validate2.errors)).length)}return validate1.errors=vErrors,0===errors}function validate8(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate8.errors=vErrors,0===errors}function validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!(data&&"object"==typeof data&&!Array.isArray(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(data&&"object"==typeof data&&!Array.isArray(data))for(let key0 in data)validate8(data[key0],{instancePath:instancePath+"/"+key0.replace(/~/g,"~0").replace(/\//g,"~1"),parentData:data,parentDataProperty:key0,rootData})||(errors=(vErrors=null===vErrors?validate8.errors:vErrors.concat(validate8.errors)).length);return validate7.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.matchExpressions&&(validate1(data.matchExpressions,{instancePath:instancePath+"/matchExpressions",parentData:data,parentDataProperty:"matchExpressions",rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length)),void 0!==data.matchLabels&&(validate7(data.matchLabels,{instancePath:instancePath+"/matchLabels",parentData:data,parentDataProperty:"matchLabels",rootData})||(errors=(vErrors=null===vErrors?validate7.errors:vErrors.concat(validate7.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate0.errors=vErrors,0===errors}

/***/ }),

/***/ 4678:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
const validate=validate1;function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate0.errors=vErrors,0===errors}function validate4(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate0(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)}return validate4.errors=vErrors,0===errors}function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.key){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"key"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.operator){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"operator"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.key&&(validate0(data.key,{instancePath:instancePath+"/key",parentData:data,parentDataProperty:"key",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.operator&&(validate0(data.operator,{instancePath:instancePath+"/operator",parentData:data,parentDataProperty:"operator",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.values&&(validate4(data.values,{instancePath:instancePath+"/values",parentData:data,parentDataProperty:"values",rootData})||(errors=(vErrors=null===vErrors?validate4.errors:vErrors.concat(validate4.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return validate1.errors=vErrors,0===errors}

/***/ }),

/***/ 3215:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  t: () => (/* binding */ IoK8sApimachineryPkgApisMetaV1ObjectMeta_validate)
});

// EXTERNAL MODULE: ./node_modules/@kubernetes-models/validate/dist/formats.js + 2 modules
var formats = __webpack_require__(5707);
// EXTERNAL MODULE: ./node_modules/@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1Time.js
var IoK8sApimachineryPkgApisMetaV1Time = __webpack_require__(9157);
;// CONCATENATED MODULE: ./node_modules/@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1FieldsV1.js
const validate=validate0;function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!(data&&"object"==typeof data&&!Array.isArray(data))){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry.js
const IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate=validate1;function IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate0.errors=vErrors,0===errors}function validate4(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?validate.errors:vErrors.concat(validate.errors)).length)),validate4.errors=vErrors,0===errors}function validate11(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApimachineryPkgApisMetaV1Time/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1Time/* validate */.t.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1Time/* validate */.t.errors)).length)),validate11.errors=vErrors,0===errors}function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.apiVersion&&(IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate0(data.apiVersion,{instancePath:instancePath+"/apiVersion",parentData:data,parentDataProperty:"apiVersion",rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate0.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate0.errors)).length)),void 0!==data.fieldsType&&(IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate0(data.fieldsType,{instancePath:instancePath+"/fieldsType",parentData:data,parentDataProperty:"fieldsType",rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate0.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate0.errors)).length)),void 0!==data.fieldsV1&&(validate4(data.fieldsV1,{instancePath:instancePath+"/fieldsV1",parentData:data,parentDataProperty:"fieldsV1",rootData})||(errors=(vErrors=null===vErrors?validate4.errors:vErrors.concat(validate4.errors)).length)),void 0!==data.manager&&(IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate0(data.manager,{instancePath:instancePath+"/manager",parentData:data,parentDataProperty:"manager",rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate0.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate0.errors)).length)),void 0!==data.operation&&(IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate0(data.operation,{instancePath:instancePath+"/operation",parentData:data,parentDataProperty:"operation",rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate0.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate0.errors)).length)),void 0!==data.subresource&&(IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate0(data.subresource,{instancePath:instancePath+"/subresource",parentData:data,parentDataProperty:"subresource",rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate0.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate0.errors)).length)),void 0!==data.time&&(validate11(data.time,{instancePath:instancePath+"/time",parentData:data,parentDataProperty:"time",rootData})||(errors=(vErrors=null===vErrors?validate11.errors:vErrors.concat(validate11.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1OwnerReference.js
const IoK8sApimachineryPkgApisMetaV1OwnerReference_validate=validate2;function IoK8sApimachineryPkgApisMetaV1OwnerReference_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApimachineryPkgApisMetaV1OwnerReference_validate1.errors=vErrors,0===errors}function IoK8sApimachineryPkgApisMetaV1OwnerReference_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApimachineryPkgApisMetaV1OwnerReference_validate0.errors=vErrors,0===errors}function validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.apiVersion){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"apiVersion"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.kind){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"kind"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}if(void 0===data.name){let err2={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"name"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}if(void 0===data.uid){let err3={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"uid"}};null===vErrors?vErrors=[err3]:vErrors.push(err3),errors++}void 0!==data.apiVersion&&(IoK8sApimachineryPkgApisMetaV1OwnerReference_validate1(data.apiVersion,{instancePath:instancePath+"/apiVersion",parentData:data,parentDataProperty:"apiVersion",rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1OwnerReference_validate1.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1OwnerReference_validate1.errors)).length)),void 0!==data.blockOwnerDeletion&&(IoK8sApimachineryPkgApisMetaV1OwnerReference_validate0(data.blockOwnerDeletion,{instancePath:instancePath+"/blockOwnerDeletion",parentData:data,parentDataProperty:"blockOwnerDeletion",rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1OwnerReference_validate0.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1OwnerReference_validate0.errors)).length)),void 0!==data.controller&&(IoK8sApimachineryPkgApisMetaV1OwnerReference_validate0(data.controller,{instancePath:instancePath+"/controller",parentData:data,parentDataProperty:"controller",rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1OwnerReference_validate0.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1OwnerReference_validate0.errors)).length)),void 0!==data.kind&&(IoK8sApimachineryPkgApisMetaV1OwnerReference_validate1(data.kind,{instancePath:instancePath+"/kind",parentData:data,parentDataProperty:"kind",rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1OwnerReference_validate1.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1OwnerReference_validate1.errors)).length)),void 0!==data.name&&(IoK8sApimachineryPkgApisMetaV1OwnerReference_validate1(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1OwnerReference_validate1.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1OwnerReference_validate1.errors)).length)),void 0!==data.uid&&(IoK8sApimachineryPkgApisMetaV1OwnerReference_validate1(data.uid,{instancePath:instancePath+"/uid",parentData:data,parentDataProperty:"uid",rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1OwnerReference_validate1.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1OwnerReference_validate1.errors)).length))}else{let err4={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err4]:vErrors.push(err4),errors++}return validate2.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1ObjectMeta.js
const IoK8sApimachineryPkgApisMetaV1ObjectMeta_validate=validate8;function validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate3.errors=vErrors,0===errors}function validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!(data&&"object"==typeof data&&!Array.isArray(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(data&&"object"==typeof data&&!Array.isArray(data))for(let key0 in data)validate3(data[key0],{instancePath:instancePath+"/"+key0.replace(/~/g,"~0").replace(/\//g,"~1"),parentData:data,parentDataProperty:key0,rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length);return validate5.errors=vErrors,0===errors}function IoK8sApimachineryPkgApisMetaV1ObjectMeta_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApimachineryPkgApisMetaV1Time/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1Time/* validate */.t.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1Time/* validate */.t.errors)).length)),IoK8sApimachineryPkgApisMetaV1ObjectMeta_validate0.errors=vErrors,0===errors}let formats0=formats/* formats */.F.int64;function IoK8sApimachineryPkgApisMetaV1ObjectMeta_validate4(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int64"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApimachineryPkgApisMetaV1ObjectMeta_validate4.errors=vErrors,0===errors}function validate13(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate3(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length)}return validate13.errors=vErrors,0===errors}function validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate7.errors=vErrors,0===errors}function validate20(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1ManagedFieldsEntry_validate.errors)).length),validate20.errors=vErrors,0===errors}function validate19(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate20(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate20.errors:vErrors.concat(validate20.errors)).length)}return validate19.errors=vErrors,0===errors}function validate28(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApimachineryPkgApisMetaV1OwnerReference_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1OwnerReference_validate.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1OwnerReference_validate.errors)).length),validate28.errors=vErrors,0===errors}function validate27(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate28(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate28.errors:vErrors.concat(validate28.errors)).length)}return validate27.errors=vErrors,0===errors}function validate8(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.annotations&&(validate5(data.annotations,{instancePath:instancePath+"/annotations",parentData:data,parentDataProperty:"annotations",rootData})||(errors=(vErrors=null===vErrors?validate5.errors:vErrors.concat(validate5.errors)).length)),void 0!==data.creationTimestamp&&(IoK8sApimachineryPkgApisMetaV1ObjectMeta_validate0(data.creationTimestamp,{instancePath:instancePath+"/creationTimestamp",parentData:data,parentDataProperty:"creationTimestamp",rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1ObjectMeta_validate0.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1ObjectMeta_validate0.errors)).length)),void 0!==data.deletionGracePeriodSeconds&&(IoK8sApimachineryPkgApisMetaV1ObjectMeta_validate4(data.deletionGracePeriodSeconds,{instancePath:instancePath+"/deletionGracePeriodSeconds",parentData:data,parentDataProperty:"deletionGracePeriodSeconds",rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1ObjectMeta_validate4.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1ObjectMeta_validate4.errors)).length)),void 0!==data.deletionTimestamp&&(IoK8sApimachineryPkgApisMetaV1ObjectMeta_validate0(data.deletionTimestamp,{instancePath:instancePath+"/deletionTimestamp",parentData:data,parentDataProperty:"deletionTimestamp",rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1ObjectMeta_validate0.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1ObjectMeta_validate0.errors)).length)),void 0!==data.finalizers&&(validate13(data.finalizers,{instancePath:instancePath+"/finalizers",parentData:data,parentDataProperty:"finalizers",rootData})||(errors=(vErrors=null===vErrors?validate13.errors:vErrors.concat(validate13.errors)).length)),void 0!==data.generateName&&(validate7(data.generateName,{instancePath:instancePath+"/generateName",parentData:data,parentDataProperty:"generateName",rootData})||(errors=(vErrors=null===vErrors?validate7.errors:vErrors.concat(validate7.errors)).length)),void 0!==data.generation&&(IoK8sApimachineryPkgApisMetaV1ObjectMeta_validate4(data.generation,{instancePath:instancePath+"/generation",parentData:data,parentDataProperty:"generation",rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1ObjectMeta_validate4.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1ObjectMeta_validate4.errors)).length)),void 0!==data.labels&&(validate5(data.labels,{instancePath:instancePath+"/labels",parentData:data,parentDataProperty:"labels",rootData})||(errors=(vErrors=null===vErrors?validate5.errors:vErrors.concat(validate5.errors)).length)),void 0!==data.managedFields&&(validate19(data.managedFields,{instancePath:instancePath+"/managedFields",parentData:data,parentDataProperty:"managedFields",rootData})||(errors=(vErrors=null===vErrors?validate19.errors:vErrors.concat(validate19.errors)).length)),void 0!==data.name&&(validate7(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?validate7.errors:vErrors.concat(validate7.errors)).length)),void 0!==data.namespace&&(validate7(data.namespace,{instancePath:instancePath+"/namespace",parentData:data,parentDataProperty:"namespace",rootData})||(errors=(vErrors=null===vErrors?validate7.errors:vErrors.concat(validate7.errors)).length)),void 0!==data.ownerReferences&&(validate27(data.ownerReferences,{instancePath:instancePath+"/ownerReferences",parentData:data,parentDataProperty:"ownerReferences",rootData})||(errors=(vErrors=null===vErrors?validate27.errors:vErrors.concat(validate27.errors)).length)),void 0!==data.resourceVersion&&(validate7(data.resourceVersion,{instancePath:instancePath+"/resourceVersion",parentData:data,parentDataProperty:"resourceVersion",rootData})||(errors=(vErrors=null===vErrors?validate7.errors:vErrors.concat(validate7.errors)).length)),void 0!==data.selfLink&&(validate7(data.selfLink,{instancePath:instancePath+"/selfLink",parentData:data,parentDataProperty:"selfLink",rootData})||(errors=(vErrors=null===vErrors?validate7.errors:vErrors.concat(validate7.errors)).length)),void 0!==data.uid&&(validate7(data.uid,{instancePath:instancePath+"/uid",parentData:data,parentDataProperty:"uid",rootData})||(errors=(vErrors=null===vErrors?validate7.errors:vErrors.concat(validate7.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate8.errors=vErrors,0===errors}

/***/ }),

/***/ 9157:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
/* harmony import */ var _kubernetes_models_validate__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5707);
const validate=validate0;let formats0=_kubernetes_models_validate__WEBPACK_IMPORTED_MODULE_0__/* .formats */ .F["date-time"];function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("number"==typeof data&&isFinite(data),"string"==typeof data){if(!formats0.validate(data)){let err0={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"date-time"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate0.errors=vErrors,0===errors}

/***/ }),

/***/ 8:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
/* harmony import */ var _kubernetes_models_validate__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5707);
const validate=validate0;function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}let formats0=_kubernetes_models_validate__WEBPACK_IMPORTED_MODULE_0__/* .formats */ .F.int32;function validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate3.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0,valid0=!1,passing0=null;validate1(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length);var _valid0=0===errors;_valid0&&(valid0=!0,passing0=0);let _errs2=errors;validate3(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length);var _valid0=_errs2===errors;if(_valid0&&valid0?(valid0=!1,passing0=[passing0,1]):_valid0&&(valid0=!0,passing0=1),valid0)errors=0,null!==vErrors&&(vErrors=null);else{let err0={instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas:passing0}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate0.errors=vErrors,0===errors}

/***/ }),

/***/ 5450:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ createTypeMetaGuard)
/* harmony export */ });
function isNonNullObject(value) {
    return typeof value === "object" && value != null;
}
function createTypeMetaGuard(meta) {
    return (value) => {
        return (isNonNullObject(value) &&
            value.apiVersion === meta.apiVersion &&
            value.kind === meta.kind);
    };
}
//# sourceMappingURL=meta.js.map

/***/ }),

/***/ 6267:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K: () => (/* binding */ Model),
  V: () => (/* binding */ setValidateFunc)
});

// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/validation_error.js
var validation_error = __webpack_require__(5402);
;// CONCATENATED MODULE: ./node_modules/@kubernetes-models/validate/dist/utils.js
function getDefault(value) {
    return value.__esModule ? value.default : value;
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@kubernetes-models/validate/dist/runtime/validation_error.js


/* harmony default export */ const runtime_validation_error = (getDefault(validation_error));
//# sourceMappingURL=validation_error.js.map
// EXTERNAL MODULE: ./node_modules/ajv-i18n/localize/en/index.js
var en = __webpack_require__(9350);
;// CONCATENATED MODULE: ./node_modules/@kubernetes-models/validate/dist/validate.js


const localizeEn = en;
function generateErrorMessage(errors) {
    localizeEn(errors);
    return errors
        .map((err) => `data${err.instancePath} ${err.message}`)
        .join(", ");
}
function runValidateFunc(fn, data) {
    if (!fn(data) && fn.errors) {
        const errors = fn.errors;
        const err = new runtime_validation_error(errors);
        err.message = generateErrorMessage(errors);
        throw err;
    }
}
//# sourceMappingURL=validate.js.map
;// CONCATENATED MODULE: ./node_modules/@kubernetes-models/base/dist/model.js

function setDefinedProps(src, dst) {
    const s = src;
    const d = dst;
    for (const key of Object.keys(s)) {
        if (s[key] !== undefined) {
            d[key] = filterUndefinedValues(s[key]);
        }
    }
    return dst;
}
/**
 * Returns true if the value is a plain object.
 *
 * Copied from: https://github.com/toss/es-toolkit/blob/0e8656da6afbe08952e78dcf2cd53d326d12c2f6/src/predicate/isPlainObject.ts#L43
 */
function isPlainObject(value) {
    if (!value || typeof value !== "object") {
        return false;
    }
    const proto = Object.getPrototypeOf(value);
    const hasObjectPrototype = proto === null ||
        proto === Object.prototype ||
        // Required to support node:vm.runInNewContext({})
        Object.getPrototypeOf(proto) === null;
    if (!hasObjectPrototype) {
        return false;
    }
    return Object.prototype.toString.call(value) === "[object Object]";
}
function filterUndefinedValues(data) {
    if (Array.isArray(data)) {
        return data.map(filterUndefinedValues);
    }
    if (isPlainObject(data)) {
        return setDefinedProps(data, {});
    }
    return data;
}
class Model {
    constructor(data) {
        if (data) {
            setDefinedProps(data, this);
        }
    }
    setDefinedProps(data) {
        if (data) {
            setDefinedProps(data, this);
        }
    }
    toJSON() {
        const result = {};
        setDefinedProps(this, result);
        return result;
    }
    validate() {
        // Use `setValidateFunc` to set the validate function
    }
}
function setValidateFunc(ctor, fn) {
    ctor.prototype.validate = function () {
        runValidateFunc(fn, this);
    };
}
//# sourceMappingURL=model.js.map

/***/ }),

/***/ 5707:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  F: () => (/* binding */ formats_formats)
});

// UNUSED EXPORTS: addFormats

// EXTERNAL MODULE: ./node_modules/ajv-formats/dist/formats.js
var formats = __webpack_require__(779);
// EXTERNAL MODULE: ./src/bundle/ajv-formats-draft2019.cjs
var ajv_formats_draft2019 = __webpack_require__(8457);
;// CONCATENATED MODULE: ./node_modules/cidr-regex/dist/index.js
//#region index.ts
const defaultOpts = { exact: false };
const v4src = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)){3}\\/(3[0-2]|[12]?[0-9])";
const v6src = "(?:(?:[a-fA-F\\d]{1,4}:){7}(?:[a-fA-F\\d]{1,4}|:)|(?:[a-fA-F\\d]{1,4}:){6}(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)){3}|:[a-fA-F\\d]{1,4}|:)|(?:[a-fA-F\\d]{1,4}:){5}(?::(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)){3}|(?::[a-fA-F\\d]{1,4}){1,2}|:)|(?:[a-fA-F\\d]{1,4}:){4}(?:(?::[a-fA-F\\d]{1,4})?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)){3}|(?::[a-fA-F\\d]{1,4}){1,3}|:)|(?:[a-fA-F\\d]{1,4}:){3}(?:(?::[a-fA-F\\d]{1,4}){0,2}:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)){3}|(?::[a-fA-F\\d]{1,4}){1,4}|:)|(?:[a-fA-F\\d]{1,4}:){2}(?:(?::[a-fA-F\\d]{1,4}){0,3}:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)){3}|(?::[a-fA-F\\d]{1,4}){1,5}|:)|[a-fA-F\\d]{1,4}:(?:(?::[a-fA-F\\d]{1,4}){0,4}:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)){3}|(?::[a-fA-F\\d]{1,4}){1,6}|:)|:(?:(?::[a-fA-F\\d]{1,4}){0,5}:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)){3}|(?::[a-fA-F\\d]{1,4}){1,7}|:))(?:%[0-9a-zA-Z]+)?\\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])";
const v46src = `${v4src}|${v6src}`;
const v4exact = new RegExp(`^${v4src}$`);
const v6exact = new RegExp(`^${v6src}$`);
const v46exact = new RegExp(`^${v4src}$|^${v6src}$`);
const v4global = new RegExp(v4src, "g");
const v6global = new RegExp(v6src, "g");
const v46global = new RegExp(v46src, "g");
function resetRegex(re) {
	re.lastIndex = 0;
	return re;
}
const cidrRegex = ({ exact } = defaultOpts) => exact ? v46exact : resetRegex(v46global);
const v4 = cidrRegex.v4 = ({ exact } = defaultOpts) => exact ? v4exact : resetRegex(v4global);
const v6 = cidrRegex.v6 = ({ exact } = defaultOpts) => exact ? v6exact : resetRegex(v6global);

//#endregion

;// CONCATENATED MODULE: ./node_modules/is-cidr/dist/index.js


//#region index.ts
const re4 = v4({ exact: true });
const re6 = v6({ exact: true });
const isCidr = (str) => re4.test(str) ? 4 : re6.test(str) ? 6 : 0;
const dist_v4 = isCidr.v4 = (str) => re4.test(str);
const dist_v6 = isCidr.v6 = (str) => re6.test(str);

//#endregion

;// CONCATENATED MODULE: ./node_modules/@kubernetes-models/validate/dist/formats.js



// From: https://github.com/miguelmota/is-base64/blob/0702e189090921a2f11b4342f27906ff8c43d7ec/is-base64.js#L15
const rBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// https://github.com/kubernetes/apimachinery/blob/8c18d83/pkg/api/resource/quantity.go
const rSignedNumber = /[+-]?(?:\d+|\d+\.\d+|\d+\.|\.\d+)/;
// https://physics.nist.gov/cuu/Units/binary.html
const rBinarySI = /[KMGTPE]i/;
// https://en.wikipedia.org/wiki/Metric_prefix#List_of_SI_prefixes
const rDecimalSI = /(?:[YZEPTGMkhdcmunpfazy]|da)/;
const rDecimalExponent = new RegExp(`[eE]${rSignedNumber.source}`);
const rQuantitySuffix = new RegExp(`(?:${rBinarySI.source}|${rDecimalSI.source}|${rDecimalExponent.source})?`);
const rQuantity = new RegExp(`^${rSignedNumber.source}${rQuantitySuffix.source}$`);
const formats_formats = {
    ...formats/* fullFormats */.U9,
    ...ajv_formats_draft2019,
    byte: {
        type: "string",
        validate: (value) => rBase64.test(value),
    },
    quantity: {
        type: "string",
        validate: rQuantity,
    },
    // This format is used in Istio.
    string: {
        type: "string",
        validate: (value) => typeof value === "string",
    },
    cidr: {
        type: "string",
        validate: (value) => isCidr(value) !== 0,
    },
};
function addFormats(ajv) {
    for (const [name, format] of Object.entries(formats_formats)) {
        ajv.addFormat(name, format);
    }
}
//# sourceMappingURL=formats.js.map

/***/ }),

/***/ 1480:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  t: () => (/* binding */ IoK8sApiBatchV1JobSpec_validate)
});

// EXTERNAL MODULE: ./node_modules/@kubernetes-models/validate/dist/formats.js + 2 modules
var formats = __webpack_require__(5707);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiBatchV1PodFailurePolicyOnExitCodesRequirement.js
const validate=validate0;function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}let schema2_enum=["In","NotIn"];function validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("In"!==data&&"NotIn"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema2_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate3.errors=vErrors,0===errors}let formats0=formats/* formats */.F.int32;function validate6(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate6.errors=vErrors,0===errors}function validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate6(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate6.errors:vErrors.concat(validate6.errors)).length)}else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate5.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.operator){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"operator"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.values){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"values"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.containerName&&(validate1(data.containerName,{instancePath:instancePath+"/containerName",parentData:data,parentDataProperty:"containerName",rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length)),void 0!==data.operator&&(validate3(data.operator,{instancePath:instancePath+"/operator",parentData:data,parentDataProperty:"operator",rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length)),void 0!==data.values&&(validate5(data.values,{instancePath:instancePath+"/values",parentData:data,parentDataProperty:"values",rootData})||(errors=(vErrors=null===vErrors?validate5.errors:vErrors.concat(validate5.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiBatchV1PodFailurePolicyOnPodConditionsPattern.js
const IoK8sApiBatchV1PodFailurePolicyOnPodConditionsPattern_validate=IoK8sApiBatchV1PodFailurePolicyOnPodConditionsPattern_validate0;function IoK8sApiBatchV1PodFailurePolicyOnPodConditionsPattern_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiBatchV1PodFailurePolicyOnPodConditionsPattern_validate1.errors=vErrors,0===errors}function IoK8sApiBatchV1PodFailurePolicyOnPodConditionsPattern_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiBatchV1PodFailurePolicyOnPodConditionsPattern_validate3.errors=vErrors,0===errors}function IoK8sApiBatchV1PodFailurePolicyOnPodConditionsPattern_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.type){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"type"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.status&&(IoK8sApiBatchV1PodFailurePolicyOnPodConditionsPattern_validate1(data.status,{instancePath:instancePath+"/status",parentData:data,parentDataProperty:"status",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1PodFailurePolicyOnPodConditionsPattern_validate1.errors:vErrors.concat(IoK8sApiBatchV1PodFailurePolicyOnPodConditionsPattern_validate1.errors)).length)),void 0!==data.type&&(IoK8sApiBatchV1PodFailurePolicyOnPodConditionsPattern_validate3(data.type,{instancePath:instancePath+"/type",parentData:data,parentDataProperty:"type",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1PodFailurePolicyOnPodConditionsPattern_validate3.errors:vErrors.concat(IoK8sApiBatchV1PodFailurePolicyOnPodConditionsPattern_validate3.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiBatchV1PodFailurePolicyOnPodConditionsPattern_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiBatchV1PodFailurePolicyRule.js
const IoK8sApiBatchV1PodFailurePolicyRule_validate=IoK8sApiBatchV1PodFailurePolicyRule_validate0;let schema1_enum=["Count","FailIndex","FailJob","Ignore"];function IoK8sApiBatchV1PodFailurePolicyRule_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("Count"!==data&&"FailIndex"!==data&&"FailJob"!==data&&"Ignore"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema1_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiBatchV1PodFailurePolicyRule_validate1.errors=vErrors,0===errors}function IoK8sApiBatchV1PodFailurePolicyRule_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?validate.errors:vErrors.concat(validate.errors)).length)),IoK8sApiBatchV1PodFailurePolicyRule_validate3.errors=vErrors,0===errors}function validate8(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiBatchV1PodFailurePolicyOnPodConditionsPattern_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1PodFailurePolicyOnPodConditionsPattern_validate.errors:vErrors.concat(IoK8sApiBatchV1PodFailurePolicyOnPodConditionsPattern_validate.errors)).length),validate8.errors=vErrors,0===errors}function validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate8(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate8.errors:vErrors.concat(validate8.errors)).length)}return validate7.errors=vErrors,0===errors}function IoK8sApiBatchV1PodFailurePolicyRule_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.action){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"action"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.action&&(IoK8sApiBatchV1PodFailurePolicyRule_validate1(data.action,{instancePath:instancePath+"/action",parentData:data,parentDataProperty:"action",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1PodFailurePolicyRule_validate1.errors:vErrors.concat(IoK8sApiBatchV1PodFailurePolicyRule_validate1.errors)).length)),void 0!==data.onExitCodes&&(IoK8sApiBatchV1PodFailurePolicyRule_validate3(data.onExitCodes,{instancePath:instancePath+"/onExitCodes",parentData:data,parentDataProperty:"onExitCodes",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1PodFailurePolicyRule_validate3.errors:vErrors.concat(IoK8sApiBatchV1PodFailurePolicyRule_validate3.errors)).length)),void 0!==data.onPodConditions&&(validate7(data.onPodConditions,{instancePath:instancePath+"/onPodConditions",parentData:data,parentDataProperty:"onPodConditions",rootData})||(errors=(vErrors=null===vErrors?validate7.errors:vErrors.concat(validate7.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiBatchV1PodFailurePolicyRule_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiBatchV1PodFailurePolicy.js
const IoK8sApiBatchV1PodFailurePolicy_validate=IoK8sApiBatchV1PodFailurePolicy_validate0;function validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiBatchV1PodFailurePolicyRule_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1PodFailurePolicyRule_validate.errors:vErrors.concat(IoK8sApiBatchV1PodFailurePolicyRule_validate.errors)).length),validate2.errors=vErrors,0===errors}function IoK8sApiBatchV1PodFailurePolicy_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate2(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate2.errors:vErrors.concat(validate2.errors)).length)}else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiBatchV1PodFailurePolicy_validate1.errors=vErrors,0===errors}function IoK8sApiBatchV1PodFailurePolicy_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.rules){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"rules"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.rules&&(IoK8sApiBatchV1PodFailurePolicy_validate1(data.rules,{instancePath:instancePath+"/rules",parentData:data,parentDataProperty:"rules",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1PodFailurePolicy_validate1.errors:vErrors.concat(IoK8sApiBatchV1PodFailurePolicy_validate1.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiBatchV1PodFailurePolicy_validate0.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1LabelSelector.js
var IoK8sApimachineryPkgApisMetaV1LabelSelector = __webpack_require__(4853);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiBatchV1SuccessPolicyRule.js
const IoK8sApiBatchV1SuccessPolicyRule_validate=IoK8sApiBatchV1SuccessPolicyRule_validate0;let IoK8sApiBatchV1SuccessPolicyRule_formats0=formats/* formats */.F.int32;function IoK8sApiBatchV1SuccessPolicyRule_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiBatchV1SuccessPolicyRule_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiBatchV1SuccessPolicyRule_validate1.errors=vErrors,0===errors}function IoK8sApiBatchV1SuccessPolicyRule_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiBatchV1SuccessPolicyRule_validate3.errors=vErrors,0===errors}function IoK8sApiBatchV1SuccessPolicyRule_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.succeededCount&&(IoK8sApiBatchV1SuccessPolicyRule_validate1(data.succeededCount,{instancePath:instancePath+"/succeededCount",parentData:data,parentDataProperty:"succeededCount",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1SuccessPolicyRule_validate1.errors:vErrors.concat(IoK8sApiBatchV1SuccessPolicyRule_validate1.errors)).length)),void 0!==data.succeededIndexes&&(IoK8sApiBatchV1SuccessPolicyRule_validate3(data.succeededIndexes,{instancePath:instancePath+"/succeededIndexes",parentData:data,parentDataProperty:"succeededIndexes",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1SuccessPolicyRule_validate3.errors:vErrors.concat(IoK8sApiBatchV1SuccessPolicyRule_validate3.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiBatchV1SuccessPolicyRule_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiBatchV1SuccessPolicy.js
const IoK8sApiBatchV1SuccessPolicy_validate=IoK8sApiBatchV1SuccessPolicy_validate0;function IoK8sApiBatchV1SuccessPolicy_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiBatchV1SuccessPolicyRule_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1SuccessPolicyRule_validate.errors:vErrors.concat(IoK8sApiBatchV1SuccessPolicyRule_validate.errors)).length),IoK8sApiBatchV1SuccessPolicy_validate2.errors=vErrors,0===errors}function IoK8sApiBatchV1SuccessPolicy_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiBatchV1SuccessPolicy_validate2(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1SuccessPolicy_validate2.errors:vErrors.concat(IoK8sApiBatchV1SuccessPolicy_validate2.errors)).length)}else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiBatchV1SuccessPolicy_validate1.errors=vErrors,0===errors}function IoK8sApiBatchV1SuccessPolicy_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.rules){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"rules"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.rules&&(IoK8sApiBatchV1SuccessPolicy_validate1(data.rules,{instancePath:instancePath+"/rules",parentData:data,parentDataProperty:"rules",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1SuccessPolicy_validate1.errors:vErrors.concat(IoK8sApiBatchV1SuccessPolicy_validate1.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiBatchV1SuccessPolicy_validate0.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PodTemplateSpec.js
var IoK8sApiCoreV1PodTemplateSpec = __webpack_require__(8022);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiBatchV1JobSpec.js
const IoK8sApiBatchV1JobSpec_validate=IoK8sApiBatchV1JobSpec_validate2;let formats2=formats/* formats */.F.int64;function IoK8sApiBatchV1JobSpec_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!formats2.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int64"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiBatchV1JobSpec_validate3.errors=vErrors,0===errors}let IoK8sApiBatchV1JobSpec_formats0=formats/* formats */.F.int32;function IoK8sApiBatchV1JobSpec_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiBatchV1JobSpec_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiBatchV1JobSpec_validate0.errors=vErrors,0===errors}let schema4_enum=["Indexed","NonIndexed"];function IoK8sApiBatchV1JobSpec_validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("Indexed"!==data&&"NonIndexed"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema4_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiBatchV1JobSpec_validate7.errors=vErrors,0===errors}function validate10(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate10.errors=vErrors,0===errors}function IoK8sApiBatchV1JobSpec_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiBatchV1JobSpec_validate1.errors=vErrors,0===errors}function validate15(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiBatchV1PodFailurePolicy_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1PodFailurePolicy_validate.errors:vErrors.concat(IoK8sApiBatchV1PodFailurePolicy_validate.errors)).length)),validate15.errors=vErrors,0===errors}let schema8_enum=["Failed","TerminatingOrFailed"];function validate19(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("Failed"!==data&&"TerminatingOrFailed"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema8_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate19.errors=vErrors,0===errors}function validate21(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApimachineryPkgApisMetaV1LabelSelector/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1LabelSelector/* validate */.t.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1LabelSelector/* validate */.t.errors)).length)),validate21.errors=vErrors,0===errors}function validate25(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiBatchV1SuccessPolicy_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1SuccessPolicy_validate.errors:vErrors.concat(IoK8sApiBatchV1SuccessPolicy_validate.errors)).length)),validate25.errors=vErrors,0===errors}function validate30(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return (0,IoK8sApiCoreV1PodTemplateSpec/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodTemplateSpec/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1PodTemplateSpec/* validate */.t.errors)).length),validate30.errors=vErrors,0===errors}function IoK8sApiBatchV1JobSpec_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.template){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"template"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.activeDeadlineSeconds&&(IoK8sApiBatchV1JobSpec_validate3(data.activeDeadlineSeconds,{instancePath:instancePath+"/activeDeadlineSeconds",parentData:data,parentDataProperty:"activeDeadlineSeconds",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1JobSpec_validate3.errors:vErrors.concat(IoK8sApiBatchV1JobSpec_validate3.errors)).length)),void 0!==data.backoffLimit&&(IoK8sApiBatchV1JobSpec_validate0(data.backoffLimit,{instancePath:instancePath+"/backoffLimit",parentData:data,parentDataProperty:"backoffLimit",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1JobSpec_validate0.errors:vErrors.concat(IoK8sApiBatchV1JobSpec_validate0.errors)).length)),void 0!==data.backoffLimitPerIndex&&(IoK8sApiBatchV1JobSpec_validate0(data.backoffLimitPerIndex,{instancePath:instancePath+"/backoffLimitPerIndex",parentData:data,parentDataProperty:"backoffLimitPerIndex",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1JobSpec_validate0.errors:vErrors.concat(IoK8sApiBatchV1JobSpec_validate0.errors)).length)),void 0!==data.completionMode&&(IoK8sApiBatchV1JobSpec_validate7(data.completionMode,{instancePath:instancePath+"/completionMode",parentData:data,parentDataProperty:"completionMode",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1JobSpec_validate7.errors:vErrors.concat(IoK8sApiBatchV1JobSpec_validate7.errors)).length)),void 0!==data.completions&&(IoK8sApiBatchV1JobSpec_validate0(data.completions,{instancePath:instancePath+"/completions",parentData:data,parentDataProperty:"completions",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1JobSpec_validate0.errors:vErrors.concat(IoK8sApiBatchV1JobSpec_validate0.errors)).length)),void 0!==data.managedBy&&(validate10(data.managedBy,{instancePath:instancePath+"/managedBy",parentData:data,parentDataProperty:"managedBy",rootData})||(errors=(vErrors=null===vErrors?validate10.errors:vErrors.concat(validate10.errors)).length)),void 0!==data.manualSelector&&(IoK8sApiBatchV1JobSpec_validate1(data.manualSelector,{instancePath:instancePath+"/manualSelector",parentData:data,parentDataProperty:"manualSelector",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1JobSpec_validate1.errors:vErrors.concat(IoK8sApiBatchV1JobSpec_validate1.errors)).length)),void 0!==data.maxFailedIndexes&&(IoK8sApiBatchV1JobSpec_validate0(data.maxFailedIndexes,{instancePath:instancePath+"/maxFailedIndexes",parentData:data,parentDataProperty:"maxFailedIndexes",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1JobSpec_validate0.errors:vErrors.concat(IoK8sApiBatchV1JobSpec_validate0.errors)).length)),void 0!==data.parallelism&&(IoK8sApiBatchV1JobSpec_validate0(data.parallelism,{instancePath:instancePath+"/parallelism",parentData:data,parentDataProperty:"parallelism",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1JobSpec_validate0.errors:vErrors.concat(IoK8sApiBatchV1JobSpec_validate0.errors)).length)),void 0!==data.podFailurePolicy&&(validate15(data.podFailurePolicy,{instancePath:instancePath+"/podFailurePolicy",parentData:data,parentDataProperty:"podFailurePolicy",rootData})||(errors=(vErrors=null===vErrors?validate15.errors:vErrors.concat(validate15.errors)).length)),void 0!==data.podReplacementPolicy&&(validate19(data.podReplacementPolicy,{instancePath:instancePath+"/podReplacementPolicy",parentData:data,parentDataProperty:"podReplacementPolicy",rootData})||(errors=(vErrors=null===vErrors?validate19.errors:vErrors.concat(validate19.errors)).length)),void 0!==data.selector&&(validate21(data.selector,{instancePath:instancePath+"/selector",parentData:data,parentDataProperty:"selector",rootData})||(errors=(vErrors=null===vErrors?validate21.errors:vErrors.concat(validate21.errors)).length)),void 0!==data.successPolicy&&(validate25(data.successPolicy,{instancePath:instancePath+"/successPolicy",parentData:data,parentDataProperty:"successPolicy",rootData})||(errors=(vErrors=null===vErrors?validate25.errors:vErrors.concat(validate25.errors)).length)),void 0!==data.suspend&&(IoK8sApiBatchV1JobSpec_validate1(data.suspend,{instancePath:instancePath+"/suspend",parentData:data,parentDataProperty:"suspend",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1JobSpec_validate1.errors:vErrors.concat(IoK8sApiBatchV1JobSpec_validate1.errors)).length)),void 0!==data.template&&(validate30(data.template,{instancePath:instancePath+"/template",parentData:data,parentDataProperty:"template",rootData})||(errors=(vErrors=null===vErrors?validate30.errors:vErrors.concat(validate30.errors)).length)),void 0!==data.ttlSecondsAfterFinished&&(IoK8sApiBatchV1JobSpec_validate0(data.ttlSecondsAfterFinished,{instancePath:instancePath+"/ttlSecondsAfterFinished",parentData:data,parentDataProperty:"ttlSecondsAfterFinished",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiBatchV1JobSpec_validate0.errors:vErrors.concat(IoK8sApiBatchV1JobSpec_validate0.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiBatchV1JobSpec_validate2.errors=vErrors,0===errors}

/***/ }),

/***/ 9731:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
/* harmony import */ var _kubernetes_models_validate__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5707);
const validate=validate0;function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}let formats0=_kubernetes_models_validate__WEBPACK_IMPORTED_MODULE_0__/* .formats */ .F.int32;function validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate3.errors=vErrors,0===errors}function validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate5.errors=vErrors,0===errors}function validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate7.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.volumeID){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"volumeID"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.fsType&&(validate1(data.fsType,{instancePath:instancePath+"/fsType",parentData:data,parentDataProperty:"fsType",rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length)),void 0!==data.partition&&(validate3(data.partition,{instancePath:instancePath+"/partition",parentData:data,parentDataProperty:"partition",rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length)),void 0!==data.readOnly&&(validate5(data.readOnly,{instancePath:instancePath+"/readOnly",parentData:data,parentDataProperty:"readOnly",rootData})||(errors=(vErrors=null===vErrors?validate5.errors:vErrors.concat(validate5.errors)).length)),void 0!==data.volumeID&&(validate7(data.volumeID,{instancePath:instancePath+"/volumeID",parentData:data,parentDataProperty:"volumeID",rootData})||(errors=(vErrors=null===vErrors?validate7.errors:vErrors.concat(validate7.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate0.errors=vErrors,0===errors}

/***/ }),

/***/ 5761:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
const validate=validate1;let schema2_enum=["None","ReadOnly","ReadWrite"];function validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("None"!==data&&"ReadOnly"!==data&&"ReadWrite"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema2_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate2.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate0.errors=vErrors,0===errors}function validate6(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate6.errors=vErrors,0===errors}let schema4_enum=["Dedicated","Managed","Shared"];function validate8(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("Dedicated"!==data&&"Managed"!==data&&"Shared"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema4_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate8.errors=vErrors,0===errors}function validate10(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate10.errors=vErrors,0===errors}function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.diskName){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"diskName"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.diskURI){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"diskURI"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.cachingMode&&(validate2(data.cachingMode,{instancePath:instancePath+"/cachingMode",parentData:data,parentDataProperty:"cachingMode",rootData})||(errors=(vErrors=null===vErrors?validate2.errors:vErrors.concat(validate2.errors)).length)),void 0!==data.diskName&&(validate0(data.diskName,{instancePath:instancePath+"/diskName",parentData:data,parentDataProperty:"diskName",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.diskURI&&(validate0(data.diskURI,{instancePath:instancePath+"/diskURI",parentData:data,parentDataProperty:"diskURI",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.fsType&&(validate6(data.fsType,{instancePath:instancePath+"/fsType",parentData:data,parentDataProperty:"fsType",rootData})||(errors=(vErrors=null===vErrors?validate6.errors:vErrors.concat(validate6.errors)).length)),void 0!==data.kind&&(validate8(data.kind,{instancePath:instancePath+"/kind",parentData:data,parentDataProperty:"kind",rootData})||(errors=(vErrors=null===vErrors?validate8.errors:vErrors.concat(validate8.errors)).length)),void 0!==data.readOnly&&(validate10(data.readOnly,{instancePath:instancePath+"/readOnly",parentData:data,parentDataProperty:"readOnly",rootData})||(errors=(vErrors=null===vErrors?validate10.errors:vErrors.concat(validate10.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return validate1.errors=vErrors,0===errors}

/***/ }),

/***/ 1458:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
/* harmony import */ var _kubernetes_models_validate__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5707);
const validate=validate3;function validate4(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate4.errors=vErrors,0===errors}let formats0=_kubernetes_models_validate__WEBPACK_IMPORTED_MODULE_0__/* .formats */ .F.int32;function validate6(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate6.errors=vErrors,0===errors}function validate8(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate8.errors=vErrors,0===errors}function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate1(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length)}return validate0.errors=vErrors,0===errors}function validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.fsType&&(validate4(data.fsType,{instancePath:instancePath+"/fsType",parentData:data,parentDataProperty:"fsType",rootData})||(errors=(vErrors=null===vErrors?validate4.errors:vErrors.concat(validate4.errors)).length)),void 0!==data.lun&&(validate6(data.lun,{instancePath:instancePath+"/lun",parentData:data,parentDataProperty:"lun",rootData})||(errors=(vErrors=null===vErrors?validate6.errors:vErrors.concat(validate6.errors)).length)),void 0!==data.readOnly&&(validate8(data.readOnly,{instancePath:instancePath+"/readOnly",parentData:data,parentDataProperty:"readOnly",rootData})||(errors=(vErrors=null===vErrors?validate8.errors:vErrors.concat(validate8.errors)).length)),void 0!==data.targetWWNs&&(validate0(data.targetWWNs,{instancePath:instancePath+"/targetWWNs",parentData:data,parentDataProperty:"targetWWNs",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.wwids&&(validate0(data.wwids,{instancePath:instancePath+"/wwids",parentData:data,parentDataProperty:"wwids",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate3.errors=vErrors,0===errors}

/***/ }),

/***/ 7413:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
const validate=validate1;function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate0.errors=vErrors,0===errors}function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.datasetName&&(validate0(data.datasetName,{instancePath:instancePath+"/datasetName",parentData:data,parentDataProperty:"datasetName",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.datasetUUID&&(validate0(data.datasetUUID,{instancePath:instancePath+"/datasetUUID",parentData:data,parentDataProperty:"datasetUUID",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}

/***/ }),

/***/ 9318:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
/* harmony import */ var _kubernetes_models_validate__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5707);
const validate=validate0;function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}let formats0=_kubernetes_models_validate__WEBPACK_IMPORTED_MODULE_0__/* .formats */ .F.int32;function validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate3.errors=vErrors,0===errors}function validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate5.errors=vErrors,0===errors}function validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate7.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.pdName){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"pdName"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.fsType&&(validate1(data.fsType,{instancePath:instancePath+"/fsType",parentData:data,parentDataProperty:"fsType",rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length)),void 0!==data.partition&&(validate3(data.partition,{instancePath:instancePath+"/partition",parentData:data,parentDataProperty:"partition",rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length)),void 0!==data.pdName&&(validate5(data.pdName,{instancePath:instancePath+"/pdName",parentData:data,parentDataProperty:"pdName",rootData})||(errors=(vErrors=null===vErrors?validate5.errors:vErrors.concat(validate5.errors)).length)),void 0!==data.readOnly&&(validate7(data.readOnly,{instancePath:instancePath+"/readOnly",parentData:data,parentDataProperty:"readOnly",rootData})||(errors=(vErrors=null===vErrors?validate7.errors:vErrors.concat(validate7.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate0.errors=vErrors,0===errors}

/***/ }),

/***/ 8976:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
const validate=validate0;function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}let schema2_enum=["","BlockDevice","CharDevice","Directory","DirectoryOrCreate","File","FileOrCreate","Socket"];function validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(""!==data&&"BlockDevice"!==data&&"CharDevice"!==data&&"Directory"!==data&&"DirectoryOrCreate"!==data&&"File"!==data&&"FileOrCreate"!==data&&"Socket"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema2_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate3.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.path){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"path"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.path&&(validate1(data.path,{instancePath:instancePath+"/path",parentData:data,parentDataProperty:"path",rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length)),void 0!==data.type&&(validate3(data.type,{instancePath:instancePath+"/type",parentData:data,parentDataProperty:"type",rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate0.errors=vErrors,0===errors}

/***/ }),

/***/ 9119:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  t: () => (/* binding */ IoK8sApiCoreV1LoadBalancerStatus_validate)
});

// EXTERNAL MODULE: ./node_modules/@kubernetes-models/validate/dist/formats.js + 2 modules
var formats = __webpack_require__(5707);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PortStatus.js
const validate=validate0;function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}let formats0=formats/* formats */.F.int32;function validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate3.errors=vErrors,0===errors}let schema3_enum=["SCTP","TCP","UDP"];function validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("SCTP"!==data&&"TCP"!==data&&"UDP"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema3_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate5.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.port){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"port"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.protocol){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"protocol"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.error&&(validate1(data.error,{instancePath:instancePath+"/error",parentData:data,parentDataProperty:"error",rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length)),void 0!==data.port&&(validate3(data.port,{instancePath:instancePath+"/port",parentData:data,parentDataProperty:"port",rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length)),void 0!==data.protocol&&(validate5(data.protocol,{instancePath:instancePath+"/protocol",parentData:data,parentDataProperty:"protocol",rootData})||(errors=(vErrors=null===vErrors?validate5.errors:vErrors.concat(validate5.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1LoadBalancerIngress.js
const IoK8sApiCoreV1LoadBalancerIngress_validate=IoK8sApiCoreV1LoadBalancerIngress_validate1;function IoK8sApiCoreV1LoadBalancerIngress_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1LoadBalancerIngress_validate0.errors=vErrors,0===errors}function validate6(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?validate.errors:vErrors.concat(validate.errors)).length),validate6.errors=vErrors,0===errors}function IoK8sApiCoreV1LoadBalancerIngress_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate6(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate6.errors:vErrors.concat(validate6.errors)).length)}return IoK8sApiCoreV1LoadBalancerIngress_validate5.errors=vErrors,0===errors}function IoK8sApiCoreV1LoadBalancerIngress_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.hostname&&(IoK8sApiCoreV1LoadBalancerIngress_validate0(data.hostname,{instancePath:instancePath+"/hostname",parentData:data,parentDataProperty:"hostname",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LoadBalancerIngress_validate0.errors:vErrors.concat(IoK8sApiCoreV1LoadBalancerIngress_validate0.errors)).length)),void 0!==data.ip&&(IoK8sApiCoreV1LoadBalancerIngress_validate0(data.ip,{instancePath:instancePath+"/ip",parentData:data,parentDataProperty:"ip",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LoadBalancerIngress_validate0.errors:vErrors.concat(IoK8sApiCoreV1LoadBalancerIngress_validate0.errors)).length)),void 0!==data.ipMode&&(IoK8sApiCoreV1LoadBalancerIngress_validate0(data.ipMode,{instancePath:instancePath+"/ipMode",parentData:data,parentDataProperty:"ipMode",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LoadBalancerIngress_validate0.errors:vErrors.concat(IoK8sApiCoreV1LoadBalancerIngress_validate0.errors)).length)),void 0!==data.ports&&(IoK8sApiCoreV1LoadBalancerIngress_validate5(data.ports,{instancePath:instancePath+"/ports",parentData:data,parentDataProperty:"ports",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LoadBalancerIngress_validate5.errors:vErrors.concat(IoK8sApiCoreV1LoadBalancerIngress_validate5.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1LoadBalancerIngress_validate1.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1LoadBalancerStatus.js
const IoK8sApiCoreV1LoadBalancerStatus_validate=IoK8sApiCoreV1LoadBalancerStatus_validate0;function validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1LoadBalancerIngress_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LoadBalancerIngress_validate.errors:vErrors.concat(IoK8sApiCoreV1LoadBalancerIngress_validate.errors)).length),validate2.errors=vErrors,0===errors}function IoK8sApiCoreV1LoadBalancerStatus_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate2(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate2.errors:vErrors.concat(validate2.errors)).length)}return IoK8sApiCoreV1LoadBalancerStatus_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1LoadBalancerStatus_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.ingress&&(IoK8sApiCoreV1LoadBalancerStatus_validate1(data.ingress,{instancePath:instancePath+"/ingress",parentData:data,parentDataProperty:"ingress",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LoadBalancerStatus_validate1.errors:vErrors.concat(IoK8sApiCoreV1LoadBalancerStatus_validate1.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1LoadBalancerStatus_validate0.errors=vErrors,0===errors}

/***/ }),

/***/ 4399:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
const validate=validate0;function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.name&&(validate1(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate0.errors=vErrors,0===errors}

/***/ }),

/***/ 4054:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
const validate=validate1;function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate0.errors=vErrors,0===errors}function validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate3.errors=vErrors,0===errors}function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.server){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"server"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.path){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"path"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.path&&(validate0(data.path,{instancePath:instancePath+"/path",parentData:data,parentDataProperty:"path",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.readOnly&&(validate3(data.readOnly,{instancePath:instancePath+"/readOnly",parentData:data,parentDataProperty:"readOnly",rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length)),void 0!==data.server&&(validate0(data.server,{instancePath:instancePath+"/server",parentData:data,parentDataProperty:"server",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return validate1.errors=vErrors,0===errors}

/***/ }),

/***/ 1639:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
/* harmony import */ var _IoK8sApiCoreV1NodeSelectorTerm_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9315);
const validate=validate0;function validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return (0,_IoK8sApiCoreV1NodeSelectorTerm_js__WEBPACK_IMPORTED_MODULE_0__/* .validate */ .t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?_IoK8sApiCoreV1NodeSelectorTerm_js__WEBPACK_IMPORTED_MODULE_0__/* .validate */ .t.errors:vErrors.concat(_IoK8sApiCoreV1NodeSelectorTerm_js__WEBPACK_IMPORTED_MODULE_0__/* .validate */ .t.errors)).length),validate2.errors=vErrors,0===errors}function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate2(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate2.errors:vErrors.concat(validate2.errors)).length)}else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.nodeSelectorTerms){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"nodeSelectorTerms"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.nodeSelectorTerms&&(validate1(data.nodeSelectorTerms,{instancePath:instancePath+"/nodeSelectorTerms",parentData:data,parentDataProperty:"nodeSelectorTerms",rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate0.errors=vErrors,0===errors}

/***/ }),

/***/ 9315:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  t: () => (/* binding */ IoK8sApiCoreV1NodeSelectorTerm_validate)
});

;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1NodeSelectorRequirement.js
const validate=validate1;function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate0.errors=vErrors,0===errors}let schema2_enum=["DoesNotExist","Exists","Gt","In","Lt","NotIn"];function validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("DoesNotExist"!==data&&"Exists"!==data&&"Gt"!==data&&"In"!==data&&"Lt"!==data&&"NotIn"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema2_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate3.errors=vErrors,0===errors}function validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate0(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)}return validate5.errors=vErrors,0===errors}function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.key){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"key"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.operator){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"operator"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.key&&(validate0(data.key,{instancePath:instancePath+"/key",parentData:data,parentDataProperty:"key",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.operator&&(validate3(data.operator,{instancePath:instancePath+"/operator",parentData:data,parentDataProperty:"operator",rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length)),void 0!==data.values&&(validate5(data.values,{instancePath:instancePath+"/values",parentData:data,parentDataProperty:"values",rootData})||(errors=(vErrors=null===vErrors?validate5.errors:vErrors.concat(validate5.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return validate1.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1NodeSelectorTerm.js
const IoK8sApiCoreV1NodeSelectorTerm_validate=IoK8sApiCoreV1NodeSelectorTerm_validate5;function IoK8sApiCoreV1NodeSelectorTerm_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?validate.errors:vErrors.concat(validate.errors)).length),IoK8sApiCoreV1NodeSelectorTerm_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1NodeSelectorTerm_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1NodeSelectorTerm_validate1(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1NodeSelectorTerm_validate1.errors:vErrors.concat(IoK8sApiCoreV1NodeSelectorTerm_validate1.errors)).length)}return IoK8sApiCoreV1NodeSelectorTerm_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1NodeSelectorTerm_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.matchExpressions&&(IoK8sApiCoreV1NodeSelectorTerm_validate0(data.matchExpressions,{instancePath:instancePath+"/matchExpressions",parentData:data,parentDataProperty:"matchExpressions",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1NodeSelectorTerm_validate0.errors:vErrors.concat(IoK8sApiCoreV1NodeSelectorTerm_validate0.errors)).length)),void 0!==data.matchFields&&(IoK8sApiCoreV1NodeSelectorTerm_validate0(data.matchFields,{instancePath:instancePath+"/matchFields",parentData:data,parentDataProperty:"matchFields",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1NodeSelectorTerm_validate0.errors:vErrors.concat(IoK8sApiCoreV1NodeSelectorTerm_validate0.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1NodeSelectorTerm_validate5.errors=vErrors,0===errors}

/***/ }),

/***/ 7320:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
const validate=validate1;function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate0.errors=vErrors,0===errors}function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.apiVersion&&(validate0(data.apiVersion,{instancePath:instancePath+"/apiVersion",parentData:data,parentDataProperty:"apiVersion",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.fieldPath&&(validate0(data.fieldPath,{instancePath:instancePath+"/fieldPath",parentData:data,parentDataProperty:"fieldPath",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.kind&&(validate0(data.kind,{instancePath:instancePath+"/kind",parentData:data,parentDataProperty:"kind",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.name&&(validate0(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.namespace&&(validate0(data.namespace,{instancePath:instancePath+"/namespace",parentData:data,parentDataProperty:"namespace",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.resourceVersion&&(validate0(data.resourceVersion,{instancePath:instancePath+"/resourceVersion",parentData:data,parentDataProperty:"resourceVersion",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.uid&&(validate0(data.uid,{instancePath:instancePath+"/uid",parentData:data,parentDataProperty:"uid",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}

/***/ }),

/***/ 9413:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
/* harmony import */ var _kubernetes_models_apimachinery_schemas_IoK8sApimachineryPkgApisMetaV1ObjectMeta__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3215);
/* harmony import */ var _IoK8sApiCoreV1PersistentVolumeClaimSpec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6939);
/* harmony import */ var _IoK8sApiCoreV1PersistentVolumeClaimStatus_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2297);
const validate=validate0;let schema1_enum=["v1"];function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("v1"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema1_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate1.errors=vErrors,0===errors}let schema2_enum=["PersistentVolumeClaim"];function validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("PersistentVolumeClaim"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema2_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate3.errors=vErrors,0===errors}function validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,_kubernetes_models_apimachinery_schemas_IoK8sApimachineryPkgApisMetaV1ObjectMeta__WEBPACK_IMPORTED_MODULE_0__/* .validate */ .t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?_kubernetes_models_apimachinery_schemas_IoK8sApimachineryPkgApisMetaV1ObjectMeta__WEBPACK_IMPORTED_MODULE_0__/* .validate */ .t.errors:vErrors.concat(_kubernetes_models_apimachinery_schemas_IoK8sApimachineryPkgApisMetaV1ObjectMeta__WEBPACK_IMPORTED_MODULE_0__/* .validate */ .t.errors)).length)),validate5.errors=vErrors,0===errors}function validate9(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,_IoK8sApiCoreV1PersistentVolumeClaimSpec_js__WEBPACK_IMPORTED_MODULE_1__/* .validate */ .t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?_IoK8sApiCoreV1PersistentVolumeClaimSpec_js__WEBPACK_IMPORTED_MODULE_1__/* .validate */ .t.errors:vErrors.concat(_IoK8sApiCoreV1PersistentVolumeClaimSpec_js__WEBPACK_IMPORTED_MODULE_1__/* .validate */ .t.errors)).length)),validate9.errors=vErrors,0===errors}function validate13(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,_IoK8sApiCoreV1PersistentVolumeClaimStatus_js__WEBPACK_IMPORTED_MODULE_2__/* .validate */ .t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?_IoK8sApiCoreV1PersistentVolumeClaimStatus_js__WEBPACK_IMPORTED_MODULE_2__/* .validate */ .t.errors:vErrors.concat(_IoK8sApiCoreV1PersistentVolumeClaimStatus_js__WEBPACK_IMPORTED_MODULE_2__/* .validate */ .t.errors)).length)),validate13.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.apiVersion){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"apiVersion"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.kind){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"kind"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.apiVersion&&(validate1(data.apiVersion,{instancePath:instancePath+"/apiVersion",parentData:data,parentDataProperty:"apiVersion",rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length)),void 0!==data.kind&&(validate3(data.kind,{instancePath:instancePath+"/kind",parentData:data,parentDataProperty:"kind",rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length)),void 0!==data.metadata&&(validate5(data.metadata,{instancePath:instancePath+"/metadata",parentData:data,parentDataProperty:"metadata",rootData})||(errors=(vErrors=null===vErrors?validate5.errors:vErrors.concat(validate5.errors)).length)),void 0!==data.spec&&(validate9(data.spec,{instancePath:instancePath+"/spec",parentData:data,parentDataProperty:"spec",rootData})||(errors=(vErrors=null===vErrors?validate9.errors:vErrors.concat(validate9.errors)).length)),void 0!==data.status&&(validate13(data.status,{instancePath:instancePath+"/status",parentData:data,parentDataProperty:"status",rootData})||(errors=(vErrors=null===vErrors?validate13.errors:vErrors.concat(validate13.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return validate0.errors=vErrors,0===errors}

/***/ }),

/***/ 6939:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  t: () => (/* binding */ IoK8sApiCoreV1PersistentVolumeClaimSpec_validate)
});

// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1TypedLocalObjectReference.js
var IoK8sApiCoreV1TypedLocalObjectReference = __webpack_require__(3045);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1TypedObjectReference.js
const validate=validate2;function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate0.errors=vErrors,0===errors}function validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.kind){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"kind"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.name){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"name"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.apiGroup&&(validate1(data.apiGroup,{instancePath:instancePath+"/apiGroup",parentData:data,parentDataProperty:"apiGroup",rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length)),void 0!==data.kind&&(validate0(data.kind,{instancePath:instancePath+"/kind",parentData:data,parentDataProperty:"kind",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.name&&(validate0(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.namespace&&(validate1(data.namespace,{instancePath:instancePath+"/namespace",parentData:data,parentDataProperty:"namespace",rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return validate2.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApiResourceQuantity.js
var IoK8sApimachineryPkgApiResourceQuantity = __webpack_require__(3304);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1VolumeResourceRequirements.js
const IoK8sApiCoreV1VolumeResourceRequirements_validate=validate5;function IoK8sApiCoreV1VolumeResourceRequirements_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return (0,IoK8sApimachineryPkgApiResourceQuantity/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApiResourceQuantity/* validate */.t.errors:vErrors.concat(IoK8sApimachineryPkgApiResourceQuantity/* validate */.t.errors)).length),IoK8sApiCoreV1VolumeResourceRequirements_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1VolumeResourceRequirements_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!(data&&"object"==typeof data&&!Array.isArray(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(data&&"object"==typeof data&&!Array.isArray(data))for(let key0 in data)IoK8sApiCoreV1VolumeResourceRequirements_validate1(data[key0],{instancePath:instancePath+"/"+key0.replace(/~/g,"~0").replace(/\//g,"~1"),parentData:data,parentDataProperty:key0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeResourceRequirements_validate1.errors:vErrors.concat(IoK8sApiCoreV1VolumeResourceRequirements_validate1.errors)).length);return IoK8sApiCoreV1VolumeResourceRequirements_validate0.errors=vErrors,0===errors}function validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.limits&&(IoK8sApiCoreV1VolumeResourceRequirements_validate0(data.limits,{instancePath:instancePath+"/limits",parentData:data,parentDataProperty:"limits",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeResourceRequirements_validate0.errors:vErrors.concat(IoK8sApiCoreV1VolumeResourceRequirements_validate0.errors)).length)),void 0!==data.requests&&(IoK8sApiCoreV1VolumeResourceRequirements_validate0(data.requests,{instancePath:instancePath+"/requests",parentData:data,parentDataProperty:"requests",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeResourceRequirements_validate0.errors:vErrors.concat(IoK8sApiCoreV1VolumeResourceRequirements_validate0.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate5.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1LabelSelector.js
var IoK8sApimachineryPkgApisMetaV1LabelSelector = __webpack_require__(4853);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PersistentVolumeClaimSpec.js
const IoK8sApiCoreV1PersistentVolumeClaimSpec_validate=IoK8sApiCoreV1PersistentVolumeClaimSpec_validate1;let schema3_enum=["ReadOnlyMany","ReadWriteMany","ReadWriteOnce","ReadWriteOncePod"];function validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("ReadOnlyMany"!==data&&"ReadWriteMany"!==data&&"ReadWriteOnce"!==data&&"ReadWriteOncePod"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema3_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1PersistentVolumeClaimSpec_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate3(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length)}return IoK8sApiCoreV1PersistentVolumeClaimSpec_validate2.errors=vErrors,0===errors}function validate6(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1TypedLocalObjectReference/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1TypedLocalObjectReference/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1TypedLocalObjectReference/* validate */.t.errors)).length)),validate6.errors=vErrors,0===errors}function validate10(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?validate.errors:vErrors.concat(validate.errors)).length)),validate10.errors=vErrors,0===errors}function validate14(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1VolumeResourceRequirements_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeResourceRequirements_validate.errors:vErrors.concat(IoK8sApiCoreV1VolumeResourceRequirements_validate.errors)).length)),validate14.errors=vErrors,0===errors}function validate18(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApimachineryPkgApisMetaV1LabelSelector/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1LabelSelector/* validate */.t.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1LabelSelector/* validate */.t.errors)).length)),validate18.errors=vErrors,0===errors}function IoK8sApiCoreV1PersistentVolumeClaimSpec_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PersistentVolumeClaimSpec_validate0.errors=vErrors,0===errors}let schema12_enum=["Block","Filesystem"];function validate24(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("Block"!==data&&"Filesystem"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema12_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate24.errors=vErrors,0===errors}function IoK8sApiCoreV1PersistentVolumeClaimSpec_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.accessModes&&(IoK8sApiCoreV1PersistentVolumeClaimSpec_validate2(data.accessModes,{instancePath:instancePath+"/accessModes",parentData:data,parentDataProperty:"accessModes",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PersistentVolumeClaimSpec_validate2.errors:vErrors.concat(IoK8sApiCoreV1PersistentVolumeClaimSpec_validate2.errors)).length)),void 0!==data.dataSource&&(validate6(data.dataSource,{instancePath:instancePath+"/dataSource",parentData:data,parentDataProperty:"dataSource",rootData})||(errors=(vErrors=null===vErrors?validate6.errors:vErrors.concat(validate6.errors)).length)),void 0!==data.dataSourceRef&&(validate10(data.dataSourceRef,{instancePath:instancePath+"/dataSourceRef",parentData:data,parentDataProperty:"dataSourceRef",rootData})||(errors=(vErrors=null===vErrors?validate10.errors:vErrors.concat(validate10.errors)).length)),void 0!==data.resources&&(validate14(data.resources,{instancePath:instancePath+"/resources",parentData:data,parentDataProperty:"resources",rootData})||(errors=(vErrors=null===vErrors?validate14.errors:vErrors.concat(validate14.errors)).length)),void 0!==data.selector&&(validate18(data.selector,{instancePath:instancePath+"/selector",parentData:data,parentDataProperty:"selector",rootData})||(errors=(vErrors=null===vErrors?validate18.errors:vErrors.concat(validate18.errors)).length)),void 0!==data.storageClassName&&(IoK8sApiCoreV1PersistentVolumeClaimSpec_validate0(data.storageClassName,{instancePath:instancePath+"/storageClassName",parentData:data,parentDataProperty:"storageClassName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PersistentVolumeClaimSpec_validate0.errors:vErrors.concat(IoK8sApiCoreV1PersistentVolumeClaimSpec_validate0.errors)).length)),void 0!==data.volumeAttributesClassName&&(IoK8sApiCoreV1PersistentVolumeClaimSpec_validate0(data.volumeAttributesClassName,{instancePath:instancePath+"/volumeAttributesClassName",parentData:data,parentDataProperty:"volumeAttributesClassName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PersistentVolumeClaimSpec_validate0.errors:vErrors.concat(IoK8sApiCoreV1PersistentVolumeClaimSpec_validate0.errors)).length)),void 0!==data.volumeMode&&(validate24(data.volumeMode,{instancePath:instancePath+"/volumeMode",parentData:data,parentDataProperty:"volumeMode",rootData})||(errors=(vErrors=null===vErrors?validate24.errors:vErrors.concat(validate24.errors)).length)),void 0!==data.volumeName&&(IoK8sApiCoreV1PersistentVolumeClaimSpec_validate0(data.volumeName,{instancePath:instancePath+"/volumeName",parentData:data,parentDataProperty:"volumeName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PersistentVolumeClaimSpec_validate0.errors:vErrors.concat(IoK8sApiCoreV1PersistentVolumeClaimSpec_validate0.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PersistentVolumeClaimSpec_validate1.errors=vErrors,0===errors}

/***/ }),

/***/ 2297:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  t: () => (/* binding */ IoK8sApiCoreV1PersistentVolumeClaimStatus_validate)
});

// EXTERNAL MODULE: ./node_modules/@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApiResourceQuantity.js
var IoK8sApimachineryPkgApiResourceQuantity = __webpack_require__(3304);
// EXTERNAL MODULE: ./node_modules/@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1Time.js
var IoK8sApimachineryPkgApisMetaV1Time = __webpack_require__(9157);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PersistentVolumeClaimCondition.js
const validate=validate5;function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApimachineryPkgApisMetaV1Time/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1Time/* validate */.t.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1Time/* validate */.t.errors)).length)),validate0.errors=vErrors,0===errors}function validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate3.errors=vErrors,0===errors}function validate4(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate4.errors=vErrors,0===errors}function validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.type){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"type"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.status){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"status"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.lastProbeTime&&(validate0(data.lastProbeTime,{instancePath:instancePath+"/lastProbeTime",parentData:data,parentDataProperty:"lastProbeTime",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.lastTransitionTime&&(validate0(data.lastTransitionTime,{instancePath:instancePath+"/lastTransitionTime",parentData:data,parentDataProperty:"lastTransitionTime",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.message&&(validate3(data.message,{instancePath:instancePath+"/message",parentData:data,parentDataProperty:"message",rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length)),void 0!==data.reason&&(validate3(data.reason,{instancePath:instancePath+"/reason",parentData:data,parentDataProperty:"reason",rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length)),void 0!==data.status&&(validate4(data.status,{instancePath:instancePath+"/status",parentData:data,parentDataProperty:"status",rootData})||(errors=(vErrors=null===vErrors?validate4.errors:vErrors.concat(validate4.errors)).length)),void 0!==data.type&&(validate4(data.type,{instancePath:instancePath+"/type",parentData:data,parentDataProperty:"type",rootData})||(errors=(vErrors=null===vErrors?validate4.errors:vErrors.concat(validate4.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return validate5.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ModifyVolumeStatus.js
const IoK8sApiCoreV1ModifyVolumeStatus_validate=IoK8sApiCoreV1ModifyVolumeStatus_validate0;let schema1_enum=["InProgress","Infeasible","Pending"];function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("InProgress"!==data&&"Infeasible"!==data&&"Pending"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema1_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1ModifyVolumeStatus_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ModifyVolumeStatus_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1ModifyVolumeStatus_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.status){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"status"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.status&&(validate1(data.status,{instancePath:instancePath+"/status",parentData:data,parentDataProperty:"status",rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length)),void 0!==data.targetVolumeAttributesClassName&&(IoK8sApiCoreV1ModifyVolumeStatus_validate3(data.targetVolumeAttributesClassName,{instancePath:instancePath+"/targetVolumeAttributesClassName",parentData:data,parentDataProperty:"targetVolumeAttributesClassName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ModifyVolumeStatus_validate3.errors:vErrors.concat(IoK8sApiCoreV1ModifyVolumeStatus_validate3.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1ModifyVolumeStatus_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PersistentVolumeClaimStatus.js
const IoK8sApiCoreV1PersistentVolumeClaimStatus_validate=IoK8sApiCoreV1PersistentVolumeClaimStatus_validate5;let schema5_enum=["ReadOnlyMany","ReadWriteMany","ReadWriteOnce","ReadWriteOncePod"];function validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("ReadOnlyMany"!==data&&"ReadWriteMany"!==data&&"ReadWriteOnce"!==data&&"ReadWriteOncePod"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema5_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate7.errors=vErrors,0===errors}function validate6(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate7(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate7.errors:vErrors.concat(validate7.errors)).length)}return validate6.errors=vErrors,0===errors}let schema7_enum=["ControllerResizeInProgress","ControllerResizeInfeasible","NodeResizeInProgress","NodeResizeInfeasible","NodeResizePending"];function validate11(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("ControllerResizeInProgress"!==data&&"ControllerResizeInfeasible"!==data&&"NodeResizeInProgress"!==data&&"NodeResizeInfeasible"!==data&&"NodeResizePending"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema7_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate11.errors=vErrors,0===errors}function validate10(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!(data&&"object"==typeof data&&!Array.isArray(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(data&&"object"==typeof data&&!Array.isArray(data))for(let key0 in data)validate11(data[key0],{instancePath:instancePath+"/"+key0.replace(/~/g,"~0").replace(/\//g,"~1"),parentData:data,parentDataProperty:key0,rootData})||(errors=(vErrors=null===vErrors?validate11.errors:vErrors.concat(validate11.errors)).length);return validate10.errors=vErrors,0===errors}function IoK8sApiCoreV1PersistentVolumeClaimStatus_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return (0,IoK8sApimachineryPkgApiResourceQuantity/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApiResourceQuantity/* validate */.t.errors:vErrors.concat(IoK8sApimachineryPkgApiResourceQuantity/* validate */.t.errors)).length),IoK8sApiCoreV1PersistentVolumeClaimStatus_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1PersistentVolumeClaimStatus_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!(data&&"object"==typeof data&&!Array.isArray(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(data&&"object"==typeof data&&!Array.isArray(data))for(let key0 in data)IoK8sApiCoreV1PersistentVolumeClaimStatus_validate1(data[key0],{instancePath:instancePath+"/"+key0.replace(/~/g,"~0").replace(/\//g,"~1"),parentData:data,parentDataProperty:key0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PersistentVolumeClaimStatus_validate1.errors:vErrors.concat(IoK8sApiCoreV1PersistentVolumeClaimStatus_validate1.errors)).length);return IoK8sApiCoreV1PersistentVolumeClaimStatus_validate0.errors=vErrors,0===errors}function validate17(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?validate.errors:vErrors.concat(validate.errors)).length),validate17.errors=vErrors,0===errors}function validate16(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate17(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate17.errors:vErrors.concat(validate17.errors)).length)}return validate16.errors=vErrors,0===errors}function validate22(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate22.errors=vErrors,0===errors}function validate24(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1ModifyVolumeStatus_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ModifyVolumeStatus_validate.errors:vErrors.concat(IoK8sApiCoreV1ModifyVolumeStatus_validate.errors)).length)),validate24.errors=vErrors,0===errors}let schema14_enum=["Bound","Lost","Pending"];function validate28(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("Bound"!==data&&"Lost"!==data&&"Pending"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema14_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate28.errors=vErrors,0===errors}function IoK8sApiCoreV1PersistentVolumeClaimStatus_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.accessModes&&(validate6(data.accessModes,{instancePath:instancePath+"/accessModes",parentData:data,parentDataProperty:"accessModes",rootData})||(errors=(vErrors=null===vErrors?validate6.errors:vErrors.concat(validate6.errors)).length)),void 0!==data.allocatedResourceStatuses&&(validate10(data.allocatedResourceStatuses,{instancePath:instancePath+"/allocatedResourceStatuses",parentData:data,parentDataProperty:"allocatedResourceStatuses",rootData})||(errors=(vErrors=null===vErrors?validate10.errors:vErrors.concat(validate10.errors)).length)),void 0!==data.allocatedResources&&(IoK8sApiCoreV1PersistentVolumeClaimStatus_validate0(data.allocatedResources,{instancePath:instancePath+"/allocatedResources",parentData:data,parentDataProperty:"allocatedResources",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PersistentVolumeClaimStatus_validate0.errors:vErrors.concat(IoK8sApiCoreV1PersistentVolumeClaimStatus_validate0.errors)).length)),void 0!==data.capacity&&(IoK8sApiCoreV1PersistentVolumeClaimStatus_validate0(data.capacity,{instancePath:instancePath+"/capacity",parentData:data,parentDataProperty:"capacity",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PersistentVolumeClaimStatus_validate0.errors:vErrors.concat(IoK8sApiCoreV1PersistentVolumeClaimStatus_validate0.errors)).length)),void 0!==data.conditions&&(validate16(data.conditions,{instancePath:instancePath+"/conditions",parentData:data,parentDataProperty:"conditions",rootData})||(errors=(vErrors=null===vErrors?validate16.errors:vErrors.concat(validate16.errors)).length)),void 0!==data.currentVolumeAttributesClassName&&(validate22(data.currentVolumeAttributesClassName,{instancePath:instancePath+"/currentVolumeAttributesClassName",parentData:data,parentDataProperty:"currentVolumeAttributesClassName",rootData})||(errors=(vErrors=null===vErrors?validate22.errors:vErrors.concat(validate22.errors)).length)),void 0!==data.modifyVolumeStatus&&(validate24(data.modifyVolumeStatus,{instancePath:instancePath+"/modifyVolumeStatus",parentData:data,parentDataProperty:"modifyVolumeStatus",rootData})||(errors=(vErrors=null===vErrors?validate24.errors:vErrors.concat(validate24.errors)).length)),void 0!==data.phase&&(validate28(data.phase,{instancePath:instancePath+"/phase",parentData:data,parentDataProperty:"phase",rootData})||(errors=(vErrors=null===vErrors?validate28.errors:vErrors.concat(validate28.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PersistentVolumeClaimStatus_validate5.errors=vErrors,0===errors}

/***/ }),

/***/ 2807:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
const validate=validate0;function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}function validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate3.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.pdID){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"pdID"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.fsType&&(validate1(data.fsType,{instancePath:instancePath+"/fsType",parentData:data,parentDataProperty:"fsType",rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length)),void 0!==data.pdID&&(validate3(data.pdID,{instancePath:instancePath+"/pdID",parentData:data,parentDataProperty:"pdID",rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate0.errors=vErrors,0===errors}

/***/ }),

/***/ 710:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  t: () => (/* binding */ IoK8sApiCoreV1PodSpec_validate)
});

// EXTERNAL MODULE: ./node_modules/@kubernetes-models/validate/dist/formats.js + 2 modules
var formats = __webpack_require__(5707);
// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1NodeSelectorTerm.js + 1 modules
var IoK8sApiCoreV1NodeSelectorTerm = __webpack_require__(9315);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PreferredSchedulingTerm.js
const validate=validate0;function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return (0,IoK8sApiCoreV1NodeSelectorTerm/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1NodeSelectorTerm/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1NodeSelectorTerm/* validate */.t.errors)).length),validate1.errors=vErrors,0===errors}let formats0=formats/* formats */.F.int32;function validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate5.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.weight){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"weight"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.preference){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"preference"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.preference&&(validate1(data.preference,{instancePath:instancePath+"/preference",parentData:data,parentDataProperty:"preference",rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length)),void 0!==data.weight&&(validate5(data.weight,{instancePath:instancePath+"/weight",parentData:data,parentDataProperty:"weight",rootData})||(errors=(vErrors=null===vErrors?validate5.errors:vErrors.concat(validate5.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return validate0.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1NodeSelector.js
var IoK8sApiCoreV1NodeSelector = __webpack_require__(1639);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1NodeAffinity.js
const IoK8sApiCoreV1NodeAffinity_validate=IoK8sApiCoreV1NodeAffinity_validate0;function validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?validate.errors:vErrors.concat(validate.errors)).length),validate2.errors=vErrors,0===errors}function IoK8sApiCoreV1NodeAffinity_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate2(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate2.errors:vErrors.concat(validate2.errors)).length)}return IoK8sApiCoreV1NodeAffinity_validate1.errors=vErrors,0===errors}function validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1NodeSelector/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1NodeSelector/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1NodeSelector/* validate */.t.errors)).length)),validate7.errors=vErrors,0===errors}function IoK8sApiCoreV1NodeAffinity_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.preferredDuringSchedulingIgnoredDuringExecution&&(IoK8sApiCoreV1NodeAffinity_validate1(data.preferredDuringSchedulingIgnoredDuringExecution,{instancePath:instancePath+"/preferredDuringSchedulingIgnoredDuringExecution",parentData:data,parentDataProperty:"preferredDuringSchedulingIgnoredDuringExecution",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1NodeAffinity_validate1.errors:vErrors.concat(IoK8sApiCoreV1NodeAffinity_validate1.errors)).length)),void 0!==data.requiredDuringSchedulingIgnoredDuringExecution&&(validate7(data.requiredDuringSchedulingIgnoredDuringExecution,{instancePath:instancePath+"/requiredDuringSchedulingIgnoredDuringExecution",parentData:data,parentDataProperty:"requiredDuringSchedulingIgnoredDuringExecution",rootData})||(errors=(vErrors=null===vErrors?validate7.errors:vErrors.concat(validate7.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1NodeAffinity_validate0.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1LabelSelector.js
var IoK8sApimachineryPkgApisMetaV1LabelSelector = __webpack_require__(4853);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PodAffinityTerm.js
const IoK8sApiCoreV1PodAffinityTerm_validate=validate6;function validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApimachineryPkgApisMetaV1LabelSelector/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1LabelSelector/* validate */.t.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1LabelSelector/* validate */.t.errors)).length)),validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1PodAffinityTerm_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodAffinityTerm_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1PodAffinityTerm_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1PodAffinityTerm_validate1(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodAffinityTerm_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodAffinityTerm_validate1.errors)).length)}return IoK8sApiCoreV1PodAffinityTerm_validate0.errors=vErrors,0===errors}function validate6(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.topologyKey){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"topologyKey"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.labelSelector&&(validate3(data.labelSelector,{instancePath:instancePath+"/labelSelector",parentData:data,parentDataProperty:"labelSelector",rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length)),void 0!==data.matchLabelKeys&&(IoK8sApiCoreV1PodAffinityTerm_validate0(data.matchLabelKeys,{instancePath:instancePath+"/matchLabelKeys",parentData:data,parentDataProperty:"matchLabelKeys",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodAffinityTerm_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodAffinityTerm_validate0.errors)).length)),void 0!==data.mismatchLabelKeys&&(IoK8sApiCoreV1PodAffinityTerm_validate0(data.mismatchLabelKeys,{instancePath:instancePath+"/mismatchLabelKeys",parentData:data,parentDataProperty:"mismatchLabelKeys",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodAffinityTerm_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodAffinityTerm_validate0.errors)).length)),void 0!==data.namespaceSelector&&(validate3(data.namespaceSelector,{instancePath:instancePath+"/namespaceSelector",parentData:data,parentDataProperty:"namespaceSelector",rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length)),void 0!==data.namespaces&&(IoK8sApiCoreV1PodAffinityTerm_validate0(data.namespaces,{instancePath:instancePath+"/namespaces",parentData:data,parentDataProperty:"namespaces",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodAffinityTerm_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodAffinityTerm_validate0.errors)).length)),void 0!==data.topologyKey&&(IoK8sApiCoreV1PodAffinityTerm_validate1(data.topologyKey,{instancePath:instancePath+"/topologyKey",parentData:data,parentDataProperty:"topologyKey",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodAffinityTerm_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodAffinityTerm_validate1.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate6.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1WeightedPodAffinityTerm.js
const IoK8sApiCoreV1WeightedPodAffinityTerm_validate=IoK8sApiCoreV1WeightedPodAffinityTerm_validate0;function IoK8sApiCoreV1WeightedPodAffinityTerm_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1PodAffinityTerm_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodAffinityTerm_validate.errors:vErrors.concat(IoK8sApiCoreV1PodAffinityTerm_validate.errors)).length),IoK8sApiCoreV1WeightedPodAffinityTerm_validate1.errors=vErrors,0===errors}let IoK8sApiCoreV1WeightedPodAffinityTerm_formats0=formats/* formats */.F.int32;function IoK8sApiCoreV1WeightedPodAffinityTerm_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1WeightedPodAffinityTerm_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1WeightedPodAffinityTerm_validate5.errors=vErrors,0===errors}function IoK8sApiCoreV1WeightedPodAffinityTerm_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.weight){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"weight"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.podAffinityTerm){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"podAffinityTerm"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.podAffinityTerm&&(IoK8sApiCoreV1WeightedPodAffinityTerm_validate1(data.podAffinityTerm,{instancePath:instancePath+"/podAffinityTerm",parentData:data,parentDataProperty:"podAffinityTerm",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1WeightedPodAffinityTerm_validate1.errors:vErrors.concat(IoK8sApiCoreV1WeightedPodAffinityTerm_validate1.errors)).length)),void 0!==data.weight&&(IoK8sApiCoreV1WeightedPodAffinityTerm_validate5(data.weight,{instancePath:instancePath+"/weight",parentData:data,parentDataProperty:"weight",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1WeightedPodAffinityTerm_validate5.errors:vErrors.concat(IoK8sApiCoreV1WeightedPodAffinityTerm_validate5.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return IoK8sApiCoreV1WeightedPodAffinityTerm_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PodAffinity.js
const IoK8sApiCoreV1PodAffinity_validate=IoK8sApiCoreV1PodAffinity_validate0;function IoK8sApiCoreV1PodAffinity_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1WeightedPodAffinityTerm_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1WeightedPodAffinityTerm_validate.errors:vErrors.concat(IoK8sApiCoreV1WeightedPodAffinityTerm_validate.errors)).length),IoK8sApiCoreV1PodAffinity_validate2.errors=vErrors,0===errors}function IoK8sApiCoreV1PodAffinity_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1PodAffinity_validate2(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodAffinity_validate2.errors:vErrors.concat(IoK8sApiCoreV1PodAffinity_validate2.errors)).length)}return IoK8sApiCoreV1PodAffinity_validate1.errors=vErrors,0===errors}function validate8(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1PodAffinityTerm_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodAffinityTerm_validate.errors:vErrors.concat(IoK8sApiCoreV1PodAffinityTerm_validate.errors)).length),validate8.errors=vErrors,0===errors}function IoK8sApiCoreV1PodAffinity_validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate8(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate8.errors:vErrors.concat(validate8.errors)).length)}return IoK8sApiCoreV1PodAffinity_validate7.errors=vErrors,0===errors}function IoK8sApiCoreV1PodAffinity_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.preferredDuringSchedulingIgnoredDuringExecution&&(IoK8sApiCoreV1PodAffinity_validate1(data.preferredDuringSchedulingIgnoredDuringExecution,{instancePath:instancePath+"/preferredDuringSchedulingIgnoredDuringExecution",parentData:data,parentDataProperty:"preferredDuringSchedulingIgnoredDuringExecution",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodAffinity_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodAffinity_validate1.errors)).length)),void 0!==data.requiredDuringSchedulingIgnoredDuringExecution&&(IoK8sApiCoreV1PodAffinity_validate7(data.requiredDuringSchedulingIgnoredDuringExecution,{instancePath:instancePath+"/requiredDuringSchedulingIgnoredDuringExecution",parentData:data,parentDataProperty:"requiredDuringSchedulingIgnoredDuringExecution",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodAffinity_validate7.errors:vErrors.concat(IoK8sApiCoreV1PodAffinity_validate7.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodAffinity_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PodAntiAffinity.js
const IoK8sApiCoreV1PodAntiAffinity_validate=IoK8sApiCoreV1PodAntiAffinity_validate0;function IoK8sApiCoreV1PodAntiAffinity_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1WeightedPodAffinityTerm_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1WeightedPodAffinityTerm_validate.errors:vErrors.concat(IoK8sApiCoreV1WeightedPodAffinityTerm_validate.errors)).length),IoK8sApiCoreV1PodAntiAffinity_validate2.errors=vErrors,0===errors}function IoK8sApiCoreV1PodAntiAffinity_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1PodAntiAffinity_validate2(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodAntiAffinity_validate2.errors:vErrors.concat(IoK8sApiCoreV1PodAntiAffinity_validate2.errors)).length)}return IoK8sApiCoreV1PodAntiAffinity_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1PodAntiAffinity_validate8(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1PodAffinityTerm_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodAffinityTerm_validate.errors:vErrors.concat(IoK8sApiCoreV1PodAffinityTerm_validate.errors)).length),IoK8sApiCoreV1PodAntiAffinity_validate8.errors=vErrors,0===errors}function IoK8sApiCoreV1PodAntiAffinity_validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1PodAntiAffinity_validate8(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodAntiAffinity_validate8.errors:vErrors.concat(IoK8sApiCoreV1PodAntiAffinity_validate8.errors)).length)}return IoK8sApiCoreV1PodAntiAffinity_validate7.errors=vErrors,0===errors}function IoK8sApiCoreV1PodAntiAffinity_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.preferredDuringSchedulingIgnoredDuringExecution&&(IoK8sApiCoreV1PodAntiAffinity_validate1(data.preferredDuringSchedulingIgnoredDuringExecution,{instancePath:instancePath+"/preferredDuringSchedulingIgnoredDuringExecution",parentData:data,parentDataProperty:"preferredDuringSchedulingIgnoredDuringExecution",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodAntiAffinity_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodAntiAffinity_validate1.errors)).length)),void 0!==data.requiredDuringSchedulingIgnoredDuringExecution&&(IoK8sApiCoreV1PodAntiAffinity_validate7(data.requiredDuringSchedulingIgnoredDuringExecution,{instancePath:instancePath+"/requiredDuringSchedulingIgnoredDuringExecution",parentData:data,parentDataProperty:"requiredDuringSchedulingIgnoredDuringExecution",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodAntiAffinity_validate7.errors:vErrors.concat(IoK8sApiCoreV1PodAntiAffinity_validate7.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodAntiAffinity_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1Affinity.js
const IoK8sApiCoreV1Affinity_validate=IoK8sApiCoreV1Affinity_validate0;function IoK8sApiCoreV1Affinity_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1NodeAffinity_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1NodeAffinity_validate.errors:vErrors.concat(IoK8sApiCoreV1NodeAffinity_validate.errors)).length)),IoK8sApiCoreV1Affinity_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1Affinity_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1PodAffinity_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodAffinity_validate.errors:vErrors.concat(IoK8sApiCoreV1PodAffinity_validate.errors)).length)),IoK8sApiCoreV1Affinity_validate5.errors=vErrors,0===errors}function validate9(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1PodAntiAffinity_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodAntiAffinity_validate.errors:vErrors.concat(IoK8sApiCoreV1PodAntiAffinity_validate.errors)).length)),validate9.errors=vErrors,0===errors}function IoK8sApiCoreV1Affinity_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.nodeAffinity&&(IoK8sApiCoreV1Affinity_validate1(data.nodeAffinity,{instancePath:instancePath+"/nodeAffinity",parentData:data,parentDataProperty:"nodeAffinity",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Affinity_validate1.errors:vErrors.concat(IoK8sApiCoreV1Affinity_validate1.errors)).length)),void 0!==data.podAffinity&&(IoK8sApiCoreV1Affinity_validate5(data.podAffinity,{instancePath:instancePath+"/podAffinity",parentData:data,parentDataProperty:"podAffinity",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Affinity_validate5.errors:vErrors.concat(IoK8sApiCoreV1Affinity_validate5.errors)).length)),void 0!==data.podAntiAffinity&&(validate9(data.podAntiAffinity,{instancePath:instancePath+"/podAntiAffinity",parentData:data,parentDataProperty:"podAntiAffinity",rootData})||(errors=(vErrors=null===vErrors?validate9.errors:vErrors.concat(validate9.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1Affinity_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ConfigMapKeySelector.js
const IoK8sApiCoreV1ConfigMapKeySelector_validate=IoK8sApiCoreV1ConfigMapKeySelector_validate0;function IoK8sApiCoreV1ConfigMapKeySelector_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ConfigMapKeySelector_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1ConfigMapKeySelector_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ConfigMapKeySelector_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1ConfigMapKeySelector_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ConfigMapKeySelector_validate5.errors=vErrors,0===errors}function IoK8sApiCoreV1ConfigMapKeySelector_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.key){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"key"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.key&&(IoK8sApiCoreV1ConfigMapKeySelector_validate1(data.key,{instancePath:instancePath+"/key",parentData:data,parentDataProperty:"key",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ConfigMapKeySelector_validate1.errors:vErrors.concat(IoK8sApiCoreV1ConfigMapKeySelector_validate1.errors)).length)),void 0!==data.name&&(IoK8sApiCoreV1ConfigMapKeySelector_validate3(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ConfigMapKeySelector_validate3.errors:vErrors.concat(IoK8sApiCoreV1ConfigMapKeySelector_validate3.errors)).length)),void 0!==data.optional&&(IoK8sApiCoreV1ConfigMapKeySelector_validate5(data.optional,{instancePath:instancePath+"/optional",parentData:data,parentDataProperty:"optional",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ConfigMapKeySelector_validate5.errors:vErrors.concat(IoK8sApiCoreV1ConfigMapKeySelector_validate5.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1ConfigMapKeySelector_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ObjectFieldSelector.js
const IoK8sApiCoreV1ObjectFieldSelector_validate=IoK8sApiCoreV1ObjectFieldSelector_validate0;function IoK8sApiCoreV1ObjectFieldSelector_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ObjectFieldSelector_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1ObjectFieldSelector_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ObjectFieldSelector_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1ObjectFieldSelector_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.fieldPath){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"fieldPath"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.apiVersion&&(IoK8sApiCoreV1ObjectFieldSelector_validate1(data.apiVersion,{instancePath:instancePath+"/apiVersion",parentData:data,parentDataProperty:"apiVersion",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ObjectFieldSelector_validate1.errors:vErrors.concat(IoK8sApiCoreV1ObjectFieldSelector_validate1.errors)).length)),void 0!==data.fieldPath&&(IoK8sApiCoreV1ObjectFieldSelector_validate3(data.fieldPath,{instancePath:instancePath+"/fieldPath",parentData:data,parentDataProperty:"fieldPath",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ObjectFieldSelector_validate3.errors:vErrors.concat(IoK8sApiCoreV1ObjectFieldSelector_validate3.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1ObjectFieldSelector_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1FileKeySelector.js
const IoK8sApiCoreV1FileKeySelector_validate=IoK8sApiCoreV1FileKeySelector_validate1;function IoK8sApiCoreV1FileKeySelector_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1FileKeySelector_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1FileKeySelector_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1FileKeySelector_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1FileKeySelector_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.volumeName){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"volumeName"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.path){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"path"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}if(void 0===data.key){let err2={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"key"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}void 0!==data.key&&(IoK8sApiCoreV1FileKeySelector_validate0(data.key,{instancePath:instancePath+"/key",parentData:data,parentDataProperty:"key",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1FileKeySelector_validate0.errors:vErrors.concat(IoK8sApiCoreV1FileKeySelector_validate0.errors)).length)),void 0!==data.optional&&(IoK8sApiCoreV1FileKeySelector_validate3(data.optional,{instancePath:instancePath+"/optional",parentData:data,parentDataProperty:"optional",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1FileKeySelector_validate3.errors:vErrors.concat(IoK8sApiCoreV1FileKeySelector_validate3.errors)).length)),void 0!==data.path&&(IoK8sApiCoreV1FileKeySelector_validate0(data.path,{instancePath:instancePath+"/path",parentData:data,parentDataProperty:"path",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1FileKeySelector_validate0.errors:vErrors.concat(IoK8sApiCoreV1FileKeySelector_validate0.errors)).length)),void 0!==data.volumeName&&(IoK8sApiCoreV1FileKeySelector_validate0(data.volumeName,{instancePath:instancePath+"/volumeName",parentData:data,parentDataProperty:"volumeName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1FileKeySelector_validate0.errors:vErrors.concat(IoK8sApiCoreV1FileKeySelector_validate0.errors)).length))}else{let err3={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err3]:vErrors.push(err3),errors++}return IoK8sApiCoreV1FileKeySelector_validate1.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApiResourceQuantity.js
var IoK8sApimachineryPkgApiResourceQuantity = __webpack_require__(3304);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ResourceFieldSelector.js
const IoK8sApiCoreV1ResourceFieldSelector_validate=IoK8sApiCoreV1ResourceFieldSelector_validate0;function IoK8sApiCoreV1ResourceFieldSelector_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ResourceFieldSelector_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1ResourceFieldSelector_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApimachineryPkgApiResourceQuantity/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApiResourceQuantity/* validate */.t.errors:vErrors.concat(IoK8sApimachineryPkgApiResourceQuantity/* validate */.t.errors)).length)),IoK8sApiCoreV1ResourceFieldSelector_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1ResourceFieldSelector_validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ResourceFieldSelector_validate7.errors=vErrors,0===errors}function IoK8sApiCoreV1ResourceFieldSelector_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.resource){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"resource"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.containerName&&(IoK8sApiCoreV1ResourceFieldSelector_validate1(data.containerName,{instancePath:instancePath+"/containerName",parentData:data,parentDataProperty:"containerName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ResourceFieldSelector_validate1.errors:vErrors.concat(IoK8sApiCoreV1ResourceFieldSelector_validate1.errors)).length)),void 0!==data.divisor&&(IoK8sApiCoreV1ResourceFieldSelector_validate3(data.divisor,{instancePath:instancePath+"/divisor",parentData:data,parentDataProperty:"divisor",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ResourceFieldSelector_validate3.errors:vErrors.concat(IoK8sApiCoreV1ResourceFieldSelector_validate3.errors)).length)),void 0!==data.resource&&(IoK8sApiCoreV1ResourceFieldSelector_validate7(data.resource,{instancePath:instancePath+"/resource",parentData:data,parentDataProperty:"resource",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ResourceFieldSelector_validate7.errors:vErrors.concat(IoK8sApiCoreV1ResourceFieldSelector_validate7.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1ResourceFieldSelector_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1SecretKeySelector.js
const IoK8sApiCoreV1SecretKeySelector_validate=IoK8sApiCoreV1SecretKeySelector_validate0;function IoK8sApiCoreV1SecretKeySelector_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1SecretKeySelector_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1SecretKeySelector_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1SecretKeySelector_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1SecretKeySelector_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1SecretKeySelector_validate5.errors=vErrors,0===errors}function IoK8sApiCoreV1SecretKeySelector_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.key){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"key"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.key&&(IoK8sApiCoreV1SecretKeySelector_validate1(data.key,{instancePath:instancePath+"/key",parentData:data,parentDataProperty:"key",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecretKeySelector_validate1.errors:vErrors.concat(IoK8sApiCoreV1SecretKeySelector_validate1.errors)).length)),void 0!==data.name&&(IoK8sApiCoreV1SecretKeySelector_validate3(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecretKeySelector_validate3.errors:vErrors.concat(IoK8sApiCoreV1SecretKeySelector_validate3.errors)).length)),void 0!==data.optional&&(IoK8sApiCoreV1SecretKeySelector_validate5(data.optional,{instancePath:instancePath+"/optional",parentData:data,parentDataProperty:"optional",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecretKeySelector_validate5.errors:vErrors.concat(IoK8sApiCoreV1SecretKeySelector_validate5.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1SecretKeySelector_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1EnvVarSource.js
const IoK8sApiCoreV1EnvVarSource_validate=IoK8sApiCoreV1EnvVarSource_validate0;function IoK8sApiCoreV1EnvVarSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1ConfigMapKeySelector_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ConfigMapKeySelector_validate.errors:vErrors.concat(IoK8sApiCoreV1ConfigMapKeySelector_validate.errors)).length)),IoK8sApiCoreV1EnvVarSource_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1EnvVarSource_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1ObjectFieldSelector_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ObjectFieldSelector_validate.errors:vErrors.concat(IoK8sApiCoreV1ObjectFieldSelector_validate.errors)).length)),IoK8sApiCoreV1EnvVarSource_validate5.errors=vErrors,0===errors}function IoK8sApiCoreV1EnvVarSource_validate9(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1FileKeySelector_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1FileKeySelector_validate.errors:vErrors.concat(IoK8sApiCoreV1FileKeySelector_validate.errors)).length)),IoK8sApiCoreV1EnvVarSource_validate9.errors=vErrors,0===errors}function validate13(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1ResourceFieldSelector_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ResourceFieldSelector_validate.errors:vErrors.concat(IoK8sApiCoreV1ResourceFieldSelector_validate.errors)).length)),validate13.errors=vErrors,0===errors}function validate17(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1SecretKeySelector_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecretKeySelector_validate.errors:vErrors.concat(IoK8sApiCoreV1SecretKeySelector_validate.errors)).length)),validate17.errors=vErrors,0===errors}function IoK8sApiCoreV1EnvVarSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.configMapKeyRef&&(IoK8sApiCoreV1EnvVarSource_validate1(data.configMapKeyRef,{instancePath:instancePath+"/configMapKeyRef",parentData:data,parentDataProperty:"configMapKeyRef",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EnvVarSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1EnvVarSource_validate1.errors)).length)),void 0!==data.fieldRef&&(IoK8sApiCoreV1EnvVarSource_validate5(data.fieldRef,{instancePath:instancePath+"/fieldRef",parentData:data,parentDataProperty:"fieldRef",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EnvVarSource_validate5.errors:vErrors.concat(IoK8sApiCoreV1EnvVarSource_validate5.errors)).length)),void 0!==data.fileKeyRef&&(IoK8sApiCoreV1EnvVarSource_validate9(data.fileKeyRef,{instancePath:instancePath+"/fileKeyRef",parentData:data,parentDataProperty:"fileKeyRef",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EnvVarSource_validate9.errors:vErrors.concat(IoK8sApiCoreV1EnvVarSource_validate9.errors)).length)),void 0!==data.resourceFieldRef&&(validate13(data.resourceFieldRef,{instancePath:instancePath+"/resourceFieldRef",parentData:data,parentDataProperty:"resourceFieldRef",rootData})||(errors=(vErrors=null===vErrors?validate13.errors:vErrors.concat(validate13.errors)).length)),void 0!==data.secretKeyRef&&(validate17(data.secretKeyRef,{instancePath:instancePath+"/secretKeyRef",parentData:data,parentDataProperty:"secretKeyRef",rootData})||(errors=(vErrors=null===vErrors?validate17.errors:vErrors.concat(validate17.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1EnvVarSource_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1EnvVar.js
const IoK8sApiCoreV1EnvVar_validate=IoK8sApiCoreV1EnvVar_validate0;function IoK8sApiCoreV1EnvVar_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1EnvVar_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1EnvVar_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1EnvVar_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1EnvVar_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1EnvVarSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EnvVarSource_validate.errors:vErrors.concat(IoK8sApiCoreV1EnvVarSource_validate.errors)).length)),IoK8sApiCoreV1EnvVar_validate5.errors=vErrors,0===errors}function IoK8sApiCoreV1EnvVar_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.name){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"name"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.name&&(IoK8sApiCoreV1EnvVar_validate1(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EnvVar_validate1.errors:vErrors.concat(IoK8sApiCoreV1EnvVar_validate1.errors)).length)),void 0!==data.value&&(IoK8sApiCoreV1EnvVar_validate3(data.value,{instancePath:instancePath+"/value",parentData:data,parentDataProperty:"value",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EnvVar_validate3.errors:vErrors.concat(IoK8sApiCoreV1EnvVar_validate3.errors)).length)),void 0!==data.valueFrom&&(IoK8sApiCoreV1EnvVar_validate5(data.valueFrom,{instancePath:instancePath+"/valueFrom",parentData:data,parentDataProperty:"valueFrom",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EnvVar_validate5.errors:vErrors.concat(IoK8sApiCoreV1EnvVar_validate5.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1EnvVar_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ConfigMapEnvSource.js
const IoK8sApiCoreV1ConfigMapEnvSource_validate=IoK8sApiCoreV1ConfigMapEnvSource_validate0;function IoK8sApiCoreV1ConfigMapEnvSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ConfigMapEnvSource_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1ConfigMapEnvSource_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ConfigMapEnvSource_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1ConfigMapEnvSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.name&&(IoK8sApiCoreV1ConfigMapEnvSource_validate1(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ConfigMapEnvSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1ConfigMapEnvSource_validate1.errors)).length)),void 0!==data.optional&&(IoK8sApiCoreV1ConfigMapEnvSource_validate3(data.optional,{instancePath:instancePath+"/optional",parentData:data,parentDataProperty:"optional",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ConfigMapEnvSource_validate3.errors:vErrors.concat(IoK8sApiCoreV1ConfigMapEnvSource_validate3.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ConfigMapEnvSource_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1SecretEnvSource.js
const IoK8sApiCoreV1SecretEnvSource_validate=IoK8sApiCoreV1SecretEnvSource_validate0;function IoK8sApiCoreV1SecretEnvSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1SecretEnvSource_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1SecretEnvSource_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1SecretEnvSource_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1SecretEnvSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.name&&(IoK8sApiCoreV1SecretEnvSource_validate1(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecretEnvSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1SecretEnvSource_validate1.errors)).length)),void 0!==data.optional&&(IoK8sApiCoreV1SecretEnvSource_validate3(data.optional,{instancePath:instancePath+"/optional",parentData:data,parentDataProperty:"optional",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecretEnvSource_validate3.errors:vErrors.concat(IoK8sApiCoreV1SecretEnvSource_validate3.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1SecretEnvSource_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1EnvFromSource.js
const IoK8sApiCoreV1EnvFromSource_validate=IoK8sApiCoreV1EnvFromSource_validate0;function IoK8sApiCoreV1EnvFromSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1ConfigMapEnvSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ConfigMapEnvSource_validate.errors:vErrors.concat(IoK8sApiCoreV1ConfigMapEnvSource_validate.errors)).length)),IoK8sApiCoreV1EnvFromSource_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1EnvFromSource_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1EnvFromSource_validate5.errors=vErrors,0===errors}function IoK8sApiCoreV1EnvFromSource_validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1SecretEnvSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecretEnvSource_validate.errors:vErrors.concat(IoK8sApiCoreV1SecretEnvSource_validate.errors)).length)),IoK8sApiCoreV1EnvFromSource_validate7.errors=vErrors,0===errors}function IoK8sApiCoreV1EnvFromSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.configMapRef&&(IoK8sApiCoreV1EnvFromSource_validate1(data.configMapRef,{instancePath:instancePath+"/configMapRef",parentData:data,parentDataProperty:"configMapRef",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EnvFromSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1EnvFromSource_validate1.errors)).length)),void 0!==data.prefix&&(IoK8sApiCoreV1EnvFromSource_validate5(data.prefix,{instancePath:instancePath+"/prefix",parentData:data,parentDataProperty:"prefix",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EnvFromSource_validate5.errors:vErrors.concat(IoK8sApiCoreV1EnvFromSource_validate5.errors)).length)),void 0!==data.secretRef&&(IoK8sApiCoreV1EnvFromSource_validate7(data.secretRef,{instancePath:instancePath+"/secretRef",parentData:data,parentDataProperty:"secretRef",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EnvFromSource_validate7.errors:vErrors.concat(IoK8sApiCoreV1EnvFromSource_validate7.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1EnvFromSource_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ExecAction.js
const IoK8sApiCoreV1ExecAction_validate=IoK8sApiCoreV1ExecAction_validate0;function IoK8sApiCoreV1ExecAction_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ExecAction_validate2.errors=vErrors,0===errors}function IoK8sApiCoreV1ExecAction_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1ExecAction_validate2(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ExecAction_validate2.errors:vErrors.concat(IoK8sApiCoreV1ExecAction_validate2.errors)).length)}return IoK8sApiCoreV1ExecAction_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1ExecAction_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.command&&(IoK8sApiCoreV1ExecAction_validate1(data.command,{instancePath:instancePath+"/command",parentData:data,parentDataProperty:"command",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ExecAction_validate1.errors:vErrors.concat(IoK8sApiCoreV1ExecAction_validate1.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ExecAction_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1HTTPHeader.js
const IoK8sApiCoreV1HTTPHeader_validate=IoK8sApiCoreV1HTTPHeader_validate1;function IoK8sApiCoreV1HTTPHeader_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1HTTPHeader_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1HTTPHeader_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.name){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"name"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.value){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"value"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.name&&(IoK8sApiCoreV1HTTPHeader_validate0(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1HTTPHeader_validate0.errors:vErrors.concat(IoK8sApiCoreV1HTTPHeader_validate0.errors)).length)),void 0!==data.value&&(IoK8sApiCoreV1HTTPHeader_validate0(data.value,{instancePath:instancePath+"/value",parentData:data,parentDataProperty:"value",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1HTTPHeader_validate0.errors:vErrors.concat(IoK8sApiCoreV1HTTPHeader_validate0.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return IoK8sApiCoreV1HTTPHeader_validate1.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgUtilIntstrIntOrString.js
var IoK8sApimachineryPkgUtilIntstrIntOrString = __webpack_require__(8);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1HTTPGetAction.js
const IoK8sApiCoreV1HTTPGetAction_validate=IoK8sApiCoreV1HTTPGetAction_validate1;function IoK8sApiCoreV1HTTPGetAction_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1HTTPGetAction_validate0.errors=vErrors,0===errors}function validate4(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1HTTPHeader_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1HTTPHeader_validate.errors:vErrors.concat(IoK8sApiCoreV1HTTPHeader_validate.errors)).length),validate4.errors=vErrors,0===errors}function IoK8sApiCoreV1HTTPGetAction_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate4(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate4.errors:vErrors.concat(validate4.errors)).length)}return IoK8sApiCoreV1HTTPGetAction_validate3.errors=vErrors,0===errors}function validate10(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return (0,IoK8sApimachineryPkgUtilIntstrIntOrString/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgUtilIntstrIntOrString/* validate */.t.errors:vErrors.concat(IoK8sApimachineryPkgUtilIntstrIntOrString/* validate */.t.errors)).length),validate10.errors=vErrors,0===errors}let schema7_enum=["HTTP","HTTPS"];function validate14(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("HTTP"!==data&&"HTTPS"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema7_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate14.errors=vErrors,0===errors}function IoK8sApiCoreV1HTTPGetAction_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.port){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"port"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.host&&(IoK8sApiCoreV1HTTPGetAction_validate0(data.host,{instancePath:instancePath+"/host",parentData:data,parentDataProperty:"host",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1HTTPGetAction_validate0.errors:vErrors.concat(IoK8sApiCoreV1HTTPGetAction_validate0.errors)).length)),void 0!==data.httpHeaders&&(IoK8sApiCoreV1HTTPGetAction_validate3(data.httpHeaders,{instancePath:instancePath+"/httpHeaders",parentData:data,parentDataProperty:"httpHeaders",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1HTTPGetAction_validate3.errors:vErrors.concat(IoK8sApiCoreV1HTTPGetAction_validate3.errors)).length)),void 0!==data.path&&(IoK8sApiCoreV1HTTPGetAction_validate0(data.path,{instancePath:instancePath+"/path",parentData:data,parentDataProperty:"path",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1HTTPGetAction_validate0.errors:vErrors.concat(IoK8sApiCoreV1HTTPGetAction_validate0.errors)).length)),void 0!==data.port&&(validate10(data.port,{instancePath:instancePath+"/port",parentData:data,parentDataProperty:"port",rootData})||(errors=(vErrors=null===vErrors?validate10.errors:vErrors.concat(validate10.errors)).length)),void 0!==data.scheme&&(validate14(data.scheme,{instancePath:instancePath+"/scheme",parentData:data,parentDataProperty:"scheme",rootData})||(errors=(vErrors=null===vErrors?validate14.errors:vErrors.concat(validate14.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1HTTPGetAction_validate1.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1SleepAction.js
const IoK8sApiCoreV1SleepAction_validate=IoK8sApiCoreV1SleepAction_validate0;let IoK8sApiCoreV1SleepAction_formats0=formats/* formats */.F.int64;function IoK8sApiCoreV1SleepAction_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1SleepAction_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int64"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1SleepAction_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1SleepAction_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.seconds){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"seconds"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.seconds&&(IoK8sApiCoreV1SleepAction_validate1(data.seconds,{instancePath:instancePath+"/seconds",parentData:data,parentDataProperty:"seconds",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SleepAction_validate1.errors:vErrors.concat(IoK8sApiCoreV1SleepAction_validate1.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1SleepAction_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1TCPSocketAction.js
const IoK8sApiCoreV1TCPSocketAction_validate=IoK8sApiCoreV1TCPSocketAction_validate0;function IoK8sApiCoreV1TCPSocketAction_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1TCPSocketAction_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1TCPSocketAction_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return (0,IoK8sApimachineryPkgUtilIntstrIntOrString/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgUtilIntstrIntOrString/* validate */.t.errors:vErrors.concat(IoK8sApimachineryPkgUtilIntstrIntOrString/* validate */.t.errors)).length),IoK8sApiCoreV1TCPSocketAction_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1TCPSocketAction_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.port){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"port"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.host&&(IoK8sApiCoreV1TCPSocketAction_validate1(data.host,{instancePath:instancePath+"/host",parentData:data,parentDataProperty:"host",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1TCPSocketAction_validate1.errors:vErrors.concat(IoK8sApiCoreV1TCPSocketAction_validate1.errors)).length)),void 0!==data.port&&(IoK8sApiCoreV1TCPSocketAction_validate3(data.port,{instancePath:instancePath+"/port",parentData:data,parentDataProperty:"port",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1TCPSocketAction_validate3.errors:vErrors.concat(IoK8sApiCoreV1TCPSocketAction_validate3.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1TCPSocketAction_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1LifecycleHandler.js
const IoK8sApiCoreV1LifecycleHandler_validate=IoK8sApiCoreV1LifecycleHandler_validate0;function IoK8sApiCoreV1LifecycleHandler_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1ExecAction_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ExecAction_validate.errors:vErrors.concat(IoK8sApiCoreV1ExecAction_validate.errors)).length)),IoK8sApiCoreV1LifecycleHandler_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1LifecycleHandler_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1HTTPGetAction_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1HTTPGetAction_validate.errors:vErrors.concat(IoK8sApiCoreV1HTTPGetAction_validate.errors)).length)),IoK8sApiCoreV1LifecycleHandler_validate5.errors=vErrors,0===errors}function IoK8sApiCoreV1LifecycleHandler_validate9(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1SleepAction_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SleepAction_validate.errors:vErrors.concat(IoK8sApiCoreV1SleepAction_validate.errors)).length)),IoK8sApiCoreV1LifecycleHandler_validate9.errors=vErrors,0===errors}function IoK8sApiCoreV1LifecycleHandler_validate13(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1TCPSocketAction_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1TCPSocketAction_validate.errors:vErrors.concat(IoK8sApiCoreV1TCPSocketAction_validate.errors)).length)),IoK8sApiCoreV1LifecycleHandler_validate13.errors=vErrors,0===errors}function IoK8sApiCoreV1LifecycleHandler_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.exec&&(IoK8sApiCoreV1LifecycleHandler_validate1(data.exec,{instancePath:instancePath+"/exec",parentData:data,parentDataProperty:"exec",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LifecycleHandler_validate1.errors:vErrors.concat(IoK8sApiCoreV1LifecycleHandler_validate1.errors)).length)),void 0!==data.httpGet&&(IoK8sApiCoreV1LifecycleHandler_validate5(data.httpGet,{instancePath:instancePath+"/httpGet",parentData:data,parentDataProperty:"httpGet",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LifecycleHandler_validate5.errors:vErrors.concat(IoK8sApiCoreV1LifecycleHandler_validate5.errors)).length)),void 0!==data.sleep&&(IoK8sApiCoreV1LifecycleHandler_validate9(data.sleep,{instancePath:instancePath+"/sleep",parentData:data,parentDataProperty:"sleep",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LifecycleHandler_validate9.errors:vErrors.concat(IoK8sApiCoreV1LifecycleHandler_validate9.errors)).length)),void 0!==data.tcpSocket&&(IoK8sApiCoreV1LifecycleHandler_validate13(data.tcpSocket,{instancePath:instancePath+"/tcpSocket",parentData:data,parentDataProperty:"tcpSocket",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LifecycleHandler_validate13.errors:vErrors.concat(IoK8sApiCoreV1LifecycleHandler_validate13.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1LifecycleHandler_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1Lifecycle.js
const IoK8sApiCoreV1Lifecycle_validate=IoK8sApiCoreV1Lifecycle_validate3;function IoK8sApiCoreV1Lifecycle_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1LifecycleHandler_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LifecycleHandler_validate.errors:vErrors.concat(IoK8sApiCoreV1LifecycleHandler_validate.errors)).length)),IoK8sApiCoreV1Lifecycle_validate0.errors=vErrors,0===errors}let schema3_enum=["SIGABRT","SIGALRM","SIGBUS","SIGCHLD","SIGCLD","SIGCONT","SIGFPE","SIGHUP","SIGILL","SIGINT","SIGIO","SIGIOT","SIGKILL","SIGPIPE","SIGPOLL","SIGPROF","SIGPWR","SIGQUIT","SIGRTMAX","SIGRTMAX-1","SIGRTMAX-10","SIGRTMAX-11","SIGRTMAX-12","SIGRTMAX-13","SIGRTMAX-14","SIGRTMAX-2","SIGRTMAX-3","SIGRTMAX-4","SIGRTMAX-5","SIGRTMAX-6","SIGRTMAX-7","SIGRTMAX-8","SIGRTMAX-9","SIGRTMIN","SIGRTMIN+1","SIGRTMIN+10","SIGRTMIN+11","SIGRTMIN+12","SIGRTMIN+13","SIGRTMIN+14","SIGRTMIN+15","SIGRTMIN+2","SIGRTMIN+3","SIGRTMIN+4","SIGRTMIN+5","SIGRTMIN+6","SIGRTMIN+7","SIGRTMIN+8","SIGRTMIN+9","SIGSEGV","SIGSTKFLT","SIGSTOP","SIGSYS","SIGTERM","SIGTRAP","SIGTSTP","SIGTTIN","SIGTTOU","SIGURG","SIGUSR1","SIGUSR2","SIGVTALRM","SIGWINCH","SIGXCPU","SIGXFSZ"];function IoK8sApiCoreV1Lifecycle_validate6(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("SIGABRT"!==data&&"SIGALRM"!==data&&"SIGBUS"!==data&&"SIGCHLD"!==data&&"SIGCLD"!==data&&"SIGCONT"!==data&&"SIGFPE"!==data&&"SIGHUP"!==data&&"SIGILL"!==data&&"SIGINT"!==data&&"SIGIO"!==data&&"SIGIOT"!==data&&"SIGKILL"!==data&&"SIGPIPE"!==data&&"SIGPOLL"!==data&&"SIGPROF"!==data&&"SIGPWR"!==data&&"SIGQUIT"!==data&&"SIGRTMAX"!==data&&"SIGRTMAX-1"!==data&&"SIGRTMAX-10"!==data&&"SIGRTMAX-11"!==data&&"SIGRTMAX-12"!==data&&"SIGRTMAX-13"!==data&&"SIGRTMAX-14"!==data&&"SIGRTMAX-2"!==data&&"SIGRTMAX-3"!==data&&"SIGRTMAX-4"!==data&&"SIGRTMAX-5"!==data&&"SIGRTMAX-6"!==data&&"SIGRTMAX-7"!==data&&"SIGRTMAX-8"!==data&&"SIGRTMAX-9"!==data&&"SIGRTMIN"!==data&&"SIGRTMIN+1"!==data&&"SIGRTMIN+10"!==data&&"SIGRTMIN+11"!==data&&"SIGRTMIN+12"!==data&&"SIGRTMIN+13"!==data&&"SIGRTMIN+14"!==data&&"SIGRTMIN+15"!==data&&"SIGRTMIN+2"!==data&&"SIGRTMIN+3"!==data&&"SIGRTMIN+4"!==data&&"SIGRTMIN+5"!==data&&"SIGRTMIN+6"!==data&&"SIGRTMIN+7"!==data&&"SIGRTMIN+8"!==data&&"SIGRTMIN+9"!==data&&"SIGSEGV"!==data&&"SIGSTKFLT"!==data&&"SIGSTOP"!==data&&"SIGSYS"!==data&&"SIGTERM"!==data&&"SIGTRAP"!==data&&"SIGTSTP"!==data&&"SIGTTIN"!==data&&"SIGTTOU"!==data&&"SIGURG"!==data&&"SIGUSR1"!==data&&"SIGUSR2"!==data&&"SIGVTALRM"!==data&&"SIGWINCH"!==data&&"SIGXCPU"!==data&&"SIGXFSZ"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema3_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1Lifecycle_validate6.errors=vErrors,0===errors}function IoK8sApiCoreV1Lifecycle_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.postStart&&(IoK8sApiCoreV1Lifecycle_validate0(data.postStart,{instancePath:instancePath+"/postStart",parentData:data,parentDataProperty:"postStart",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Lifecycle_validate0.errors:vErrors.concat(IoK8sApiCoreV1Lifecycle_validate0.errors)).length)),void 0!==data.preStop&&(IoK8sApiCoreV1Lifecycle_validate0(data.preStop,{instancePath:instancePath+"/preStop",parentData:data,parentDataProperty:"preStop",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Lifecycle_validate0.errors:vErrors.concat(IoK8sApiCoreV1Lifecycle_validate0.errors)).length)),void 0!==data.stopSignal&&(IoK8sApiCoreV1Lifecycle_validate6(data.stopSignal,{instancePath:instancePath+"/stopSignal",parentData:data,parentDataProperty:"stopSignal",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Lifecycle_validate6.errors:vErrors.concat(IoK8sApiCoreV1Lifecycle_validate6.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1Lifecycle_validate3.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1GRPCAction.js
const IoK8sApiCoreV1GRPCAction_validate=IoK8sApiCoreV1GRPCAction_validate0;let IoK8sApiCoreV1GRPCAction_formats0=formats/* formats */.F.int32;function IoK8sApiCoreV1GRPCAction_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1GRPCAction_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1GRPCAction_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1GRPCAction_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1GRPCAction_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1GRPCAction_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.port){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"port"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.port&&(IoK8sApiCoreV1GRPCAction_validate1(data.port,{instancePath:instancePath+"/port",parentData:data,parentDataProperty:"port",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1GRPCAction_validate1.errors:vErrors.concat(IoK8sApiCoreV1GRPCAction_validate1.errors)).length)),void 0!==data.service&&(IoK8sApiCoreV1GRPCAction_validate3(data.service,{instancePath:instancePath+"/service",parentData:data,parentDataProperty:"service",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1GRPCAction_validate3.errors:vErrors.concat(IoK8sApiCoreV1GRPCAction_validate3.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1GRPCAction_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1Probe.js
const IoK8sApiCoreV1Probe_validate=IoK8sApiCoreV1Probe_validate1;function IoK8sApiCoreV1Probe_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1ExecAction_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ExecAction_validate.errors:vErrors.concat(IoK8sApiCoreV1ExecAction_validate.errors)).length)),IoK8sApiCoreV1Probe_validate2.errors=vErrors,0===errors}let IoK8sApiCoreV1Probe_formats0=formats/* formats */.F.int32;function IoK8sApiCoreV1Probe_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1Probe_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1Probe_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1Probe_validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1GRPCAction_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1GRPCAction_validate.errors:vErrors.concat(IoK8sApiCoreV1GRPCAction_validate.errors)).length)),IoK8sApiCoreV1Probe_validate7.errors=vErrors,0===errors}function validate11(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1HTTPGetAction_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1HTTPGetAction_validate.errors:vErrors.concat(IoK8sApiCoreV1HTTPGetAction_validate.errors)).length)),validate11.errors=vErrors,0===errors}function validate18(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1TCPSocketAction_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1TCPSocketAction_validate.errors:vErrors.concat(IoK8sApiCoreV1TCPSocketAction_validate.errors)).length)),validate18.errors=vErrors,0===errors}let formats2=formats/* formats */.F.int64;function validate22(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!formats2.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int64"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate22.errors=vErrors,0===errors}function IoK8sApiCoreV1Probe_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.exec&&(IoK8sApiCoreV1Probe_validate2(data.exec,{instancePath:instancePath+"/exec",parentData:data,parentDataProperty:"exec",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Probe_validate2.errors:vErrors.concat(IoK8sApiCoreV1Probe_validate2.errors)).length)),void 0!==data.failureThreshold&&(IoK8sApiCoreV1Probe_validate0(data.failureThreshold,{instancePath:instancePath+"/failureThreshold",parentData:data,parentDataProperty:"failureThreshold",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Probe_validate0.errors:vErrors.concat(IoK8sApiCoreV1Probe_validate0.errors)).length)),void 0!==data.grpc&&(IoK8sApiCoreV1Probe_validate7(data.grpc,{instancePath:instancePath+"/grpc",parentData:data,parentDataProperty:"grpc",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Probe_validate7.errors:vErrors.concat(IoK8sApiCoreV1Probe_validate7.errors)).length)),void 0!==data.httpGet&&(validate11(data.httpGet,{instancePath:instancePath+"/httpGet",parentData:data,parentDataProperty:"httpGet",rootData})||(errors=(vErrors=null===vErrors?validate11.errors:vErrors.concat(validate11.errors)).length)),void 0!==data.initialDelaySeconds&&(IoK8sApiCoreV1Probe_validate0(data.initialDelaySeconds,{instancePath:instancePath+"/initialDelaySeconds",parentData:data,parentDataProperty:"initialDelaySeconds",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Probe_validate0.errors:vErrors.concat(IoK8sApiCoreV1Probe_validate0.errors)).length)),void 0!==data.periodSeconds&&(IoK8sApiCoreV1Probe_validate0(data.periodSeconds,{instancePath:instancePath+"/periodSeconds",parentData:data,parentDataProperty:"periodSeconds",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Probe_validate0.errors:vErrors.concat(IoK8sApiCoreV1Probe_validate0.errors)).length)),void 0!==data.successThreshold&&(IoK8sApiCoreV1Probe_validate0(data.successThreshold,{instancePath:instancePath+"/successThreshold",parentData:data,parentDataProperty:"successThreshold",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Probe_validate0.errors:vErrors.concat(IoK8sApiCoreV1Probe_validate0.errors)).length)),void 0!==data.tcpSocket&&(validate18(data.tcpSocket,{instancePath:instancePath+"/tcpSocket",parentData:data,parentDataProperty:"tcpSocket",rootData})||(errors=(vErrors=null===vErrors?validate18.errors:vErrors.concat(validate18.errors)).length)),void 0!==data.terminationGracePeriodSeconds&&(validate22(data.terminationGracePeriodSeconds,{instancePath:instancePath+"/terminationGracePeriodSeconds",parentData:data,parentDataProperty:"terminationGracePeriodSeconds",rootData})||(errors=(vErrors=null===vErrors?validate22.errors:vErrors.concat(validate22.errors)).length)),void 0!==data.timeoutSeconds&&(IoK8sApiCoreV1Probe_validate0(data.timeoutSeconds,{instancePath:instancePath+"/timeoutSeconds",parentData:data,parentDataProperty:"timeoutSeconds",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Probe_validate0.errors:vErrors.concat(IoK8sApiCoreV1Probe_validate0.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1Probe_validate1.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ContainerPort.js
const IoK8sApiCoreV1ContainerPort_validate=IoK8sApiCoreV1ContainerPort_validate1;let IoK8sApiCoreV1ContainerPort_formats0=formats/* formats */.F.int32;function IoK8sApiCoreV1ContainerPort_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1ContainerPort_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1ContainerPort_validate2.errors=vErrors,0===errors}function IoK8sApiCoreV1ContainerPort_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ContainerPort_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1ContainerPort_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1ContainerPort_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1ContainerPort_validate5.errors=vErrors,0===errors}let schema4_enum=["SCTP","TCP","UDP"];function IoK8sApiCoreV1ContainerPort_validate8(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("SCTP"!==data&&"TCP"!==data&&"UDP"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema4_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1ContainerPort_validate8.errors=vErrors,0===errors}function IoK8sApiCoreV1ContainerPort_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.containerPort){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"containerPort"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.containerPort&&(IoK8sApiCoreV1ContainerPort_validate2(data.containerPort,{instancePath:instancePath+"/containerPort",parentData:data,parentDataProperty:"containerPort",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ContainerPort_validate2.errors:vErrors.concat(IoK8sApiCoreV1ContainerPort_validate2.errors)).length)),void 0!==data.hostIP&&(IoK8sApiCoreV1ContainerPort_validate0(data.hostIP,{instancePath:instancePath+"/hostIP",parentData:data,parentDataProperty:"hostIP",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ContainerPort_validate0.errors:vErrors.concat(IoK8sApiCoreV1ContainerPort_validate0.errors)).length)),void 0!==data.hostPort&&(IoK8sApiCoreV1ContainerPort_validate5(data.hostPort,{instancePath:instancePath+"/hostPort",parentData:data,parentDataProperty:"hostPort",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ContainerPort_validate5.errors:vErrors.concat(IoK8sApiCoreV1ContainerPort_validate5.errors)).length)),void 0!==data.name&&(IoK8sApiCoreV1ContainerPort_validate0(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ContainerPort_validate0.errors:vErrors.concat(IoK8sApiCoreV1ContainerPort_validate0.errors)).length)),void 0!==data.protocol&&(IoK8sApiCoreV1ContainerPort_validate8(data.protocol,{instancePath:instancePath+"/protocol",parentData:data,parentDataProperty:"protocol",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ContainerPort_validate8.errors:vErrors.concat(IoK8sApiCoreV1ContainerPort_validate8.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1ContainerPort_validate1.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ContainerResizePolicy.js
const IoK8sApiCoreV1ContainerResizePolicy_validate=IoK8sApiCoreV1ContainerResizePolicy_validate1;function IoK8sApiCoreV1ContainerResizePolicy_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ContainerResizePolicy_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1ContainerResizePolicy_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.resourceName){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"resourceName"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.restartPolicy){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"restartPolicy"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.resourceName&&(IoK8sApiCoreV1ContainerResizePolicy_validate0(data.resourceName,{instancePath:instancePath+"/resourceName",parentData:data,parentDataProperty:"resourceName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ContainerResizePolicy_validate0.errors:vErrors.concat(IoK8sApiCoreV1ContainerResizePolicy_validate0.errors)).length)),void 0!==data.restartPolicy&&(IoK8sApiCoreV1ContainerResizePolicy_validate0(data.restartPolicy,{instancePath:instancePath+"/restartPolicy",parentData:data,parentDataProperty:"restartPolicy",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ContainerResizePolicy_validate0.errors:vErrors.concat(IoK8sApiCoreV1ContainerResizePolicy_validate0.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return IoK8sApiCoreV1ContainerResizePolicy_validate1.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ResourceRequirements.js + 1 modules
var IoK8sApiCoreV1ResourceRequirements = __webpack_require__(6946);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ContainerRestartRuleOnExitCodes.js
const IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate=IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate0;function IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate1.errors=vErrors,0===errors}let IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_formats0=formats/* formats */.F.int32;function IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate4(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate4.errors=vErrors,0===errors}function IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate4(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate4.errors:vErrors.concat(IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate4.errors)).length)}return IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.operator){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"operator"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.operator&&(IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate1(data.operator,{instancePath:instancePath+"/operator",parentData:data,parentDataProperty:"operator",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate1.errors:vErrors.concat(IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate1.errors)).length)),void 0!==data.values&&(IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate3(data.values,{instancePath:instancePath+"/values",parentData:data,parentDataProperty:"values",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate3.errors:vErrors.concat(IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate3.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ContainerRestartRule.js
const IoK8sApiCoreV1ContainerRestartRule_validate=IoK8sApiCoreV1ContainerRestartRule_validate0;function IoK8sApiCoreV1ContainerRestartRule_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ContainerRestartRule_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1ContainerRestartRule_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate.errors:vErrors.concat(IoK8sApiCoreV1ContainerRestartRuleOnExitCodes_validate.errors)).length)),IoK8sApiCoreV1ContainerRestartRule_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1ContainerRestartRule_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.action){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"action"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.action&&(IoK8sApiCoreV1ContainerRestartRule_validate1(data.action,{instancePath:instancePath+"/action",parentData:data,parentDataProperty:"action",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ContainerRestartRule_validate1.errors:vErrors.concat(IoK8sApiCoreV1ContainerRestartRule_validate1.errors)).length)),void 0!==data.exitCodes&&(IoK8sApiCoreV1ContainerRestartRule_validate3(data.exitCodes,{instancePath:instancePath+"/exitCodes",parentData:data,parentDataProperty:"exitCodes",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ContainerRestartRule_validate3.errors:vErrors.concat(IoK8sApiCoreV1ContainerRestartRule_validate3.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1ContainerRestartRule_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1AppArmorProfile.js
const IoK8sApiCoreV1AppArmorProfile_validate=IoK8sApiCoreV1AppArmorProfile_validate0;function IoK8sApiCoreV1AppArmorProfile_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1AppArmorProfile_validate1.errors=vErrors,0===errors}let schema2_enum=["Localhost","RuntimeDefault","Unconfined"];function IoK8sApiCoreV1AppArmorProfile_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("Localhost"!==data&&"RuntimeDefault"!==data&&"Unconfined"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema2_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1AppArmorProfile_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1AppArmorProfile_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.type){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"type"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.localhostProfile&&(IoK8sApiCoreV1AppArmorProfile_validate1(data.localhostProfile,{instancePath:instancePath+"/localhostProfile",parentData:data,parentDataProperty:"localhostProfile",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1AppArmorProfile_validate1.errors:vErrors.concat(IoK8sApiCoreV1AppArmorProfile_validate1.errors)).length)),void 0!==data.type&&(IoK8sApiCoreV1AppArmorProfile_validate3(data.type,{instancePath:instancePath+"/type",parentData:data,parentDataProperty:"type",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1AppArmorProfile_validate3.errors:vErrors.concat(IoK8sApiCoreV1AppArmorProfile_validate3.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1AppArmorProfile_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1Capabilities.js
const IoK8sApiCoreV1Capabilities_validate=IoK8sApiCoreV1Capabilities_validate3;function IoK8sApiCoreV1Capabilities_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1Capabilities_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1Capabilities_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1Capabilities_validate1(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Capabilities_validate1.errors:vErrors.concat(IoK8sApiCoreV1Capabilities_validate1.errors)).length)}return IoK8sApiCoreV1Capabilities_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1Capabilities_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.add&&(IoK8sApiCoreV1Capabilities_validate0(data.add,{instancePath:instancePath+"/add",parentData:data,parentDataProperty:"add",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Capabilities_validate0.errors:vErrors.concat(IoK8sApiCoreV1Capabilities_validate0.errors)).length)),void 0!==data.drop&&(IoK8sApiCoreV1Capabilities_validate0(data.drop,{instancePath:instancePath+"/drop",parentData:data,parentDataProperty:"drop",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Capabilities_validate0.errors:vErrors.concat(IoK8sApiCoreV1Capabilities_validate0.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1Capabilities_validate3.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1SELinuxOptions.js
var IoK8sApiCoreV1SELinuxOptions = __webpack_require__(6282);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1SeccompProfile.js
const IoK8sApiCoreV1SeccompProfile_validate=IoK8sApiCoreV1SeccompProfile_validate0;function IoK8sApiCoreV1SeccompProfile_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1SeccompProfile_validate1.errors=vErrors,0===errors}let IoK8sApiCoreV1SeccompProfile_schema2_enum=["Localhost","RuntimeDefault","Unconfined"];function IoK8sApiCoreV1SeccompProfile_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("Localhost"!==data&&"RuntimeDefault"!==data&&"Unconfined"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:IoK8sApiCoreV1SeccompProfile_schema2_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1SeccompProfile_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1SeccompProfile_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.type){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"type"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.localhostProfile&&(IoK8sApiCoreV1SeccompProfile_validate1(data.localhostProfile,{instancePath:instancePath+"/localhostProfile",parentData:data,parentDataProperty:"localhostProfile",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SeccompProfile_validate1.errors:vErrors.concat(IoK8sApiCoreV1SeccompProfile_validate1.errors)).length)),void 0!==data.type&&(IoK8sApiCoreV1SeccompProfile_validate3(data.type,{instancePath:instancePath+"/type",parentData:data,parentDataProperty:"type",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SeccompProfile_validate3.errors:vErrors.concat(IoK8sApiCoreV1SeccompProfile_validate3.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1SeccompProfile_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1WindowsSecurityContextOptions.js
const IoK8sApiCoreV1WindowsSecurityContextOptions_validate=IoK8sApiCoreV1WindowsSecurityContextOptions_validate1;function IoK8sApiCoreV1WindowsSecurityContextOptions_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1WindowsSecurityContextOptions_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1WindowsSecurityContextOptions_validate4(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1WindowsSecurityContextOptions_validate4.errors=vErrors,0===errors}function IoK8sApiCoreV1WindowsSecurityContextOptions_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.gmsaCredentialSpec&&(IoK8sApiCoreV1WindowsSecurityContextOptions_validate0(data.gmsaCredentialSpec,{instancePath:instancePath+"/gmsaCredentialSpec",parentData:data,parentDataProperty:"gmsaCredentialSpec",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1WindowsSecurityContextOptions_validate0.errors:vErrors.concat(IoK8sApiCoreV1WindowsSecurityContextOptions_validate0.errors)).length)),void 0!==data.gmsaCredentialSpecName&&(IoK8sApiCoreV1WindowsSecurityContextOptions_validate0(data.gmsaCredentialSpecName,{instancePath:instancePath+"/gmsaCredentialSpecName",parentData:data,parentDataProperty:"gmsaCredentialSpecName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1WindowsSecurityContextOptions_validate0.errors:vErrors.concat(IoK8sApiCoreV1WindowsSecurityContextOptions_validate0.errors)).length)),void 0!==data.hostProcess&&(IoK8sApiCoreV1WindowsSecurityContextOptions_validate4(data.hostProcess,{instancePath:instancePath+"/hostProcess",parentData:data,parentDataProperty:"hostProcess",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1WindowsSecurityContextOptions_validate4.errors:vErrors.concat(IoK8sApiCoreV1WindowsSecurityContextOptions_validate4.errors)).length)),void 0!==data.runAsUserName&&(IoK8sApiCoreV1WindowsSecurityContextOptions_validate0(data.runAsUserName,{instancePath:instancePath+"/runAsUserName",parentData:data,parentDataProperty:"runAsUserName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1WindowsSecurityContextOptions_validate0.errors:vErrors.concat(IoK8sApiCoreV1WindowsSecurityContextOptions_validate0.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1WindowsSecurityContextOptions_validate1.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1SecurityContext.js
const IoK8sApiCoreV1SecurityContext_validate=IoK8sApiCoreV1SecurityContext_validate2;function IoK8sApiCoreV1SecurityContext_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1SecurityContext_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1SecurityContext_validate4(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1AppArmorProfile_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1AppArmorProfile_validate.errors:vErrors.concat(IoK8sApiCoreV1AppArmorProfile_validate.errors)).length)),IoK8sApiCoreV1SecurityContext_validate4.errors=vErrors,0===errors}function IoK8sApiCoreV1SecurityContext_validate8(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1Capabilities_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Capabilities_validate.errors:vErrors.concat(IoK8sApiCoreV1Capabilities_validate.errors)).length)),IoK8sApiCoreV1SecurityContext_validate8.errors=vErrors,0===errors}let IoK8sApiCoreV1SecurityContext_schema7_enum=["Default","Unmasked"];function IoK8sApiCoreV1SecurityContext_validate13(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("Default"!==data&&"Unmasked"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:IoK8sApiCoreV1SecurityContext_schema7_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1SecurityContext_validate13.errors=vErrors,0===errors}let IoK8sApiCoreV1SecurityContext_formats0=formats/* formats */.F.int64;function IoK8sApiCoreV1SecurityContext_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1SecurityContext_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int64"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1SecurityContext_validate1.errors=vErrors,0===errors}function validate19(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1SELinuxOptions/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SELinuxOptions/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1SELinuxOptions/* validate */.t.errors)).length)),validate19.errors=vErrors,0===errors}function validate23(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1SeccompProfile_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SeccompProfile_validate.errors:vErrors.concat(IoK8sApiCoreV1SeccompProfile_validate.errors)).length)),validate23.errors=vErrors,0===errors}function validate27(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1WindowsSecurityContextOptions_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1WindowsSecurityContextOptions_validate.errors:vErrors.concat(IoK8sApiCoreV1WindowsSecurityContextOptions_validate.errors)).length)),validate27.errors=vErrors,0===errors}function IoK8sApiCoreV1SecurityContext_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.allowPrivilegeEscalation&&(IoK8sApiCoreV1SecurityContext_validate0(data.allowPrivilegeEscalation,{instancePath:instancePath+"/allowPrivilegeEscalation",parentData:data,parentDataProperty:"allowPrivilegeEscalation",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecurityContext_validate0.errors:vErrors.concat(IoK8sApiCoreV1SecurityContext_validate0.errors)).length)),void 0!==data.appArmorProfile&&(IoK8sApiCoreV1SecurityContext_validate4(data.appArmorProfile,{instancePath:instancePath+"/appArmorProfile",parentData:data,parentDataProperty:"appArmorProfile",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecurityContext_validate4.errors:vErrors.concat(IoK8sApiCoreV1SecurityContext_validate4.errors)).length)),void 0!==data.capabilities&&(IoK8sApiCoreV1SecurityContext_validate8(data.capabilities,{instancePath:instancePath+"/capabilities",parentData:data,parentDataProperty:"capabilities",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecurityContext_validate8.errors:vErrors.concat(IoK8sApiCoreV1SecurityContext_validate8.errors)).length)),void 0!==data.privileged&&(IoK8sApiCoreV1SecurityContext_validate0(data.privileged,{instancePath:instancePath+"/privileged",parentData:data,parentDataProperty:"privileged",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecurityContext_validate0.errors:vErrors.concat(IoK8sApiCoreV1SecurityContext_validate0.errors)).length)),void 0!==data.procMount&&(IoK8sApiCoreV1SecurityContext_validate13(data.procMount,{instancePath:instancePath+"/procMount",parentData:data,parentDataProperty:"procMount",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecurityContext_validate13.errors:vErrors.concat(IoK8sApiCoreV1SecurityContext_validate13.errors)).length)),void 0!==data.readOnlyRootFilesystem&&(IoK8sApiCoreV1SecurityContext_validate0(data.readOnlyRootFilesystem,{instancePath:instancePath+"/readOnlyRootFilesystem",parentData:data,parentDataProperty:"readOnlyRootFilesystem",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecurityContext_validate0.errors:vErrors.concat(IoK8sApiCoreV1SecurityContext_validate0.errors)).length)),void 0!==data.runAsGroup&&(IoK8sApiCoreV1SecurityContext_validate1(data.runAsGroup,{instancePath:instancePath+"/runAsGroup",parentData:data,parentDataProperty:"runAsGroup",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecurityContext_validate1.errors:vErrors.concat(IoK8sApiCoreV1SecurityContext_validate1.errors)).length)),void 0!==data.runAsNonRoot&&(IoK8sApiCoreV1SecurityContext_validate0(data.runAsNonRoot,{instancePath:instancePath+"/runAsNonRoot",parentData:data,parentDataProperty:"runAsNonRoot",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecurityContext_validate0.errors:vErrors.concat(IoK8sApiCoreV1SecurityContext_validate0.errors)).length)),void 0!==data.runAsUser&&(IoK8sApiCoreV1SecurityContext_validate1(data.runAsUser,{instancePath:instancePath+"/runAsUser",parentData:data,parentDataProperty:"runAsUser",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecurityContext_validate1.errors:vErrors.concat(IoK8sApiCoreV1SecurityContext_validate1.errors)).length)),void 0!==data.seLinuxOptions&&(validate19(data.seLinuxOptions,{instancePath:instancePath+"/seLinuxOptions",parentData:data,parentDataProperty:"seLinuxOptions",rootData})||(errors=(vErrors=null===vErrors?validate19.errors:vErrors.concat(validate19.errors)).length)),void 0!==data.seccompProfile&&(validate23(data.seccompProfile,{instancePath:instancePath+"/seccompProfile",parentData:data,parentDataProperty:"seccompProfile",rootData})||(errors=(vErrors=null===vErrors?validate23.errors:vErrors.concat(validate23.errors)).length)),void 0!==data.windowsOptions&&(validate27(data.windowsOptions,{instancePath:instancePath+"/windowsOptions",parentData:data,parentDataProperty:"windowsOptions",rootData})||(errors=(vErrors=null===vErrors?validate27.errors:vErrors.concat(validate27.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1SecurityContext_validate2.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1VolumeDevice.js
const IoK8sApiCoreV1VolumeDevice_validate=IoK8sApiCoreV1VolumeDevice_validate1;function IoK8sApiCoreV1VolumeDevice_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1VolumeDevice_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1VolumeDevice_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.name){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"name"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.devicePath){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"devicePath"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.devicePath&&(IoK8sApiCoreV1VolumeDevice_validate0(data.devicePath,{instancePath:instancePath+"/devicePath",parentData:data,parentDataProperty:"devicePath",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeDevice_validate0.errors:vErrors.concat(IoK8sApiCoreV1VolumeDevice_validate0.errors)).length)),void 0!==data.name&&(IoK8sApiCoreV1VolumeDevice_validate0(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeDevice_validate0.errors:vErrors.concat(IoK8sApiCoreV1VolumeDevice_validate0.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return IoK8sApiCoreV1VolumeDevice_validate1.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1VolumeMount.js
const IoK8sApiCoreV1VolumeMount_validate=IoK8sApiCoreV1VolumeMount_validate2;function IoK8sApiCoreV1VolumeMount_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1VolumeMount_validate0.errors=vErrors,0===errors}let IoK8sApiCoreV1VolumeMount_schema3_enum=["Bidirectional","HostToContainer","None"];function IoK8sApiCoreV1VolumeMount_validate4(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("Bidirectional"!==data&&"HostToContainer"!==data&&"None"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:IoK8sApiCoreV1VolumeMount_schema3_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1VolumeMount_validate4.errors=vErrors,0===errors}function IoK8sApiCoreV1VolumeMount_validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1VolumeMount_validate7.errors=vErrors,0===errors}function IoK8sApiCoreV1VolumeMount_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1VolumeMount_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1VolumeMount_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.name){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"name"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.mountPath){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"mountPath"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.mountPath&&(IoK8sApiCoreV1VolumeMount_validate0(data.mountPath,{instancePath:instancePath+"/mountPath",parentData:data,parentDataProperty:"mountPath",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeMount_validate0.errors:vErrors.concat(IoK8sApiCoreV1VolumeMount_validate0.errors)).length)),void 0!==data.mountPropagation&&(IoK8sApiCoreV1VolumeMount_validate4(data.mountPropagation,{instancePath:instancePath+"/mountPropagation",parentData:data,parentDataProperty:"mountPropagation",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeMount_validate4.errors:vErrors.concat(IoK8sApiCoreV1VolumeMount_validate4.errors)).length)),void 0!==data.name&&(IoK8sApiCoreV1VolumeMount_validate0(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeMount_validate0.errors:vErrors.concat(IoK8sApiCoreV1VolumeMount_validate0.errors)).length)),void 0!==data.readOnly&&(IoK8sApiCoreV1VolumeMount_validate7(data.readOnly,{instancePath:instancePath+"/readOnly",parentData:data,parentDataProperty:"readOnly",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeMount_validate7.errors:vErrors.concat(IoK8sApiCoreV1VolumeMount_validate7.errors)).length)),void 0!==data.recursiveReadOnly&&(IoK8sApiCoreV1VolumeMount_validate1(data.recursiveReadOnly,{instancePath:instancePath+"/recursiveReadOnly",parentData:data,parentDataProperty:"recursiveReadOnly",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeMount_validate1.errors:vErrors.concat(IoK8sApiCoreV1VolumeMount_validate1.errors)).length)),void 0!==data.subPath&&(IoK8sApiCoreV1VolumeMount_validate1(data.subPath,{instancePath:instancePath+"/subPath",parentData:data,parentDataProperty:"subPath",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeMount_validate1.errors:vErrors.concat(IoK8sApiCoreV1VolumeMount_validate1.errors)).length)),void 0!==data.subPathExpr&&(IoK8sApiCoreV1VolumeMount_validate1(data.subPathExpr,{instancePath:instancePath+"/subPathExpr",parentData:data,parentDataProperty:"subPathExpr",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeMount_validate1.errors:vErrors.concat(IoK8sApiCoreV1VolumeMount_validate1.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return IoK8sApiCoreV1VolumeMount_validate2.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1Container.js
const IoK8sApiCoreV1Container_validate=IoK8sApiCoreV1Container_validate8;function IoK8sApiCoreV1Container_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1Container_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1Container_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1Container_validate1(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Container_validate1.errors:vErrors.concat(IoK8sApiCoreV1Container_validate1.errors)).length)}return IoK8sApiCoreV1Container_validate0.errors=vErrors,0===errors}function validate12(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1EnvVar_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EnvVar_validate.errors:vErrors.concat(IoK8sApiCoreV1EnvVar_validate.errors)).length),validate12.errors=vErrors,0===errors}function IoK8sApiCoreV1Container_validate11(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate12(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate12.errors:vErrors.concat(validate12.errors)).length)}return IoK8sApiCoreV1Container_validate11.errors=vErrors,0===errors}function IoK8sApiCoreV1Container_validate18(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1EnvFromSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EnvFromSource_validate.errors:vErrors.concat(IoK8sApiCoreV1EnvFromSource_validate.errors)).length),IoK8sApiCoreV1Container_validate18.errors=vErrors,0===errors}function IoK8sApiCoreV1Container_validate17(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1Container_validate18(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Container_validate18.errors:vErrors.concat(IoK8sApiCoreV1Container_validate18.errors)).length)}return IoK8sApiCoreV1Container_validate17.errors=vErrors,0===errors}function IoK8sApiCoreV1Container_validate6(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1Container_validate6.errors=vErrors,0===errors}let schema13_enum=["Always","IfNotPresent","Never"];function validate24(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("Always"!==data&&"IfNotPresent"!==data&&"Never"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema13_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate24.errors=vErrors,0===errors}function validate26(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1Lifecycle_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Lifecycle_validate.errors:vErrors.concat(IoK8sApiCoreV1Lifecycle_validate.errors)).length)),validate26.errors=vErrors,0===errors}function IoK8sApiCoreV1Container_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1Probe_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Probe_validate.errors:vErrors.concat(IoK8sApiCoreV1Probe_validate.errors)).length)),IoK8sApiCoreV1Container_validate3.errors=vErrors,0===errors}function validate33(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1ContainerPort_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ContainerPort_validate.errors:vErrors.concat(IoK8sApiCoreV1ContainerPort_validate.errors)).length),validate33.errors=vErrors,0===errors}function validate32(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate33(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate33.errors:vErrors.concat(validate33.errors)).length)}return validate32.errors=vErrors,0===errors}function validate40(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1ContainerResizePolicy_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ContainerResizePolicy_validate.errors:vErrors.concat(IoK8sApiCoreV1ContainerResizePolicy_validate.errors)).length),validate40.errors=vErrors,0===errors}function validate39(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate40(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate40.errors:vErrors.concat(validate40.errors)).length)}return validate39.errors=vErrors,0===errors}function validate45(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1ResourceRequirements/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ResourceRequirements/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1ResourceRequirements/* validate */.t.errors)).length)),validate45.errors=vErrors,0===errors}function validate51(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1ContainerRestartRule_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ContainerRestartRule_validate.errors:vErrors.concat(IoK8sApiCoreV1ContainerRestartRule_validate.errors)).length),validate51.errors=vErrors,0===errors}function validate50(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate51(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate51.errors:vErrors.concat(validate51.errors)).length)}return validate50.errors=vErrors,0===errors}function validate56(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1SecurityContext_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecurityContext_validate.errors:vErrors.concat(IoK8sApiCoreV1SecurityContext_validate.errors)).length)),validate56.errors=vErrors,0===errors}function IoK8sApiCoreV1Container_validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1Container_validate7.errors=vErrors,0===errors}let schema29_enum=["FallbackToLogsOnError","File"];function validate64(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("FallbackToLogsOnError"!==data&&"File"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema29_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate64.errors=vErrors,0===errors}function validate68(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1VolumeDevice_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeDevice_validate.errors:vErrors.concat(IoK8sApiCoreV1VolumeDevice_validate.errors)).length),validate68.errors=vErrors,0===errors}function validate67(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate68(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate68.errors:vErrors.concat(validate68.errors)).length)}return validate67.errors=vErrors,0===errors}function validate74(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1VolumeMount_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeMount_validate.errors:vErrors.concat(IoK8sApiCoreV1VolumeMount_validate.errors)).length),validate74.errors=vErrors,0===errors}function validate73(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate74(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate74.errors:vErrors.concat(validate74.errors)).length)}return validate73.errors=vErrors,0===errors}function IoK8sApiCoreV1Container_validate8(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.name){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"name"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.args&&(IoK8sApiCoreV1Container_validate0(data.args,{instancePath:instancePath+"/args",parentData:data,parentDataProperty:"args",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Container_validate0.errors:vErrors.concat(IoK8sApiCoreV1Container_validate0.errors)).length)),void 0!==data.command&&(IoK8sApiCoreV1Container_validate0(data.command,{instancePath:instancePath+"/command",parentData:data,parentDataProperty:"command",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Container_validate0.errors:vErrors.concat(IoK8sApiCoreV1Container_validate0.errors)).length)),void 0!==data.env&&(IoK8sApiCoreV1Container_validate11(data.env,{instancePath:instancePath+"/env",parentData:data,parentDataProperty:"env",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Container_validate11.errors:vErrors.concat(IoK8sApiCoreV1Container_validate11.errors)).length)),void 0!==data.envFrom&&(IoK8sApiCoreV1Container_validate17(data.envFrom,{instancePath:instancePath+"/envFrom",parentData:data,parentDataProperty:"envFrom",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Container_validate17.errors:vErrors.concat(IoK8sApiCoreV1Container_validate17.errors)).length)),void 0!==data.image&&(IoK8sApiCoreV1Container_validate6(data.image,{instancePath:instancePath+"/image",parentData:data,parentDataProperty:"image",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Container_validate6.errors:vErrors.concat(IoK8sApiCoreV1Container_validate6.errors)).length)),void 0!==data.imagePullPolicy&&(validate24(data.imagePullPolicy,{instancePath:instancePath+"/imagePullPolicy",parentData:data,parentDataProperty:"imagePullPolicy",rootData})||(errors=(vErrors=null===vErrors?validate24.errors:vErrors.concat(validate24.errors)).length)),void 0!==data.lifecycle&&(validate26(data.lifecycle,{instancePath:instancePath+"/lifecycle",parentData:data,parentDataProperty:"lifecycle",rootData})||(errors=(vErrors=null===vErrors?validate26.errors:vErrors.concat(validate26.errors)).length)),void 0!==data.livenessProbe&&(IoK8sApiCoreV1Container_validate3(data.livenessProbe,{instancePath:instancePath+"/livenessProbe",parentData:data,parentDataProperty:"livenessProbe",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Container_validate3.errors:vErrors.concat(IoK8sApiCoreV1Container_validate3.errors)).length)),void 0!==data.name&&(IoK8sApiCoreV1Container_validate1(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Container_validate1.errors:vErrors.concat(IoK8sApiCoreV1Container_validate1.errors)).length)),void 0!==data.ports&&(validate32(data.ports,{instancePath:instancePath+"/ports",parentData:data,parentDataProperty:"ports",rootData})||(errors=(vErrors=null===vErrors?validate32.errors:vErrors.concat(validate32.errors)).length)),void 0!==data.readinessProbe&&(IoK8sApiCoreV1Container_validate3(data.readinessProbe,{instancePath:instancePath+"/readinessProbe",parentData:data,parentDataProperty:"readinessProbe",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Container_validate3.errors:vErrors.concat(IoK8sApiCoreV1Container_validate3.errors)).length)),void 0!==data.resizePolicy&&(validate39(data.resizePolicy,{instancePath:instancePath+"/resizePolicy",parentData:data,parentDataProperty:"resizePolicy",rootData})||(errors=(vErrors=null===vErrors?validate39.errors:vErrors.concat(validate39.errors)).length)),void 0!==data.resources&&(validate45(data.resources,{instancePath:instancePath+"/resources",parentData:data,parentDataProperty:"resources",rootData})||(errors=(vErrors=null===vErrors?validate45.errors:vErrors.concat(validate45.errors)).length)),void 0!==data.restartPolicy&&(IoK8sApiCoreV1Container_validate6(data.restartPolicy,{instancePath:instancePath+"/restartPolicy",parentData:data,parentDataProperty:"restartPolicy",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Container_validate6.errors:vErrors.concat(IoK8sApiCoreV1Container_validate6.errors)).length)),void 0!==data.restartPolicyRules&&(validate50(data.restartPolicyRules,{instancePath:instancePath+"/restartPolicyRules",parentData:data,parentDataProperty:"restartPolicyRules",rootData})||(errors=(vErrors=null===vErrors?validate50.errors:vErrors.concat(validate50.errors)).length)),void 0!==data.securityContext&&(validate56(data.securityContext,{instancePath:instancePath+"/securityContext",parentData:data,parentDataProperty:"securityContext",rootData})||(errors=(vErrors=null===vErrors?validate56.errors:vErrors.concat(validate56.errors)).length)),void 0!==data.startupProbe&&(IoK8sApiCoreV1Container_validate3(data.startupProbe,{instancePath:instancePath+"/startupProbe",parentData:data,parentDataProperty:"startupProbe",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Container_validate3.errors:vErrors.concat(IoK8sApiCoreV1Container_validate3.errors)).length)),void 0!==data.stdin&&(IoK8sApiCoreV1Container_validate7(data.stdin,{instancePath:instancePath+"/stdin",parentData:data,parentDataProperty:"stdin",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Container_validate7.errors:vErrors.concat(IoK8sApiCoreV1Container_validate7.errors)).length)),void 0!==data.stdinOnce&&(IoK8sApiCoreV1Container_validate7(data.stdinOnce,{instancePath:instancePath+"/stdinOnce",parentData:data,parentDataProperty:"stdinOnce",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Container_validate7.errors:vErrors.concat(IoK8sApiCoreV1Container_validate7.errors)).length)),void 0!==data.terminationMessagePath&&(IoK8sApiCoreV1Container_validate6(data.terminationMessagePath,{instancePath:instancePath+"/terminationMessagePath",parentData:data,parentDataProperty:"terminationMessagePath",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Container_validate6.errors:vErrors.concat(IoK8sApiCoreV1Container_validate6.errors)).length)),void 0!==data.terminationMessagePolicy&&(validate64(data.terminationMessagePolicy,{instancePath:instancePath+"/terminationMessagePolicy",parentData:data,parentDataProperty:"terminationMessagePolicy",rootData})||(errors=(vErrors=null===vErrors?validate64.errors:vErrors.concat(validate64.errors)).length)),void 0!==data.tty&&(IoK8sApiCoreV1Container_validate7(data.tty,{instancePath:instancePath+"/tty",parentData:data,parentDataProperty:"tty",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Container_validate7.errors:vErrors.concat(IoK8sApiCoreV1Container_validate7.errors)).length)),void 0!==data.volumeDevices&&(validate67(data.volumeDevices,{instancePath:instancePath+"/volumeDevices",parentData:data,parentDataProperty:"volumeDevices",rootData})||(errors=(vErrors=null===vErrors?validate67.errors:vErrors.concat(validate67.errors)).length)),void 0!==data.volumeMounts&&(validate73(data.volumeMounts,{instancePath:instancePath+"/volumeMounts",parentData:data,parentDataProperty:"volumeMounts",rootData})||(errors=(vErrors=null===vErrors?validate73.errors:vErrors.concat(validate73.errors)).length)),void 0!==data.workingDir&&(IoK8sApiCoreV1Container_validate6(data.workingDir,{instancePath:instancePath+"/workingDir",parentData:data,parentDataProperty:"workingDir",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Container_validate6.errors:vErrors.concat(IoK8sApiCoreV1Container_validate6.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1Container_validate8.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PodDNSConfigOption.js
const IoK8sApiCoreV1PodDNSConfigOption_validate=IoK8sApiCoreV1PodDNSConfigOption_validate1;function IoK8sApiCoreV1PodDNSConfigOption_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodDNSConfigOption_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1PodDNSConfigOption_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.name&&(IoK8sApiCoreV1PodDNSConfigOption_validate0(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodDNSConfigOption_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodDNSConfigOption_validate0.errors)).length)),void 0!==data.value&&(IoK8sApiCoreV1PodDNSConfigOption_validate0(data.value,{instancePath:instancePath+"/value",parentData:data,parentDataProperty:"value",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodDNSConfigOption_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodDNSConfigOption_validate0.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodDNSConfigOption_validate1.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PodDNSConfig.js
const IoK8sApiCoreV1PodDNSConfig_validate=IoK8sApiCoreV1PodDNSConfig_validate3;function IoK8sApiCoreV1PodDNSConfig_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodDNSConfig_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1PodDNSConfig_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1PodDNSConfig_validate1(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodDNSConfig_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodDNSConfig_validate1.errors)).length)}return IoK8sApiCoreV1PodDNSConfig_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1PodDNSConfig_validate6(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1PodDNSConfigOption_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodDNSConfigOption_validate.errors:vErrors.concat(IoK8sApiCoreV1PodDNSConfigOption_validate.errors)).length),IoK8sApiCoreV1PodDNSConfig_validate6.errors=vErrors,0===errors}function IoK8sApiCoreV1PodDNSConfig_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1PodDNSConfig_validate6(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodDNSConfig_validate6.errors:vErrors.concat(IoK8sApiCoreV1PodDNSConfig_validate6.errors)).length)}return IoK8sApiCoreV1PodDNSConfig_validate5.errors=vErrors,0===errors}function IoK8sApiCoreV1PodDNSConfig_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.nameservers&&(IoK8sApiCoreV1PodDNSConfig_validate0(data.nameservers,{instancePath:instancePath+"/nameservers",parentData:data,parentDataProperty:"nameservers",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodDNSConfig_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodDNSConfig_validate0.errors)).length)),void 0!==data.options&&(IoK8sApiCoreV1PodDNSConfig_validate5(data.options,{instancePath:instancePath+"/options",parentData:data,parentDataProperty:"options",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodDNSConfig_validate5.errors:vErrors.concat(IoK8sApiCoreV1PodDNSConfig_validate5.errors)).length)),void 0!==data.searches&&(IoK8sApiCoreV1PodDNSConfig_validate0(data.searches,{instancePath:instancePath+"/searches",parentData:data,parentDataProperty:"searches",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodDNSConfig_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodDNSConfig_validate0.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodDNSConfig_validate3.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1EphemeralContainer.js
const IoK8sApiCoreV1EphemeralContainer_validate=IoK8sApiCoreV1EphemeralContainer_validate8;function IoK8sApiCoreV1EphemeralContainer_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1EphemeralContainer_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1EphemeralContainer_validate1(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate1.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate1.errors)).length)}return IoK8sApiCoreV1EphemeralContainer_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate12(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1EnvVar_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EnvVar_validate.errors:vErrors.concat(IoK8sApiCoreV1EnvVar_validate.errors)).length),IoK8sApiCoreV1EphemeralContainer_validate12.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate11(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1EphemeralContainer_validate12(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate12.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate12.errors)).length)}return IoK8sApiCoreV1EphemeralContainer_validate11.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate18(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1EnvFromSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EnvFromSource_validate.errors:vErrors.concat(IoK8sApiCoreV1EnvFromSource_validate.errors)).length),IoK8sApiCoreV1EphemeralContainer_validate18.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate17(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1EphemeralContainer_validate18(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate18.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate18.errors)).length)}return IoK8sApiCoreV1EphemeralContainer_validate17.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate6(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1EphemeralContainer_validate6.errors=vErrors,0===errors}let IoK8sApiCoreV1EphemeralContainer_schema13_enum=["Always","IfNotPresent","Never"];function IoK8sApiCoreV1EphemeralContainer_validate24(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("Always"!==data&&"IfNotPresent"!==data&&"Never"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:IoK8sApiCoreV1EphemeralContainer_schema13_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1EphemeralContainer_validate24.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate26(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1Lifecycle_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Lifecycle_validate.errors:vErrors.concat(IoK8sApiCoreV1Lifecycle_validate.errors)).length)),IoK8sApiCoreV1EphemeralContainer_validate26.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1Probe_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Probe_validate.errors:vErrors.concat(IoK8sApiCoreV1Probe_validate.errors)).length)),IoK8sApiCoreV1EphemeralContainer_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate33(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1ContainerPort_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ContainerPort_validate.errors:vErrors.concat(IoK8sApiCoreV1ContainerPort_validate.errors)).length),IoK8sApiCoreV1EphemeralContainer_validate33.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate32(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1EphemeralContainer_validate33(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate33.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate33.errors)).length)}return IoK8sApiCoreV1EphemeralContainer_validate32.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate40(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1ContainerResizePolicy_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ContainerResizePolicy_validate.errors:vErrors.concat(IoK8sApiCoreV1ContainerResizePolicy_validate.errors)).length),IoK8sApiCoreV1EphemeralContainer_validate40.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate39(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1EphemeralContainer_validate40(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate40.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate40.errors)).length)}return IoK8sApiCoreV1EphemeralContainer_validate39.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate45(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1ResourceRequirements/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ResourceRequirements/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1ResourceRequirements/* validate */.t.errors)).length)),IoK8sApiCoreV1EphemeralContainer_validate45.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate51(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1ContainerRestartRule_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ContainerRestartRule_validate.errors:vErrors.concat(IoK8sApiCoreV1ContainerRestartRule_validate.errors)).length),IoK8sApiCoreV1EphemeralContainer_validate51.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate50(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1EphemeralContainer_validate51(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate51.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate51.errors)).length)}return IoK8sApiCoreV1EphemeralContainer_validate50.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate56(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1SecurityContext_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecurityContext_validate.errors:vErrors.concat(IoK8sApiCoreV1SecurityContext_validate.errors)).length)),IoK8sApiCoreV1EphemeralContainer_validate56.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1EphemeralContainer_validate7.errors=vErrors,0===errors}let IoK8sApiCoreV1EphemeralContainer_schema29_enum=["FallbackToLogsOnError","File"];function validate65(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("FallbackToLogsOnError"!==data&&"File"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:IoK8sApiCoreV1EphemeralContainer_schema29_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate65.errors=vErrors,0===errors}function validate69(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1VolumeDevice_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeDevice_validate.errors:vErrors.concat(IoK8sApiCoreV1VolumeDevice_validate.errors)).length),validate69.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate68(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate69(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate69.errors:vErrors.concat(validate69.errors)).length)}return IoK8sApiCoreV1EphemeralContainer_validate68.errors=vErrors,0===errors}function validate75(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1VolumeMount_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeMount_validate.errors:vErrors.concat(IoK8sApiCoreV1VolumeMount_validate.errors)).length),validate75.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate74(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate75(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate75.errors:vErrors.concat(validate75.errors)).length)}return IoK8sApiCoreV1EphemeralContainer_validate74.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralContainer_validate8(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.name){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"name"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.args&&(IoK8sApiCoreV1EphemeralContainer_validate0(data.args,{instancePath:instancePath+"/args",parentData:data,parentDataProperty:"args",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate0.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate0.errors)).length)),void 0!==data.command&&(IoK8sApiCoreV1EphemeralContainer_validate0(data.command,{instancePath:instancePath+"/command",parentData:data,parentDataProperty:"command",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate0.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate0.errors)).length)),void 0!==data.env&&(IoK8sApiCoreV1EphemeralContainer_validate11(data.env,{instancePath:instancePath+"/env",parentData:data,parentDataProperty:"env",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate11.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate11.errors)).length)),void 0!==data.envFrom&&(IoK8sApiCoreV1EphemeralContainer_validate17(data.envFrom,{instancePath:instancePath+"/envFrom",parentData:data,parentDataProperty:"envFrom",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate17.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate17.errors)).length)),void 0!==data.image&&(IoK8sApiCoreV1EphemeralContainer_validate6(data.image,{instancePath:instancePath+"/image",parentData:data,parentDataProperty:"image",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate6.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate6.errors)).length)),void 0!==data.imagePullPolicy&&(IoK8sApiCoreV1EphemeralContainer_validate24(data.imagePullPolicy,{instancePath:instancePath+"/imagePullPolicy",parentData:data,parentDataProperty:"imagePullPolicy",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate24.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate24.errors)).length)),void 0!==data.lifecycle&&(IoK8sApiCoreV1EphemeralContainer_validate26(data.lifecycle,{instancePath:instancePath+"/lifecycle",parentData:data,parentDataProperty:"lifecycle",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate26.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate26.errors)).length)),void 0!==data.livenessProbe&&(IoK8sApiCoreV1EphemeralContainer_validate3(data.livenessProbe,{instancePath:instancePath+"/livenessProbe",parentData:data,parentDataProperty:"livenessProbe",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate3.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate3.errors)).length)),void 0!==data.name&&(IoK8sApiCoreV1EphemeralContainer_validate1(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate1.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate1.errors)).length)),void 0!==data.ports&&(IoK8sApiCoreV1EphemeralContainer_validate32(data.ports,{instancePath:instancePath+"/ports",parentData:data,parentDataProperty:"ports",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate32.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate32.errors)).length)),void 0!==data.readinessProbe&&(IoK8sApiCoreV1EphemeralContainer_validate3(data.readinessProbe,{instancePath:instancePath+"/readinessProbe",parentData:data,parentDataProperty:"readinessProbe",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate3.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate3.errors)).length)),void 0!==data.resizePolicy&&(IoK8sApiCoreV1EphemeralContainer_validate39(data.resizePolicy,{instancePath:instancePath+"/resizePolicy",parentData:data,parentDataProperty:"resizePolicy",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate39.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate39.errors)).length)),void 0!==data.resources&&(IoK8sApiCoreV1EphemeralContainer_validate45(data.resources,{instancePath:instancePath+"/resources",parentData:data,parentDataProperty:"resources",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate45.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate45.errors)).length)),void 0!==data.restartPolicy&&(IoK8sApiCoreV1EphemeralContainer_validate6(data.restartPolicy,{instancePath:instancePath+"/restartPolicy",parentData:data,parentDataProperty:"restartPolicy",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate6.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate6.errors)).length)),void 0!==data.restartPolicyRules&&(IoK8sApiCoreV1EphemeralContainer_validate50(data.restartPolicyRules,{instancePath:instancePath+"/restartPolicyRules",parentData:data,parentDataProperty:"restartPolicyRules",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate50.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate50.errors)).length)),void 0!==data.securityContext&&(IoK8sApiCoreV1EphemeralContainer_validate56(data.securityContext,{instancePath:instancePath+"/securityContext",parentData:data,parentDataProperty:"securityContext",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate56.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate56.errors)).length)),void 0!==data.startupProbe&&(IoK8sApiCoreV1EphemeralContainer_validate3(data.startupProbe,{instancePath:instancePath+"/startupProbe",parentData:data,parentDataProperty:"startupProbe",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate3.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate3.errors)).length)),void 0!==data.stdin&&(IoK8sApiCoreV1EphemeralContainer_validate7(data.stdin,{instancePath:instancePath+"/stdin",parentData:data,parentDataProperty:"stdin",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate7.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate7.errors)).length)),void 0!==data.stdinOnce&&(IoK8sApiCoreV1EphemeralContainer_validate7(data.stdinOnce,{instancePath:instancePath+"/stdinOnce",parentData:data,parentDataProperty:"stdinOnce",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate7.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate7.errors)).length)),void 0!==data.targetContainerName&&(IoK8sApiCoreV1EphemeralContainer_validate6(data.targetContainerName,{instancePath:instancePath+"/targetContainerName",parentData:data,parentDataProperty:"targetContainerName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate6.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate6.errors)).length)),void 0!==data.terminationMessagePath&&(IoK8sApiCoreV1EphemeralContainer_validate6(data.terminationMessagePath,{instancePath:instancePath+"/terminationMessagePath",parentData:data,parentDataProperty:"terminationMessagePath",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate6.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate6.errors)).length)),void 0!==data.terminationMessagePolicy&&(validate65(data.terminationMessagePolicy,{instancePath:instancePath+"/terminationMessagePolicy",parentData:data,parentDataProperty:"terminationMessagePolicy",rootData})||(errors=(vErrors=null===vErrors?validate65.errors:vErrors.concat(validate65.errors)).length)),void 0!==data.tty&&(IoK8sApiCoreV1EphemeralContainer_validate7(data.tty,{instancePath:instancePath+"/tty",parentData:data,parentDataProperty:"tty",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate7.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate7.errors)).length)),void 0!==data.volumeDevices&&(IoK8sApiCoreV1EphemeralContainer_validate68(data.volumeDevices,{instancePath:instancePath+"/volumeDevices",parentData:data,parentDataProperty:"volumeDevices",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate68.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate68.errors)).length)),void 0!==data.volumeMounts&&(IoK8sApiCoreV1EphemeralContainer_validate74(data.volumeMounts,{instancePath:instancePath+"/volumeMounts",parentData:data,parentDataProperty:"volumeMounts",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate74.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate74.errors)).length)),void 0!==data.workingDir&&(IoK8sApiCoreV1EphemeralContainer_validate6(data.workingDir,{instancePath:instancePath+"/workingDir",parentData:data,parentDataProperty:"workingDir",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate6.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate6.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1EphemeralContainer_validate8.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1HostAlias.js
const IoK8sApiCoreV1HostAlias_validate=IoK8sApiCoreV1HostAlias_validate1;function IoK8sApiCoreV1HostAlias_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1HostAlias_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1HostAlias_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1HostAlias_validate0(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1HostAlias_validate0.errors:vErrors.concat(IoK8sApiCoreV1HostAlias_validate0.errors)).length)}return IoK8sApiCoreV1HostAlias_validate2.errors=vErrors,0===errors}function IoK8sApiCoreV1HostAlias_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.ip){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"ip"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.hostnames&&(IoK8sApiCoreV1HostAlias_validate2(data.hostnames,{instancePath:instancePath+"/hostnames",parentData:data,parentDataProperty:"hostnames",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1HostAlias_validate2.errors:vErrors.concat(IoK8sApiCoreV1HostAlias_validate2.errors)).length)),void 0!==data.ip&&(IoK8sApiCoreV1HostAlias_validate0(data.ip,{instancePath:instancePath+"/ip",parentData:data,parentDataProperty:"ip",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1HostAlias_validate0.errors:vErrors.concat(IoK8sApiCoreV1HostAlias_validate0.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1HostAlias_validate1.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1LocalObjectReference.js
var IoK8sApiCoreV1LocalObjectReference = __webpack_require__(4399);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PodOS.js
const IoK8sApiCoreV1PodOS_validate=IoK8sApiCoreV1PodOS_validate0;function IoK8sApiCoreV1PodOS_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodOS_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1PodOS_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.name){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"name"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.name&&(IoK8sApiCoreV1PodOS_validate1(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodOS_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodOS_validate1.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1PodOS_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PodReadinessGate.js
const IoK8sApiCoreV1PodReadinessGate_validate=IoK8sApiCoreV1PodReadinessGate_validate0;function IoK8sApiCoreV1PodReadinessGate_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodReadinessGate_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1PodReadinessGate_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.conditionType){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"conditionType"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.conditionType&&(IoK8sApiCoreV1PodReadinessGate_validate1(data.conditionType,{instancePath:instancePath+"/conditionType",parentData:data,parentDataProperty:"conditionType",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodReadinessGate_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodReadinessGate_validate1.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1PodReadinessGate_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PodResourceClaim.js
const IoK8sApiCoreV1PodResourceClaim_validate=IoK8sApiCoreV1PodResourceClaim_validate1;function IoK8sApiCoreV1PodResourceClaim_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodResourceClaim_validate2.errors=vErrors,0===errors}function IoK8sApiCoreV1PodResourceClaim_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodResourceClaim_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1PodResourceClaim_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.name){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"name"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.name&&(IoK8sApiCoreV1PodResourceClaim_validate2(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodResourceClaim_validate2.errors:vErrors.concat(IoK8sApiCoreV1PodResourceClaim_validate2.errors)).length)),void 0!==data.resourceClaimName&&(IoK8sApiCoreV1PodResourceClaim_validate0(data.resourceClaimName,{instancePath:instancePath+"/resourceClaimName",parentData:data,parentDataProperty:"resourceClaimName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodResourceClaim_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodResourceClaim_validate0.errors)).length)),void 0!==data.resourceClaimTemplateName&&(IoK8sApiCoreV1PodResourceClaim_validate0(data.resourceClaimTemplateName,{instancePath:instancePath+"/resourceClaimTemplateName",parentData:data,parentDataProperty:"resourceClaimTemplateName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodResourceClaim_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodResourceClaim_validate0.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1PodResourceClaim_validate1.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PodSchedulingGate.js
const IoK8sApiCoreV1PodSchedulingGate_validate=IoK8sApiCoreV1PodSchedulingGate_validate0;function IoK8sApiCoreV1PodSchedulingGate_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodSchedulingGate_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSchedulingGate_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.name){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"name"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.name&&(IoK8sApiCoreV1PodSchedulingGate_validate1(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSchedulingGate_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodSchedulingGate_validate1.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1PodSchedulingGate_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PodSchedulingGroup.js
const IoK8sApiCoreV1PodSchedulingGroup_validate=IoK8sApiCoreV1PodSchedulingGroup_validate0;function IoK8sApiCoreV1PodSchedulingGroup_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodSchedulingGroup_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSchedulingGroup_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.podGroupName&&(IoK8sApiCoreV1PodSchedulingGroup_validate1(data.podGroupName,{instancePath:instancePath+"/podGroupName",parentData:data,parentDataProperty:"podGroupName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSchedulingGroup_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodSchedulingGroup_validate1.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodSchedulingGroup_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1Sysctl.js
const IoK8sApiCoreV1Sysctl_validate=IoK8sApiCoreV1Sysctl_validate1;function IoK8sApiCoreV1Sysctl_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1Sysctl_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1Sysctl_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.name){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"name"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.value){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"value"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.name&&(IoK8sApiCoreV1Sysctl_validate0(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Sysctl_validate0.errors:vErrors.concat(IoK8sApiCoreV1Sysctl_validate0.errors)).length)),void 0!==data.value&&(IoK8sApiCoreV1Sysctl_validate0(data.value,{instancePath:instancePath+"/value",parentData:data,parentDataProperty:"value",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Sysctl_validate0.errors:vErrors.concat(IoK8sApiCoreV1Sysctl_validate0.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return IoK8sApiCoreV1Sysctl_validate1.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PodSecurityContext.js
const IoK8sApiCoreV1PodSecurityContext_validate=IoK8sApiCoreV1PodSecurityContext_validate1;function IoK8sApiCoreV1PodSecurityContext_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1AppArmorProfile_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1AppArmorProfile_validate.errors:vErrors.concat(IoK8sApiCoreV1AppArmorProfile_validate.errors)).length)),IoK8sApiCoreV1PodSecurityContext_validate2.errors=vErrors,0===errors}let IoK8sApiCoreV1PodSecurityContext_formats0=formats/* formats */.F.int64;function IoK8sApiCoreV1PodSecurityContext_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1PodSecurityContext_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int64"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1PodSecurityContext_validate0.errors=vErrors,0===errors}let IoK8sApiCoreV1PodSecurityContext_schema4_enum=["Always","OnRootMismatch"];function IoK8sApiCoreV1PodSecurityContext_validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("Always"!==data&&"OnRootMismatch"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:IoK8sApiCoreV1PodSecurityContext_schema4_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1PodSecurityContext_validate7.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSecurityContext_validate10(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodSecurityContext_validate10.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSecurityContext_validate13(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodSecurityContext_validate13.errors=vErrors,0===errors}function validate15(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1SELinuxOptions/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SELinuxOptions/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1SELinuxOptions/* validate */.t.errors)).length)),validate15.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSecurityContext_validate19(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1SeccompProfile_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SeccompProfile_validate.errors:vErrors.concat(IoK8sApiCoreV1SeccompProfile_validate.errors)).length)),IoK8sApiCoreV1PodSecurityContext_validate19.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSecurityContext_validate24(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1PodSecurityContext_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int64"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1PodSecurityContext_validate24.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSecurityContext_validate23(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1PodSecurityContext_validate24(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSecurityContext_validate24.errors:vErrors.concat(IoK8sApiCoreV1PodSecurityContext_validate24.errors)).length)}return IoK8sApiCoreV1PodSecurityContext_validate23.errors=vErrors,0===errors}let IoK8sApiCoreV1PodSecurityContext_schema13_enum=["Merge","Strict"];function IoK8sApiCoreV1PodSecurityContext_validate27(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("Merge"!==data&&"Strict"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:IoK8sApiCoreV1PodSecurityContext_schema13_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1PodSecurityContext_validate27.errors=vErrors,0===errors}function validate30(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1Sysctl_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Sysctl_validate.errors:vErrors.concat(IoK8sApiCoreV1Sysctl_validate.errors)).length),validate30.errors=vErrors,0===errors}function validate29(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate30(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate30.errors:vErrors.concat(validate30.errors)).length)}return validate29.errors=vErrors,0===errors}function validate35(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1WindowsSecurityContextOptions_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1WindowsSecurityContextOptions_validate.errors:vErrors.concat(IoK8sApiCoreV1WindowsSecurityContextOptions_validate.errors)).length)),validate35.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSecurityContext_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.appArmorProfile&&(IoK8sApiCoreV1PodSecurityContext_validate2(data.appArmorProfile,{instancePath:instancePath+"/appArmorProfile",parentData:data,parentDataProperty:"appArmorProfile",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSecurityContext_validate2.errors:vErrors.concat(IoK8sApiCoreV1PodSecurityContext_validate2.errors)).length)),void 0!==data.fsGroup&&(IoK8sApiCoreV1PodSecurityContext_validate0(data.fsGroup,{instancePath:instancePath+"/fsGroup",parentData:data,parentDataProperty:"fsGroup",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSecurityContext_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodSecurityContext_validate0.errors)).length)),void 0!==data.fsGroupChangePolicy&&(IoK8sApiCoreV1PodSecurityContext_validate7(data.fsGroupChangePolicy,{instancePath:instancePath+"/fsGroupChangePolicy",parentData:data,parentDataProperty:"fsGroupChangePolicy",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSecurityContext_validate7.errors:vErrors.concat(IoK8sApiCoreV1PodSecurityContext_validate7.errors)).length)),void 0!==data.runAsGroup&&(IoK8sApiCoreV1PodSecurityContext_validate0(data.runAsGroup,{instancePath:instancePath+"/runAsGroup",parentData:data,parentDataProperty:"runAsGroup",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSecurityContext_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodSecurityContext_validate0.errors)).length)),void 0!==data.runAsNonRoot&&(IoK8sApiCoreV1PodSecurityContext_validate10(data.runAsNonRoot,{instancePath:instancePath+"/runAsNonRoot",parentData:data,parentDataProperty:"runAsNonRoot",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSecurityContext_validate10.errors:vErrors.concat(IoK8sApiCoreV1PodSecurityContext_validate10.errors)).length)),void 0!==data.runAsUser&&(IoK8sApiCoreV1PodSecurityContext_validate0(data.runAsUser,{instancePath:instancePath+"/runAsUser",parentData:data,parentDataProperty:"runAsUser",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSecurityContext_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodSecurityContext_validate0.errors)).length)),void 0!==data.seLinuxChangePolicy&&(IoK8sApiCoreV1PodSecurityContext_validate13(data.seLinuxChangePolicy,{instancePath:instancePath+"/seLinuxChangePolicy",parentData:data,parentDataProperty:"seLinuxChangePolicy",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSecurityContext_validate13.errors:vErrors.concat(IoK8sApiCoreV1PodSecurityContext_validate13.errors)).length)),void 0!==data.seLinuxOptions&&(validate15(data.seLinuxOptions,{instancePath:instancePath+"/seLinuxOptions",parentData:data,parentDataProperty:"seLinuxOptions",rootData})||(errors=(vErrors=null===vErrors?validate15.errors:vErrors.concat(validate15.errors)).length)),void 0!==data.seccompProfile&&(IoK8sApiCoreV1PodSecurityContext_validate19(data.seccompProfile,{instancePath:instancePath+"/seccompProfile",parentData:data,parentDataProperty:"seccompProfile",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSecurityContext_validate19.errors:vErrors.concat(IoK8sApiCoreV1PodSecurityContext_validate19.errors)).length)),void 0!==data.supplementalGroups&&(IoK8sApiCoreV1PodSecurityContext_validate23(data.supplementalGroups,{instancePath:instancePath+"/supplementalGroups",parentData:data,parentDataProperty:"supplementalGroups",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSecurityContext_validate23.errors:vErrors.concat(IoK8sApiCoreV1PodSecurityContext_validate23.errors)).length)),void 0!==data.supplementalGroupsPolicy&&(IoK8sApiCoreV1PodSecurityContext_validate27(data.supplementalGroupsPolicy,{instancePath:instancePath+"/supplementalGroupsPolicy",parentData:data,parentDataProperty:"supplementalGroupsPolicy",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSecurityContext_validate27.errors:vErrors.concat(IoK8sApiCoreV1PodSecurityContext_validate27.errors)).length)),void 0!==data.sysctls&&(validate29(data.sysctls,{instancePath:instancePath+"/sysctls",parentData:data,parentDataProperty:"sysctls",rootData})||(errors=(vErrors=null===vErrors?validate29.errors:vErrors.concat(validate29.errors)).length)),void 0!==data.windowsOptions&&(validate35(data.windowsOptions,{instancePath:instancePath+"/windowsOptions",parentData:data,parentDataProperty:"windowsOptions",rootData})||(errors=(vErrors=null===vErrors?validate35.errors:vErrors.concat(validate35.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodSecurityContext_validate1.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1Toleration.js
var IoK8sApiCoreV1Toleration = __webpack_require__(1239);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1TopologySpreadConstraint.js
const IoK8sApiCoreV1TopologySpreadConstraint_validate=IoK8sApiCoreV1TopologySpreadConstraint_validate2;function IoK8sApiCoreV1TopologySpreadConstraint_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApimachineryPkgApisMetaV1LabelSelector/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1LabelSelector/* validate */.t.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1LabelSelector/* validate */.t.errors)).length)),IoK8sApiCoreV1TopologySpreadConstraint_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1TopologySpreadConstraint_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1TopologySpreadConstraint_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1TopologySpreadConstraint_validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1TopologySpreadConstraint_validate1(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1TopologySpreadConstraint_validate1.errors:vErrors.concat(IoK8sApiCoreV1TopologySpreadConstraint_validate1.errors)).length)}return IoK8sApiCoreV1TopologySpreadConstraint_validate7.errors=vErrors,0===errors}let IoK8sApiCoreV1TopologySpreadConstraint_formats0=formats/* formats */.F.int32;function IoK8sApiCoreV1TopologySpreadConstraint_validate10(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1TopologySpreadConstraint_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1TopologySpreadConstraint_validate10.errors=vErrors,0===errors}function IoK8sApiCoreV1TopologySpreadConstraint_validate12(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1TopologySpreadConstraint_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1TopologySpreadConstraint_validate12.errors=vErrors,0===errors}let schema0_enum=["Honor","Ignore"];function IoK8sApiCoreV1TopologySpreadConstraint_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("Honor"!==data&&"Ignore"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema0_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1TopologySpreadConstraint_validate0.errors=vErrors,0===errors}let schema8_enum=["DoNotSchedule","ScheduleAnyway"];function IoK8sApiCoreV1TopologySpreadConstraint_validate17(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("DoNotSchedule"!==data&&"ScheduleAnyway"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema8_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1TopologySpreadConstraint_validate17.errors=vErrors,0===errors}function IoK8sApiCoreV1TopologySpreadConstraint_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.maxSkew){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"maxSkew"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.topologyKey){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"topologyKey"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}if(void 0===data.whenUnsatisfiable){let err2={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"whenUnsatisfiable"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}void 0!==data.labelSelector&&(IoK8sApiCoreV1TopologySpreadConstraint_validate3(data.labelSelector,{instancePath:instancePath+"/labelSelector",parentData:data,parentDataProperty:"labelSelector",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1TopologySpreadConstraint_validate3.errors:vErrors.concat(IoK8sApiCoreV1TopologySpreadConstraint_validate3.errors)).length)),void 0!==data.matchLabelKeys&&(IoK8sApiCoreV1TopologySpreadConstraint_validate7(data.matchLabelKeys,{instancePath:instancePath+"/matchLabelKeys",parentData:data,parentDataProperty:"matchLabelKeys",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1TopologySpreadConstraint_validate7.errors:vErrors.concat(IoK8sApiCoreV1TopologySpreadConstraint_validate7.errors)).length)),void 0!==data.maxSkew&&(IoK8sApiCoreV1TopologySpreadConstraint_validate10(data.maxSkew,{instancePath:instancePath+"/maxSkew",parentData:data,parentDataProperty:"maxSkew",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1TopologySpreadConstraint_validate10.errors:vErrors.concat(IoK8sApiCoreV1TopologySpreadConstraint_validate10.errors)).length)),void 0!==data.minDomains&&(IoK8sApiCoreV1TopologySpreadConstraint_validate12(data.minDomains,{instancePath:instancePath+"/minDomains",parentData:data,parentDataProperty:"minDomains",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1TopologySpreadConstraint_validate12.errors:vErrors.concat(IoK8sApiCoreV1TopologySpreadConstraint_validate12.errors)).length)),void 0!==data.nodeAffinityPolicy&&(IoK8sApiCoreV1TopologySpreadConstraint_validate0(data.nodeAffinityPolicy,{instancePath:instancePath+"/nodeAffinityPolicy",parentData:data,parentDataProperty:"nodeAffinityPolicy",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1TopologySpreadConstraint_validate0.errors:vErrors.concat(IoK8sApiCoreV1TopologySpreadConstraint_validate0.errors)).length)),void 0!==data.nodeTaintsPolicy&&(IoK8sApiCoreV1TopologySpreadConstraint_validate0(data.nodeTaintsPolicy,{instancePath:instancePath+"/nodeTaintsPolicy",parentData:data,parentDataProperty:"nodeTaintsPolicy",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1TopologySpreadConstraint_validate0.errors:vErrors.concat(IoK8sApiCoreV1TopologySpreadConstraint_validate0.errors)).length)),void 0!==data.topologyKey&&(IoK8sApiCoreV1TopologySpreadConstraint_validate1(data.topologyKey,{instancePath:instancePath+"/topologyKey",parentData:data,parentDataProperty:"topologyKey",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1TopologySpreadConstraint_validate1.errors:vErrors.concat(IoK8sApiCoreV1TopologySpreadConstraint_validate1.errors)).length)),void 0!==data.whenUnsatisfiable&&(IoK8sApiCoreV1TopologySpreadConstraint_validate17(data.whenUnsatisfiable,{instancePath:instancePath+"/whenUnsatisfiable",parentData:data,parentDataProperty:"whenUnsatisfiable",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1TopologySpreadConstraint_validate17.errors:vErrors.concat(IoK8sApiCoreV1TopologySpreadConstraint_validate17.errors)).length))}else{let err3={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err3]:vErrors.push(err3),errors++}return IoK8sApiCoreV1TopologySpreadConstraint_validate2.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1AWSElasticBlockStoreVolumeSource.js
var IoK8sApiCoreV1AWSElasticBlockStoreVolumeSource = __webpack_require__(9731);
// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1AzureDiskVolumeSource.js
var IoK8sApiCoreV1AzureDiskVolumeSource = __webpack_require__(5761);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1AzureFileVolumeSource.js
const IoK8sApiCoreV1AzureFileVolumeSource_validate=IoK8sApiCoreV1AzureFileVolumeSource_validate1;function IoK8sApiCoreV1AzureFileVolumeSource_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1AzureFileVolumeSource_validate2.errors=vErrors,0===errors}function IoK8sApiCoreV1AzureFileVolumeSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1AzureFileVolumeSource_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1AzureFileVolumeSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.secretName){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"secretName"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.shareName){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"shareName"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.readOnly&&(IoK8sApiCoreV1AzureFileVolumeSource_validate2(data.readOnly,{instancePath:instancePath+"/readOnly",parentData:data,parentDataProperty:"readOnly",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1AzureFileVolumeSource_validate2.errors:vErrors.concat(IoK8sApiCoreV1AzureFileVolumeSource_validate2.errors)).length)),void 0!==data.secretName&&(IoK8sApiCoreV1AzureFileVolumeSource_validate0(data.secretName,{instancePath:instancePath+"/secretName",parentData:data,parentDataProperty:"secretName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1AzureFileVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1AzureFileVolumeSource_validate0.errors)).length)),void 0!==data.shareName&&(IoK8sApiCoreV1AzureFileVolumeSource_validate0(data.shareName,{instancePath:instancePath+"/shareName",parentData:data,parentDataProperty:"shareName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1AzureFileVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1AzureFileVolumeSource_validate0.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return IoK8sApiCoreV1AzureFileVolumeSource_validate1.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1CephFSVolumeSource.js
const IoK8sApiCoreV1CephFSVolumeSource_validate=IoK8sApiCoreV1CephFSVolumeSource_validate1;function IoK8sApiCoreV1CephFSVolumeSource_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1CephFSVolumeSource_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1CephFSVolumeSource_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1CephFSVolumeSource_validate3(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CephFSVolumeSource_validate3.errors:vErrors.concat(IoK8sApiCoreV1CephFSVolumeSource_validate3.errors)).length)}else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1CephFSVolumeSource_validate2.errors=vErrors,0===errors}function IoK8sApiCoreV1CephFSVolumeSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1CephFSVolumeSource_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1CephFSVolumeSource_validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1CephFSVolumeSource_validate7.errors=vErrors,0===errors}function IoK8sApiCoreV1CephFSVolumeSource_validate10(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1LocalObjectReference/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LocalObjectReference/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1LocalObjectReference/* validate */.t.errors)).length)),IoK8sApiCoreV1CephFSVolumeSource_validate10.errors=vErrors,0===errors}function IoK8sApiCoreV1CephFSVolumeSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.monitors){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"monitors"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.monitors&&(IoK8sApiCoreV1CephFSVolumeSource_validate2(data.monitors,{instancePath:instancePath+"/monitors",parentData:data,parentDataProperty:"monitors",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CephFSVolumeSource_validate2.errors:vErrors.concat(IoK8sApiCoreV1CephFSVolumeSource_validate2.errors)).length)),void 0!==data.path&&(IoK8sApiCoreV1CephFSVolumeSource_validate0(data.path,{instancePath:instancePath+"/path",parentData:data,parentDataProperty:"path",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CephFSVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1CephFSVolumeSource_validate0.errors)).length)),void 0!==data.readOnly&&(IoK8sApiCoreV1CephFSVolumeSource_validate7(data.readOnly,{instancePath:instancePath+"/readOnly",parentData:data,parentDataProperty:"readOnly",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CephFSVolumeSource_validate7.errors:vErrors.concat(IoK8sApiCoreV1CephFSVolumeSource_validate7.errors)).length)),void 0!==data.secretFile&&(IoK8sApiCoreV1CephFSVolumeSource_validate0(data.secretFile,{instancePath:instancePath+"/secretFile",parentData:data,parentDataProperty:"secretFile",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CephFSVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1CephFSVolumeSource_validate0.errors)).length)),void 0!==data.secretRef&&(IoK8sApiCoreV1CephFSVolumeSource_validate10(data.secretRef,{instancePath:instancePath+"/secretRef",parentData:data,parentDataProperty:"secretRef",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CephFSVolumeSource_validate10.errors:vErrors.concat(IoK8sApiCoreV1CephFSVolumeSource_validate10.errors)).length)),void 0!==data.user&&(IoK8sApiCoreV1CephFSVolumeSource_validate0(data.user,{instancePath:instancePath+"/user",parentData:data,parentDataProperty:"user",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CephFSVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1CephFSVolumeSource_validate0.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1CephFSVolumeSource_validate1.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1CinderVolumeSource.js
const IoK8sApiCoreV1CinderVolumeSource_validate=IoK8sApiCoreV1CinderVolumeSource_validate0;function IoK8sApiCoreV1CinderVolumeSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1CinderVolumeSource_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1CinderVolumeSource_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1CinderVolumeSource_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1CinderVolumeSource_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1LocalObjectReference/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LocalObjectReference/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1LocalObjectReference/* validate */.t.errors)).length)),IoK8sApiCoreV1CinderVolumeSource_validate5.errors=vErrors,0===errors}function IoK8sApiCoreV1CinderVolumeSource_validate9(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1CinderVolumeSource_validate9.errors=vErrors,0===errors}function IoK8sApiCoreV1CinderVolumeSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.volumeID){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"volumeID"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.fsType&&(IoK8sApiCoreV1CinderVolumeSource_validate1(data.fsType,{instancePath:instancePath+"/fsType",parentData:data,parentDataProperty:"fsType",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CinderVolumeSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1CinderVolumeSource_validate1.errors)).length)),void 0!==data.readOnly&&(IoK8sApiCoreV1CinderVolumeSource_validate3(data.readOnly,{instancePath:instancePath+"/readOnly",parentData:data,parentDataProperty:"readOnly",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CinderVolumeSource_validate3.errors:vErrors.concat(IoK8sApiCoreV1CinderVolumeSource_validate3.errors)).length)),void 0!==data.secretRef&&(IoK8sApiCoreV1CinderVolumeSource_validate5(data.secretRef,{instancePath:instancePath+"/secretRef",parentData:data,parentDataProperty:"secretRef",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CinderVolumeSource_validate5.errors:vErrors.concat(IoK8sApiCoreV1CinderVolumeSource_validate5.errors)).length)),void 0!==data.volumeID&&(IoK8sApiCoreV1CinderVolumeSource_validate9(data.volumeID,{instancePath:instancePath+"/volumeID",parentData:data,parentDataProperty:"volumeID",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CinderVolumeSource_validate9.errors:vErrors.concat(IoK8sApiCoreV1CinderVolumeSource_validate9.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1CinderVolumeSource_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1KeyToPath.js
const IoK8sApiCoreV1KeyToPath_validate=IoK8sApiCoreV1KeyToPath_validate1;function IoK8sApiCoreV1KeyToPath_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1KeyToPath_validate0.errors=vErrors,0===errors}let IoK8sApiCoreV1KeyToPath_formats0=formats/* formats */.F.int32;function IoK8sApiCoreV1KeyToPath_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1KeyToPath_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1KeyToPath_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1KeyToPath_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.key){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"key"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.path){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"path"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.key&&(IoK8sApiCoreV1KeyToPath_validate0(data.key,{instancePath:instancePath+"/key",parentData:data,parentDataProperty:"key",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1KeyToPath_validate0.errors:vErrors.concat(IoK8sApiCoreV1KeyToPath_validate0.errors)).length)),void 0!==data.mode&&(IoK8sApiCoreV1KeyToPath_validate3(data.mode,{instancePath:instancePath+"/mode",parentData:data,parentDataProperty:"mode",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1KeyToPath_validate3.errors:vErrors.concat(IoK8sApiCoreV1KeyToPath_validate3.errors)).length)),void 0!==data.path&&(IoK8sApiCoreV1KeyToPath_validate0(data.path,{instancePath:instancePath+"/path",parentData:data,parentDataProperty:"path",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1KeyToPath_validate0.errors:vErrors.concat(IoK8sApiCoreV1KeyToPath_validate0.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return IoK8sApiCoreV1KeyToPath_validate1.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ConfigMapVolumeSource.js
const IoK8sApiCoreV1ConfigMapVolumeSource_validate=IoK8sApiCoreV1ConfigMapVolumeSource_validate0;let IoK8sApiCoreV1ConfigMapVolumeSource_formats0=formats/* formats */.F.int32;function IoK8sApiCoreV1ConfigMapVolumeSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1ConfigMapVolumeSource_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1ConfigMapVolumeSource_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1ConfigMapVolumeSource_validate4(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1KeyToPath_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1KeyToPath_validate.errors:vErrors.concat(IoK8sApiCoreV1KeyToPath_validate.errors)).length),IoK8sApiCoreV1ConfigMapVolumeSource_validate4.errors=vErrors,0===errors}function IoK8sApiCoreV1ConfigMapVolumeSource_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1ConfigMapVolumeSource_validate4(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ConfigMapVolumeSource_validate4.errors:vErrors.concat(IoK8sApiCoreV1ConfigMapVolumeSource_validate4.errors)).length)}return IoK8sApiCoreV1ConfigMapVolumeSource_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1ConfigMapVolumeSource_validate9(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ConfigMapVolumeSource_validate9.errors=vErrors,0===errors}function IoK8sApiCoreV1ConfigMapVolumeSource_validate11(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ConfigMapVolumeSource_validate11.errors=vErrors,0===errors}function IoK8sApiCoreV1ConfigMapVolumeSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.defaultMode&&(IoK8sApiCoreV1ConfigMapVolumeSource_validate1(data.defaultMode,{instancePath:instancePath+"/defaultMode",parentData:data,parentDataProperty:"defaultMode",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ConfigMapVolumeSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1ConfigMapVolumeSource_validate1.errors)).length)),void 0!==data.items&&(IoK8sApiCoreV1ConfigMapVolumeSource_validate3(data.items,{instancePath:instancePath+"/items",parentData:data,parentDataProperty:"items",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ConfigMapVolumeSource_validate3.errors:vErrors.concat(IoK8sApiCoreV1ConfigMapVolumeSource_validate3.errors)).length)),void 0!==data.name&&(IoK8sApiCoreV1ConfigMapVolumeSource_validate9(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ConfigMapVolumeSource_validate9.errors:vErrors.concat(IoK8sApiCoreV1ConfigMapVolumeSource_validate9.errors)).length)),void 0!==data.optional&&(IoK8sApiCoreV1ConfigMapVolumeSource_validate11(data.optional,{instancePath:instancePath+"/optional",parentData:data,parentDataProperty:"optional",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ConfigMapVolumeSource_validate11.errors:vErrors.concat(IoK8sApiCoreV1ConfigMapVolumeSource_validate11.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ConfigMapVolumeSource_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1CSIVolumeSource.js
const IoK8sApiCoreV1CSIVolumeSource_validate=IoK8sApiCoreV1CSIVolumeSource_validate1;function IoK8sApiCoreV1CSIVolumeSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1CSIVolumeSource_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1CSIVolumeSource_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1CSIVolumeSource_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1CSIVolumeSource_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1LocalObjectReference/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LocalObjectReference/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1LocalObjectReference/* validate */.t.errors)).length)),IoK8sApiCoreV1CSIVolumeSource_validate5.errors=vErrors,0===errors}function IoK8sApiCoreV1CSIVolumeSource_validate9(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1CSIVolumeSource_validate9.errors=vErrors,0===errors}function IoK8sApiCoreV1CSIVolumeSource_validate11(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!(data&&"object"==typeof data&&!Array.isArray(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(data&&"object"==typeof data&&!Array.isArray(data))for(let key0 in data)IoK8sApiCoreV1CSIVolumeSource_validate0(data[key0],{instancePath:instancePath+"/"+key0.replace(/~/g,"~0").replace(/\//g,"~1"),parentData:data,parentDataProperty:key0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CSIVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1CSIVolumeSource_validate0.errors)).length);return IoK8sApiCoreV1CSIVolumeSource_validate11.errors=vErrors,0===errors}function IoK8sApiCoreV1CSIVolumeSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.driver){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"driver"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.driver&&(IoK8sApiCoreV1CSIVolumeSource_validate0(data.driver,{instancePath:instancePath+"/driver",parentData:data,parentDataProperty:"driver",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CSIVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1CSIVolumeSource_validate0.errors)).length)),void 0!==data.fsType&&(IoK8sApiCoreV1CSIVolumeSource_validate3(data.fsType,{instancePath:instancePath+"/fsType",parentData:data,parentDataProperty:"fsType",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CSIVolumeSource_validate3.errors:vErrors.concat(IoK8sApiCoreV1CSIVolumeSource_validate3.errors)).length)),void 0!==data.nodePublishSecretRef&&(IoK8sApiCoreV1CSIVolumeSource_validate5(data.nodePublishSecretRef,{instancePath:instancePath+"/nodePublishSecretRef",parentData:data,parentDataProperty:"nodePublishSecretRef",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CSIVolumeSource_validate5.errors:vErrors.concat(IoK8sApiCoreV1CSIVolumeSource_validate5.errors)).length)),void 0!==data.readOnly&&(IoK8sApiCoreV1CSIVolumeSource_validate9(data.readOnly,{instancePath:instancePath+"/readOnly",parentData:data,parentDataProperty:"readOnly",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CSIVolumeSource_validate9.errors:vErrors.concat(IoK8sApiCoreV1CSIVolumeSource_validate9.errors)).length)),void 0!==data.volumeAttributes&&(IoK8sApiCoreV1CSIVolumeSource_validate11(data.volumeAttributes,{instancePath:instancePath+"/volumeAttributes",parentData:data,parentDataProperty:"volumeAttributes",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CSIVolumeSource_validate11.errors:vErrors.concat(IoK8sApiCoreV1CSIVolumeSource_validate11.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1CSIVolumeSource_validate1.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1DownwardAPIVolumeFile.js
const IoK8sApiCoreV1DownwardAPIVolumeFile_validate=IoK8sApiCoreV1DownwardAPIVolumeFile_validate0;function IoK8sApiCoreV1DownwardAPIVolumeFile_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1ObjectFieldSelector_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ObjectFieldSelector_validate.errors:vErrors.concat(IoK8sApiCoreV1ObjectFieldSelector_validate.errors)).length)),IoK8sApiCoreV1DownwardAPIVolumeFile_validate1.errors=vErrors,0===errors}let IoK8sApiCoreV1DownwardAPIVolumeFile_formats0=formats/* formats */.F.int32;function IoK8sApiCoreV1DownwardAPIVolumeFile_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1DownwardAPIVolumeFile_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1DownwardAPIVolumeFile_validate5.errors=vErrors,0===errors}function IoK8sApiCoreV1DownwardAPIVolumeFile_validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1DownwardAPIVolumeFile_validate7.errors=vErrors,0===errors}function IoK8sApiCoreV1DownwardAPIVolumeFile_validate9(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1ResourceFieldSelector_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ResourceFieldSelector_validate.errors:vErrors.concat(IoK8sApiCoreV1ResourceFieldSelector_validate.errors)).length)),IoK8sApiCoreV1DownwardAPIVolumeFile_validate9.errors=vErrors,0===errors}function IoK8sApiCoreV1DownwardAPIVolumeFile_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.path){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"path"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.fieldRef&&(IoK8sApiCoreV1DownwardAPIVolumeFile_validate1(data.fieldRef,{instancePath:instancePath+"/fieldRef",parentData:data,parentDataProperty:"fieldRef",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1DownwardAPIVolumeFile_validate1.errors:vErrors.concat(IoK8sApiCoreV1DownwardAPIVolumeFile_validate1.errors)).length)),void 0!==data.mode&&(IoK8sApiCoreV1DownwardAPIVolumeFile_validate5(data.mode,{instancePath:instancePath+"/mode",parentData:data,parentDataProperty:"mode",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1DownwardAPIVolumeFile_validate5.errors:vErrors.concat(IoK8sApiCoreV1DownwardAPIVolumeFile_validate5.errors)).length)),void 0!==data.path&&(IoK8sApiCoreV1DownwardAPIVolumeFile_validate7(data.path,{instancePath:instancePath+"/path",parentData:data,parentDataProperty:"path",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1DownwardAPIVolumeFile_validate7.errors:vErrors.concat(IoK8sApiCoreV1DownwardAPIVolumeFile_validate7.errors)).length)),void 0!==data.resourceFieldRef&&(IoK8sApiCoreV1DownwardAPIVolumeFile_validate9(data.resourceFieldRef,{instancePath:instancePath+"/resourceFieldRef",parentData:data,parentDataProperty:"resourceFieldRef",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1DownwardAPIVolumeFile_validate9.errors:vErrors.concat(IoK8sApiCoreV1DownwardAPIVolumeFile_validate9.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1DownwardAPIVolumeFile_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1DownwardAPIVolumeSource.js
const IoK8sApiCoreV1DownwardAPIVolumeSource_validate=IoK8sApiCoreV1DownwardAPIVolumeSource_validate0;let IoK8sApiCoreV1DownwardAPIVolumeSource_formats0=formats/* formats */.F.int32;function IoK8sApiCoreV1DownwardAPIVolumeSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1DownwardAPIVolumeSource_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1DownwardAPIVolumeSource_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1DownwardAPIVolumeSource_validate4(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1DownwardAPIVolumeFile_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1DownwardAPIVolumeFile_validate.errors:vErrors.concat(IoK8sApiCoreV1DownwardAPIVolumeFile_validate.errors)).length),IoK8sApiCoreV1DownwardAPIVolumeSource_validate4.errors=vErrors,0===errors}function IoK8sApiCoreV1DownwardAPIVolumeSource_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1DownwardAPIVolumeSource_validate4(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1DownwardAPIVolumeSource_validate4.errors:vErrors.concat(IoK8sApiCoreV1DownwardAPIVolumeSource_validate4.errors)).length)}return IoK8sApiCoreV1DownwardAPIVolumeSource_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1DownwardAPIVolumeSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.defaultMode&&(IoK8sApiCoreV1DownwardAPIVolumeSource_validate1(data.defaultMode,{instancePath:instancePath+"/defaultMode",parentData:data,parentDataProperty:"defaultMode",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1DownwardAPIVolumeSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1DownwardAPIVolumeSource_validate1.errors)).length)),void 0!==data.items&&(IoK8sApiCoreV1DownwardAPIVolumeSource_validate3(data.items,{instancePath:instancePath+"/items",parentData:data,parentDataProperty:"items",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1DownwardAPIVolumeSource_validate3.errors:vErrors.concat(IoK8sApiCoreV1DownwardAPIVolumeSource_validate3.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1DownwardAPIVolumeSource_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1EmptyDirVolumeSource.js
const IoK8sApiCoreV1EmptyDirVolumeSource_validate=IoK8sApiCoreV1EmptyDirVolumeSource_validate0;function IoK8sApiCoreV1EmptyDirVolumeSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1EmptyDirVolumeSource_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1EmptyDirVolumeSource_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApimachineryPkgApiResourceQuantity/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApiResourceQuantity/* validate */.t.errors:vErrors.concat(IoK8sApimachineryPkgApiResourceQuantity/* validate */.t.errors)).length)),IoK8sApiCoreV1EmptyDirVolumeSource_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1EmptyDirVolumeSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.medium&&(IoK8sApiCoreV1EmptyDirVolumeSource_validate1(data.medium,{instancePath:instancePath+"/medium",parentData:data,parentDataProperty:"medium",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EmptyDirVolumeSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1EmptyDirVolumeSource_validate1.errors)).length)),void 0!==data.sizeLimit&&(IoK8sApiCoreV1EmptyDirVolumeSource_validate3(data.sizeLimit,{instancePath:instancePath+"/sizeLimit",parentData:data,parentDataProperty:"sizeLimit",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EmptyDirVolumeSource_validate3.errors:vErrors.concat(IoK8sApiCoreV1EmptyDirVolumeSource_validate3.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1EmptyDirVolumeSource_validate0.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1ObjectMeta.js + 3 modules
var IoK8sApimachineryPkgApisMetaV1ObjectMeta = __webpack_require__(3215);
// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PersistentVolumeClaimSpec.js + 2 modules
var IoK8sApiCoreV1PersistentVolumeClaimSpec = __webpack_require__(6939);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PersistentVolumeClaimTemplate.js
const IoK8sApiCoreV1PersistentVolumeClaimTemplate_validate=IoK8sApiCoreV1PersistentVolumeClaimTemplate_validate0;function IoK8sApiCoreV1PersistentVolumeClaimTemplate_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApimachineryPkgApisMetaV1ObjectMeta/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1ObjectMeta/* validate */.t.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1ObjectMeta/* validate */.t.errors)).length)),IoK8sApiCoreV1PersistentVolumeClaimTemplate_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1PersistentVolumeClaimTemplate_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return (0,IoK8sApiCoreV1PersistentVolumeClaimSpec/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PersistentVolumeClaimSpec/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1PersistentVolumeClaimSpec/* validate */.t.errors)).length),IoK8sApiCoreV1PersistentVolumeClaimTemplate_validate5.errors=vErrors,0===errors}function IoK8sApiCoreV1PersistentVolumeClaimTemplate_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.spec){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"spec"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.metadata&&(IoK8sApiCoreV1PersistentVolumeClaimTemplate_validate1(data.metadata,{instancePath:instancePath+"/metadata",parentData:data,parentDataProperty:"metadata",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PersistentVolumeClaimTemplate_validate1.errors:vErrors.concat(IoK8sApiCoreV1PersistentVolumeClaimTemplate_validate1.errors)).length)),void 0!==data.spec&&(IoK8sApiCoreV1PersistentVolumeClaimTemplate_validate5(data.spec,{instancePath:instancePath+"/spec",parentData:data,parentDataProperty:"spec",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PersistentVolumeClaimTemplate_validate5.errors:vErrors.concat(IoK8sApiCoreV1PersistentVolumeClaimTemplate_validate5.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1PersistentVolumeClaimTemplate_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1EphemeralVolumeSource.js
const IoK8sApiCoreV1EphemeralVolumeSource_validate=IoK8sApiCoreV1EphemeralVolumeSource_validate0;function IoK8sApiCoreV1EphemeralVolumeSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1PersistentVolumeClaimTemplate_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PersistentVolumeClaimTemplate_validate.errors:vErrors.concat(IoK8sApiCoreV1PersistentVolumeClaimTemplate_validate.errors)).length)),IoK8sApiCoreV1EphemeralVolumeSource_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1EphemeralVolumeSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.volumeClaimTemplate&&(IoK8sApiCoreV1EphemeralVolumeSource_validate1(data.volumeClaimTemplate,{instancePath:instancePath+"/volumeClaimTemplate",parentData:data,parentDataProperty:"volumeClaimTemplate",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralVolumeSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1EphemeralVolumeSource_validate1.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1EphemeralVolumeSource_validate0.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1FCVolumeSource.js
var IoK8sApiCoreV1FCVolumeSource = __webpack_require__(1458);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1FlexVolumeSource.js
const IoK8sApiCoreV1FlexVolumeSource_validate=IoK8sApiCoreV1FlexVolumeSource_validate1;function IoK8sApiCoreV1FlexVolumeSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1FlexVolumeSource_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1FlexVolumeSource_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1FlexVolumeSource_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1FlexVolumeSource_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!(data&&"object"==typeof data&&!Array.isArray(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(data&&"object"==typeof data&&!Array.isArray(data))for(let key0 in data)IoK8sApiCoreV1FlexVolumeSource_validate0(data[key0],{instancePath:instancePath+"/"+key0.replace(/~/g,"~0").replace(/\//g,"~1"),parentData:data,parentDataProperty:key0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1FlexVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1FlexVolumeSource_validate0.errors)).length);return IoK8sApiCoreV1FlexVolumeSource_validate5.errors=vErrors,0===errors}function IoK8sApiCoreV1FlexVolumeSource_validate8(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1FlexVolumeSource_validate8.errors=vErrors,0===errors}function IoK8sApiCoreV1FlexVolumeSource_validate10(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1LocalObjectReference/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LocalObjectReference/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1LocalObjectReference/* validate */.t.errors)).length)),IoK8sApiCoreV1FlexVolumeSource_validate10.errors=vErrors,0===errors}function IoK8sApiCoreV1FlexVolumeSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.driver){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"driver"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.driver&&(IoK8sApiCoreV1FlexVolumeSource_validate0(data.driver,{instancePath:instancePath+"/driver",parentData:data,parentDataProperty:"driver",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1FlexVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1FlexVolumeSource_validate0.errors)).length)),void 0!==data.fsType&&(IoK8sApiCoreV1FlexVolumeSource_validate3(data.fsType,{instancePath:instancePath+"/fsType",parentData:data,parentDataProperty:"fsType",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1FlexVolumeSource_validate3.errors:vErrors.concat(IoK8sApiCoreV1FlexVolumeSource_validate3.errors)).length)),void 0!==data.options&&(IoK8sApiCoreV1FlexVolumeSource_validate5(data.options,{instancePath:instancePath+"/options",parentData:data,parentDataProperty:"options",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1FlexVolumeSource_validate5.errors:vErrors.concat(IoK8sApiCoreV1FlexVolumeSource_validate5.errors)).length)),void 0!==data.readOnly&&(IoK8sApiCoreV1FlexVolumeSource_validate8(data.readOnly,{instancePath:instancePath+"/readOnly",parentData:data,parentDataProperty:"readOnly",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1FlexVolumeSource_validate8.errors:vErrors.concat(IoK8sApiCoreV1FlexVolumeSource_validate8.errors)).length)),void 0!==data.secretRef&&(IoK8sApiCoreV1FlexVolumeSource_validate10(data.secretRef,{instancePath:instancePath+"/secretRef",parentData:data,parentDataProperty:"secretRef",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1FlexVolumeSource_validate10.errors:vErrors.concat(IoK8sApiCoreV1FlexVolumeSource_validate10.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1FlexVolumeSource_validate1.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1FlockerVolumeSource.js
var IoK8sApiCoreV1FlockerVolumeSource = __webpack_require__(7413);
// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1GCEPersistentDiskVolumeSource.js
var IoK8sApiCoreV1GCEPersistentDiskVolumeSource = __webpack_require__(9318);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1GitRepoVolumeSource.js
const IoK8sApiCoreV1GitRepoVolumeSource_validate=IoK8sApiCoreV1GitRepoVolumeSource_validate1;function IoK8sApiCoreV1GitRepoVolumeSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1GitRepoVolumeSource_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1GitRepoVolumeSource_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1GitRepoVolumeSource_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1GitRepoVolumeSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.repository){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"repository"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.directory&&(IoK8sApiCoreV1GitRepoVolumeSource_validate0(data.directory,{instancePath:instancePath+"/directory",parentData:data,parentDataProperty:"directory",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1GitRepoVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1GitRepoVolumeSource_validate0.errors)).length)),void 0!==data.repository&&(IoK8sApiCoreV1GitRepoVolumeSource_validate3(data.repository,{instancePath:instancePath+"/repository",parentData:data,parentDataProperty:"repository",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1GitRepoVolumeSource_validate3.errors:vErrors.concat(IoK8sApiCoreV1GitRepoVolumeSource_validate3.errors)).length)),void 0!==data.revision&&(IoK8sApiCoreV1GitRepoVolumeSource_validate0(data.revision,{instancePath:instancePath+"/revision",parentData:data,parentDataProperty:"revision",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1GitRepoVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1GitRepoVolumeSource_validate0.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1GitRepoVolumeSource_validate1.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1GlusterfsVolumeSource.js
const IoK8sApiCoreV1GlusterfsVolumeSource_validate=IoK8sApiCoreV1GlusterfsVolumeSource_validate1;function IoK8sApiCoreV1GlusterfsVolumeSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1GlusterfsVolumeSource_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1GlusterfsVolumeSource_validate4(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1GlusterfsVolumeSource_validate4.errors=vErrors,0===errors}function IoK8sApiCoreV1GlusterfsVolumeSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.endpoints){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"endpoints"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.path){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"path"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.endpoints&&(IoK8sApiCoreV1GlusterfsVolumeSource_validate0(data.endpoints,{instancePath:instancePath+"/endpoints",parentData:data,parentDataProperty:"endpoints",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1GlusterfsVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1GlusterfsVolumeSource_validate0.errors)).length)),void 0!==data.path&&(IoK8sApiCoreV1GlusterfsVolumeSource_validate0(data.path,{instancePath:instancePath+"/path",parentData:data,parentDataProperty:"path",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1GlusterfsVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1GlusterfsVolumeSource_validate0.errors)).length)),void 0!==data.readOnly&&(IoK8sApiCoreV1GlusterfsVolumeSource_validate4(data.readOnly,{instancePath:instancePath+"/readOnly",parentData:data,parentDataProperty:"readOnly",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1GlusterfsVolumeSource_validate4.errors:vErrors.concat(IoK8sApiCoreV1GlusterfsVolumeSource_validate4.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return IoK8sApiCoreV1GlusterfsVolumeSource_validate1.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1HostPathVolumeSource.js
var IoK8sApiCoreV1HostPathVolumeSource = __webpack_require__(8976);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ImageVolumeSource.js
const IoK8sApiCoreV1ImageVolumeSource_validate=IoK8sApiCoreV1ImageVolumeSource_validate0;let schema1_enum=["Always","IfNotPresent","Never"];function IoK8sApiCoreV1ImageVolumeSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("Always"!==data&&"IfNotPresent"!==data&&"Never"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema1_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1ImageVolumeSource_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1ImageVolumeSource_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ImageVolumeSource_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1ImageVolumeSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.pullPolicy&&(IoK8sApiCoreV1ImageVolumeSource_validate1(data.pullPolicy,{instancePath:instancePath+"/pullPolicy",parentData:data,parentDataProperty:"pullPolicy",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ImageVolumeSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1ImageVolumeSource_validate1.errors)).length)),void 0!==data.reference&&(IoK8sApiCoreV1ImageVolumeSource_validate3(data.reference,{instancePath:instancePath+"/reference",parentData:data,parentDataProperty:"reference",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ImageVolumeSource_validate3.errors:vErrors.concat(IoK8sApiCoreV1ImageVolumeSource_validate3.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ImageVolumeSource_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ISCSIVolumeSource.js
const IoK8sApiCoreV1ISCSIVolumeSource_validate=IoK8sApiCoreV1ISCSIVolumeSource_validate3;function IoK8sApiCoreV1ISCSIVolumeSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ISCSIVolumeSource_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1ISCSIVolumeSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ISCSIVolumeSource_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1ISCSIVolumeSource_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ISCSIVolumeSource_validate2.errors=vErrors,0===errors}let IoK8sApiCoreV1ISCSIVolumeSource_formats0=formats/* formats */.F.int32;function IoK8sApiCoreV1ISCSIVolumeSource_validate10(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1ISCSIVolumeSource_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1ISCSIVolumeSource_validate10.errors=vErrors,0===errors}function IoK8sApiCoreV1ISCSIVolumeSource_validate12(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1ISCSIVolumeSource_validate2(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ISCSIVolumeSource_validate2.errors:vErrors.concat(IoK8sApiCoreV1ISCSIVolumeSource_validate2.errors)).length)}return IoK8sApiCoreV1ISCSIVolumeSource_validate12.errors=vErrors,0===errors}function validate16(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1LocalObjectReference/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LocalObjectReference/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1LocalObjectReference/* validate */.t.errors)).length)),validate16.errors=vErrors,0===errors}function IoK8sApiCoreV1ISCSIVolumeSource_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.targetPortal){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"targetPortal"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.iqn){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"iqn"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}if(void 0===data.lun){let err2={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"lun"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}void 0!==data.chapAuthDiscovery&&(IoK8sApiCoreV1ISCSIVolumeSource_validate0(data.chapAuthDiscovery,{instancePath:instancePath+"/chapAuthDiscovery",parentData:data,parentDataProperty:"chapAuthDiscovery",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ISCSIVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1ISCSIVolumeSource_validate0.errors)).length)),void 0!==data.chapAuthSession&&(IoK8sApiCoreV1ISCSIVolumeSource_validate0(data.chapAuthSession,{instancePath:instancePath+"/chapAuthSession",parentData:data,parentDataProperty:"chapAuthSession",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ISCSIVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1ISCSIVolumeSource_validate0.errors)).length)),void 0!==data.fsType&&(IoK8sApiCoreV1ISCSIVolumeSource_validate1(data.fsType,{instancePath:instancePath+"/fsType",parentData:data,parentDataProperty:"fsType",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ISCSIVolumeSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1ISCSIVolumeSource_validate1.errors)).length)),void 0!==data.initiatorName&&(IoK8sApiCoreV1ISCSIVolumeSource_validate1(data.initiatorName,{instancePath:instancePath+"/initiatorName",parentData:data,parentDataProperty:"initiatorName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ISCSIVolumeSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1ISCSIVolumeSource_validate1.errors)).length)),void 0!==data.iqn&&(IoK8sApiCoreV1ISCSIVolumeSource_validate2(data.iqn,{instancePath:instancePath+"/iqn",parentData:data,parentDataProperty:"iqn",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ISCSIVolumeSource_validate2.errors:vErrors.concat(IoK8sApiCoreV1ISCSIVolumeSource_validate2.errors)).length)),void 0!==data.iscsiInterface&&(IoK8sApiCoreV1ISCSIVolumeSource_validate1(data.iscsiInterface,{instancePath:instancePath+"/iscsiInterface",parentData:data,parentDataProperty:"iscsiInterface",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ISCSIVolumeSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1ISCSIVolumeSource_validate1.errors)).length)),void 0!==data.lun&&(IoK8sApiCoreV1ISCSIVolumeSource_validate10(data.lun,{instancePath:instancePath+"/lun",parentData:data,parentDataProperty:"lun",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ISCSIVolumeSource_validate10.errors:vErrors.concat(IoK8sApiCoreV1ISCSIVolumeSource_validate10.errors)).length)),void 0!==data.portals&&(IoK8sApiCoreV1ISCSIVolumeSource_validate12(data.portals,{instancePath:instancePath+"/portals",parentData:data,parentDataProperty:"portals",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ISCSIVolumeSource_validate12.errors:vErrors.concat(IoK8sApiCoreV1ISCSIVolumeSource_validate12.errors)).length)),void 0!==data.readOnly&&(IoK8sApiCoreV1ISCSIVolumeSource_validate0(data.readOnly,{instancePath:instancePath+"/readOnly",parentData:data,parentDataProperty:"readOnly",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ISCSIVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1ISCSIVolumeSource_validate0.errors)).length)),void 0!==data.secretRef&&(validate16(data.secretRef,{instancePath:instancePath+"/secretRef",parentData:data,parentDataProperty:"secretRef",rootData})||(errors=(vErrors=null===vErrors?validate16.errors:vErrors.concat(validate16.errors)).length)),void 0!==data.targetPortal&&(IoK8sApiCoreV1ISCSIVolumeSource_validate2(data.targetPortal,{instancePath:instancePath+"/targetPortal",parentData:data,parentDataProperty:"targetPortal",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ISCSIVolumeSource_validate2.errors:vErrors.concat(IoK8sApiCoreV1ISCSIVolumeSource_validate2.errors)).length))}else{let err3={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err3]:vErrors.push(err3),errors++}return IoK8sApiCoreV1ISCSIVolumeSource_validate3.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1NFSVolumeSource.js
var IoK8sApiCoreV1NFSVolumeSource = __webpack_require__(4054);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PersistentVolumeClaimVolumeSource.js
const IoK8sApiCoreV1PersistentVolumeClaimVolumeSource_validate=IoK8sApiCoreV1PersistentVolumeClaimVolumeSource_validate0;function IoK8sApiCoreV1PersistentVolumeClaimVolumeSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PersistentVolumeClaimVolumeSource_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1PersistentVolumeClaimVolumeSource_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PersistentVolumeClaimVolumeSource_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1PersistentVolumeClaimVolumeSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.claimName){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"claimName"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.claimName&&(IoK8sApiCoreV1PersistentVolumeClaimVolumeSource_validate1(data.claimName,{instancePath:instancePath+"/claimName",parentData:data,parentDataProperty:"claimName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PersistentVolumeClaimVolumeSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1PersistentVolumeClaimVolumeSource_validate1.errors)).length)),void 0!==data.readOnly&&(IoK8sApiCoreV1PersistentVolumeClaimVolumeSource_validate3(data.readOnly,{instancePath:instancePath+"/readOnly",parentData:data,parentDataProperty:"readOnly",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PersistentVolumeClaimVolumeSource_validate3.errors:vErrors.concat(IoK8sApiCoreV1PersistentVolumeClaimVolumeSource_validate3.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1PersistentVolumeClaimVolumeSource_validate0.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PhotonPersistentDiskVolumeSource.js
var IoK8sApiCoreV1PhotonPersistentDiskVolumeSource = __webpack_require__(2807);
// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PortworxVolumeSource.js
var IoK8sApiCoreV1PortworxVolumeSource = __webpack_require__(8866);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ClusterTrustBundleProjection.js
const IoK8sApiCoreV1ClusterTrustBundleProjection_validate=IoK8sApiCoreV1ClusterTrustBundleProjection_validate1;function IoK8sApiCoreV1ClusterTrustBundleProjection_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApimachineryPkgApisMetaV1LabelSelector/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApisMetaV1LabelSelector/* validate */.t.errors:vErrors.concat(IoK8sApimachineryPkgApisMetaV1LabelSelector/* validate */.t.errors)).length)),IoK8sApiCoreV1ClusterTrustBundleProjection_validate2.errors=vErrors,0===errors}function IoK8sApiCoreV1ClusterTrustBundleProjection_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ClusterTrustBundleProjection_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1ClusterTrustBundleProjection_validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ClusterTrustBundleProjection_validate7.errors=vErrors,0===errors}function IoK8sApiCoreV1ClusterTrustBundleProjection_validate9(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ClusterTrustBundleProjection_validate9.errors=vErrors,0===errors}function IoK8sApiCoreV1ClusterTrustBundleProjection_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.path){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"path"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.labelSelector&&(IoK8sApiCoreV1ClusterTrustBundleProjection_validate2(data.labelSelector,{instancePath:instancePath+"/labelSelector",parentData:data,parentDataProperty:"labelSelector",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ClusterTrustBundleProjection_validate2.errors:vErrors.concat(IoK8sApiCoreV1ClusterTrustBundleProjection_validate2.errors)).length)),void 0!==data.name&&(IoK8sApiCoreV1ClusterTrustBundleProjection_validate0(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ClusterTrustBundleProjection_validate0.errors:vErrors.concat(IoK8sApiCoreV1ClusterTrustBundleProjection_validate0.errors)).length)),void 0!==data.optional&&(IoK8sApiCoreV1ClusterTrustBundleProjection_validate7(data.optional,{instancePath:instancePath+"/optional",parentData:data,parentDataProperty:"optional",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ClusterTrustBundleProjection_validate7.errors:vErrors.concat(IoK8sApiCoreV1ClusterTrustBundleProjection_validate7.errors)).length)),void 0!==data.path&&(IoK8sApiCoreV1ClusterTrustBundleProjection_validate9(data.path,{instancePath:instancePath+"/path",parentData:data,parentDataProperty:"path",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ClusterTrustBundleProjection_validate9.errors:vErrors.concat(IoK8sApiCoreV1ClusterTrustBundleProjection_validate9.errors)).length)),void 0!==data.signerName&&(IoK8sApiCoreV1ClusterTrustBundleProjection_validate0(data.signerName,{instancePath:instancePath+"/signerName",parentData:data,parentDataProperty:"signerName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ClusterTrustBundleProjection_validate0.errors:vErrors.concat(IoK8sApiCoreV1ClusterTrustBundleProjection_validate0.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1ClusterTrustBundleProjection_validate1.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ConfigMapProjection.js
const IoK8sApiCoreV1ConfigMapProjection_validate=IoK8sApiCoreV1ConfigMapProjection_validate0;function IoK8sApiCoreV1ConfigMapProjection_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1KeyToPath_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1KeyToPath_validate.errors:vErrors.concat(IoK8sApiCoreV1KeyToPath_validate.errors)).length),IoK8sApiCoreV1ConfigMapProjection_validate2.errors=vErrors,0===errors}function IoK8sApiCoreV1ConfigMapProjection_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1ConfigMapProjection_validate2(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ConfigMapProjection_validate2.errors:vErrors.concat(IoK8sApiCoreV1ConfigMapProjection_validate2.errors)).length)}return IoK8sApiCoreV1ConfigMapProjection_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1ConfigMapProjection_validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ConfigMapProjection_validate7.errors=vErrors,0===errors}function IoK8sApiCoreV1ConfigMapProjection_validate9(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ConfigMapProjection_validate9.errors=vErrors,0===errors}function IoK8sApiCoreV1ConfigMapProjection_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.items&&(IoK8sApiCoreV1ConfigMapProjection_validate1(data.items,{instancePath:instancePath+"/items",parentData:data,parentDataProperty:"items",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ConfigMapProjection_validate1.errors:vErrors.concat(IoK8sApiCoreV1ConfigMapProjection_validate1.errors)).length)),void 0!==data.name&&(IoK8sApiCoreV1ConfigMapProjection_validate7(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ConfigMapProjection_validate7.errors:vErrors.concat(IoK8sApiCoreV1ConfigMapProjection_validate7.errors)).length)),void 0!==data.optional&&(IoK8sApiCoreV1ConfigMapProjection_validate9(data.optional,{instancePath:instancePath+"/optional",parentData:data,parentDataProperty:"optional",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ConfigMapProjection_validate9.errors:vErrors.concat(IoK8sApiCoreV1ConfigMapProjection_validate9.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ConfigMapProjection_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1DownwardAPIProjection.js
const IoK8sApiCoreV1DownwardAPIProjection_validate=IoK8sApiCoreV1DownwardAPIProjection_validate0;function IoK8sApiCoreV1DownwardAPIProjection_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1DownwardAPIVolumeFile_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1DownwardAPIVolumeFile_validate.errors:vErrors.concat(IoK8sApiCoreV1DownwardAPIVolumeFile_validate.errors)).length),IoK8sApiCoreV1DownwardAPIProjection_validate2.errors=vErrors,0===errors}function IoK8sApiCoreV1DownwardAPIProjection_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1DownwardAPIProjection_validate2(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1DownwardAPIProjection_validate2.errors:vErrors.concat(IoK8sApiCoreV1DownwardAPIProjection_validate2.errors)).length)}return IoK8sApiCoreV1DownwardAPIProjection_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1DownwardAPIProjection_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.items&&(IoK8sApiCoreV1DownwardAPIProjection_validate1(data.items,{instancePath:instancePath+"/items",parentData:data,parentDataProperty:"items",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1DownwardAPIProjection_validate1.errors:vErrors.concat(IoK8sApiCoreV1DownwardAPIProjection_validate1.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1DownwardAPIProjection_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PodCertificateProjection.js
const IoK8sApiCoreV1PodCertificateProjection_validate=IoK8sApiCoreV1PodCertificateProjection_validate2;function IoK8sApiCoreV1PodCertificateProjection_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodCertificateProjection_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1PodCertificateProjection_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodCertificateProjection_validate1.errors=vErrors,0===errors}let IoK8sApiCoreV1PodCertificateProjection_formats0=formats/* formats */.F.int32;function IoK8sApiCoreV1PodCertificateProjection_validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1PodCertificateProjection_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1PodCertificateProjection_validate7.errors=vErrors,0===errors}function IoK8sApiCoreV1PodCertificateProjection_validate10(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!(data&&"object"==typeof data&&!Array.isArray(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(data&&"object"==typeof data&&!Array.isArray(data))for(let key0 in data)IoK8sApiCoreV1PodCertificateProjection_validate1(data[key0],{instancePath:instancePath+"/"+key0.replace(/~/g,"~0").replace(/\//g,"~1"),parentData:data,parentDataProperty:key0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodCertificateProjection_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodCertificateProjection_validate1.errors)).length);return IoK8sApiCoreV1PodCertificateProjection_validate10.errors=vErrors,0===errors}function IoK8sApiCoreV1PodCertificateProjection_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.signerName){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"signerName"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.keyType){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"keyType"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.certificateChainPath&&(IoK8sApiCoreV1PodCertificateProjection_validate0(data.certificateChainPath,{instancePath:instancePath+"/certificateChainPath",parentData:data,parentDataProperty:"certificateChainPath",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodCertificateProjection_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodCertificateProjection_validate0.errors)).length)),void 0!==data.credentialBundlePath&&(IoK8sApiCoreV1PodCertificateProjection_validate0(data.credentialBundlePath,{instancePath:instancePath+"/credentialBundlePath",parentData:data,parentDataProperty:"credentialBundlePath",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodCertificateProjection_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodCertificateProjection_validate0.errors)).length)),void 0!==data.keyPath&&(IoK8sApiCoreV1PodCertificateProjection_validate0(data.keyPath,{instancePath:instancePath+"/keyPath",parentData:data,parentDataProperty:"keyPath",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodCertificateProjection_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodCertificateProjection_validate0.errors)).length)),void 0!==data.keyType&&(IoK8sApiCoreV1PodCertificateProjection_validate1(data.keyType,{instancePath:instancePath+"/keyType",parentData:data,parentDataProperty:"keyType",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodCertificateProjection_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodCertificateProjection_validate1.errors)).length)),void 0!==data.maxExpirationSeconds&&(IoK8sApiCoreV1PodCertificateProjection_validate7(data.maxExpirationSeconds,{instancePath:instancePath+"/maxExpirationSeconds",parentData:data,parentDataProperty:"maxExpirationSeconds",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodCertificateProjection_validate7.errors:vErrors.concat(IoK8sApiCoreV1PodCertificateProjection_validate7.errors)).length)),void 0!==data.signerName&&(IoK8sApiCoreV1PodCertificateProjection_validate1(data.signerName,{instancePath:instancePath+"/signerName",parentData:data,parentDataProperty:"signerName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodCertificateProjection_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodCertificateProjection_validate1.errors)).length)),void 0!==data.userAnnotations&&(IoK8sApiCoreV1PodCertificateProjection_validate10(data.userAnnotations,{instancePath:instancePath+"/userAnnotations",parentData:data,parentDataProperty:"userAnnotations",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodCertificateProjection_validate10.errors:vErrors.concat(IoK8sApiCoreV1PodCertificateProjection_validate10.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return IoK8sApiCoreV1PodCertificateProjection_validate2.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1SecretProjection.js
const IoK8sApiCoreV1SecretProjection_validate=IoK8sApiCoreV1SecretProjection_validate0;function IoK8sApiCoreV1SecretProjection_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1KeyToPath_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1KeyToPath_validate.errors:vErrors.concat(IoK8sApiCoreV1KeyToPath_validate.errors)).length),IoK8sApiCoreV1SecretProjection_validate2.errors=vErrors,0===errors}function IoK8sApiCoreV1SecretProjection_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1SecretProjection_validate2(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecretProjection_validate2.errors:vErrors.concat(IoK8sApiCoreV1SecretProjection_validate2.errors)).length)}return IoK8sApiCoreV1SecretProjection_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1SecretProjection_validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1SecretProjection_validate7.errors=vErrors,0===errors}function IoK8sApiCoreV1SecretProjection_validate9(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1SecretProjection_validate9.errors=vErrors,0===errors}function IoK8sApiCoreV1SecretProjection_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.items&&(IoK8sApiCoreV1SecretProjection_validate1(data.items,{instancePath:instancePath+"/items",parentData:data,parentDataProperty:"items",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecretProjection_validate1.errors:vErrors.concat(IoK8sApiCoreV1SecretProjection_validate1.errors)).length)),void 0!==data.name&&(IoK8sApiCoreV1SecretProjection_validate7(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecretProjection_validate7.errors:vErrors.concat(IoK8sApiCoreV1SecretProjection_validate7.errors)).length)),void 0!==data.optional&&(IoK8sApiCoreV1SecretProjection_validate9(data.optional,{instancePath:instancePath+"/optional",parentData:data,parentDataProperty:"optional",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecretProjection_validate9.errors:vErrors.concat(IoK8sApiCoreV1SecretProjection_validate9.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1SecretProjection_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ServiceAccountTokenProjection.js
const IoK8sApiCoreV1ServiceAccountTokenProjection_validate=IoK8sApiCoreV1ServiceAccountTokenProjection_validate0;function IoK8sApiCoreV1ServiceAccountTokenProjection_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ServiceAccountTokenProjection_validate1.errors=vErrors,0===errors}let IoK8sApiCoreV1ServiceAccountTokenProjection_formats0=formats/* formats */.F.int64;function IoK8sApiCoreV1ServiceAccountTokenProjection_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1ServiceAccountTokenProjection_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int64"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1ServiceAccountTokenProjection_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1ServiceAccountTokenProjection_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ServiceAccountTokenProjection_validate5.errors=vErrors,0===errors}function IoK8sApiCoreV1ServiceAccountTokenProjection_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.path){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"path"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.audience&&(IoK8sApiCoreV1ServiceAccountTokenProjection_validate1(data.audience,{instancePath:instancePath+"/audience",parentData:data,parentDataProperty:"audience",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ServiceAccountTokenProjection_validate1.errors:vErrors.concat(IoK8sApiCoreV1ServiceAccountTokenProjection_validate1.errors)).length)),void 0!==data.expirationSeconds&&(IoK8sApiCoreV1ServiceAccountTokenProjection_validate3(data.expirationSeconds,{instancePath:instancePath+"/expirationSeconds",parentData:data,parentDataProperty:"expirationSeconds",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ServiceAccountTokenProjection_validate3.errors:vErrors.concat(IoK8sApiCoreV1ServiceAccountTokenProjection_validate3.errors)).length)),void 0!==data.path&&(IoK8sApiCoreV1ServiceAccountTokenProjection_validate5(data.path,{instancePath:instancePath+"/path",parentData:data,parentDataProperty:"path",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ServiceAccountTokenProjection_validate5.errors:vErrors.concat(IoK8sApiCoreV1ServiceAccountTokenProjection_validate5.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1ServiceAccountTokenProjection_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1VolumeProjection.js
const IoK8sApiCoreV1VolumeProjection_validate=IoK8sApiCoreV1VolumeProjection_validate0;function IoK8sApiCoreV1VolumeProjection_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1ClusterTrustBundleProjection_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ClusterTrustBundleProjection_validate.errors:vErrors.concat(IoK8sApiCoreV1ClusterTrustBundleProjection_validate.errors)).length)),IoK8sApiCoreV1VolumeProjection_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1VolumeProjection_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1ConfigMapProjection_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ConfigMapProjection_validate.errors:vErrors.concat(IoK8sApiCoreV1ConfigMapProjection_validate.errors)).length)),IoK8sApiCoreV1VolumeProjection_validate5.errors=vErrors,0===errors}function IoK8sApiCoreV1VolumeProjection_validate9(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1DownwardAPIProjection_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1DownwardAPIProjection_validate.errors:vErrors.concat(IoK8sApiCoreV1DownwardAPIProjection_validate.errors)).length)),IoK8sApiCoreV1VolumeProjection_validate9.errors=vErrors,0===errors}function IoK8sApiCoreV1VolumeProjection_validate13(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1PodCertificateProjection_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodCertificateProjection_validate.errors:vErrors.concat(IoK8sApiCoreV1PodCertificateProjection_validate.errors)).length)),IoK8sApiCoreV1VolumeProjection_validate13.errors=vErrors,0===errors}function IoK8sApiCoreV1VolumeProjection_validate17(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1SecretProjection_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecretProjection_validate.errors:vErrors.concat(IoK8sApiCoreV1SecretProjection_validate.errors)).length)),IoK8sApiCoreV1VolumeProjection_validate17.errors=vErrors,0===errors}function validate21(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1ServiceAccountTokenProjection_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ServiceAccountTokenProjection_validate.errors:vErrors.concat(IoK8sApiCoreV1ServiceAccountTokenProjection_validate.errors)).length)),validate21.errors=vErrors,0===errors}function IoK8sApiCoreV1VolumeProjection_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.clusterTrustBundle&&(IoK8sApiCoreV1VolumeProjection_validate1(data.clusterTrustBundle,{instancePath:instancePath+"/clusterTrustBundle",parentData:data,parentDataProperty:"clusterTrustBundle",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeProjection_validate1.errors:vErrors.concat(IoK8sApiCoreV1VolumeProjection_validate1.errors)).length)),void 0!==data.configMap&&(IoK8sApiCoreV1VolumeProjection_validate5(data.configMap,{instancePath:instancePath+"/configMap",parentData:data,parentDataProperty:"configMap",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeProjection_validate5.errors:vErrors.concat(IoK8sApiCoreV1VolumeProjection_validate5.errors)).length)),void 0!==data.downwardAPI&&(IoK8sApiCoreV1VolumeProjection_validate9(data.downwardAPI,{instancePath:instancePath+"/downwardAPI",parentData:data,parentDataProperty:"downwardAPI",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeProjection_validate9.errors:vErrors.concat(IoK8sApiCoreV1VolumeProjection_validate9.errors)).length)),void 0!==data.podCertificate&&(IoK8sApiCoreV1VolumeProjection_validate13(data.podCertificate,{instancePath:instancePath+"/podCertificate",parentData:data,parentDataProperty:"podCertificate",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeProjection_validate13.errors:vErrors.concat(IoK8sApiCoreV1VolumeProjection_validate13.errors)).length)),void 0!==data.secret&&(IoK8sApiCoreV1VolumeProjection_validate17(data.secret,{instancePath:instancePath+"/secret",parentData:data,parentDataProperty:"secret",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeProjection_validate17.errors:vErrors.concat(IoK8sApiCoreV1VolumeProjection_validate17.errors)).length)),void 0!==data.serviceAccountToken&&(validate21(data.serviceAccountToken,{instancePath:instancePath+"/serviceAccountToken",parentData:data,parentDataProperty:"serviceAccountToken",rootData})||(errors=(vErrors=null===vErrors?validate21.errors:vErrors.concat(validate21.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1VolumeProjection_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ProjectedVolumeSource.js
const IoK8sApiCoreV1ProjectedVolumeSource_validate=IoK8sApiCoreV1ProjectedVolumeSource_validate0;let IoK8sApiCoreV1ProjectedVolumeSource_formats0=formats/* formats */.F.int32;function IoK8sApiCoreV1ProjectedVolumeSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1ProjectedVolumeSource_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1ProjectedVolumeSource_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1ProjectedVolumeSource_validate4(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1VolumeProjection_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VolumeProjection_validate.errors:vErrors.concat(IoK8sApiCoreV1VolumeProjection_validate.errors)).length),IoK8sApiCoreV1ProjectedVolumeSource_validate4.errors=vErrors,0===errors}function IoK8sApiCoreV1ProjectedVolumeSource_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1ProjectedVolumeSource_validate4(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ProjectedVolumeSource_validate4.errors:vErrors.concat(IoK8sApiCoreV1ProjectedVolumeSource_validate4.errors)).length)}return IoK8sApiCoreV1ProjectedVolumeSource_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1ProjectedVolumeSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.defaultMode&&(IoK8sApiCoreV1ProjectedVolumeSource_validate1(data.defaultMode,{instancePath:instancePath+"/defaultMode",parentData:data,parentDataProperty:"defaultMode",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ProjectedVolumeSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1ProjectedVolumeSource_validate1.errors)).length)),void 0!==data.sources&&(IoK8sApiCoreV1ProjectedVolumeSource_validate3(data.sources,{instancePath:instancePath+"/sources",parentData:data,parentDataProperty:"sources",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ProjectedVolumeSource_validate3.errors:vErrors.concat(IoK8sApiCoreV1ProjectedVolumeSource_validate3.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ProjectedVolumeSource_validate0.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1QuobyteVolumeSource.js
var IoK8sApiCoreV1QuobyteVolumeSource = __webpack_require__(154);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1RBDVolumeSource.js
const IoK8sApiCoreV1RBDVolumeSource_validate=IoK8sApiCoreV1RBDVolumeSource_validate2;function IoK8sApiCoreV1RBDVolumeSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1RBDVolumeSource_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1RBDVolumeSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1RBDVolumeSource_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1RBDVolumeSource_validate6(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1RBDVolumeSource_validate1(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1RBDVolumeSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1RBDVolumeSource_validate1.errors)).length)}else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1RBDVolumeSource_validate6.errors=vErrors,0===errors}function IoK8sApiCoreV1RBDVolumeSource_validate10(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1RBDVolumeSource_validate10.errors=vErrors,0===errors}function IoK8sApiCoreV1RBDVolumeSource_validate12(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1LocalObjectReference/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LocalObjectReference/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1LocalObjectReference/* validate */.t.errors)).length)),IoK8sApiCoreV1RBDVolumeSource_validate12.errors=vErrors,0===errors}function IoK8sApiCoreV1RBDVolumeSource_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.monitors){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"monitors"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.image){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"image"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.fsType&&(IoK8sApiCoreV1RBDVolumeSource_validate0(data.fsType,{instancePath:instancePath+"/fsType",parentData:data,parentDataProperty:"fsType",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1RBDVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1RBDVolumeSource_validate0.errors)).length)),void 0!==data.image&&(IoK8sApiCoreV1RBDVolumeSource_validate1(data.image,{instancePath:instancePath+"/image",parentData:data,parentDataProperty:"image",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1RBDVolumeSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1RBDVolumeSource_validate1.errors)).length)),void 0!==data.keyring&&(IoK8sApiCoreV1RBDVolumeSource_validate0(data.keyring,{instancePath:instancePath+"/keyring",parentData:data,parentDataProperty:"keyring",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1RBDVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1RBDVolumeSource_validate0.errors)).length)),void 0!==data.monitors&&(IoK8sApiCoreV1RBDVolumeSource_validate6(data.monitors,{instancePath:instancePath+"/monitors",parentData:data,parentDataProperty:"monitors",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1RBDVolumeSource_validate6.errors:vErrors.concat(IoK8sApiCoreV1RBDVolumeSource_validate6.errors)).length)),void 0!==data.pool&&(IoK8sApiCoreV1RBDVolumeSource_validate0(data.pool,{instancePath:instancePath+"/pool",parentData:data,parentDataProperty:"pool",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1RBDVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1RBDVolumeSource_validate0.errors)).length)),void 0!==data.readOnly&&(IoK8sApiCoreV1RBDVolumeSource_validate10(data.readOnly,{instancePath:instancePath+"/readOnly",parentData:data,parentDataProperty:"readOnly",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1RBDVolumeSource_validate10.errors:vErrors.concat(IoK8sApiCoreV1RBDVolumeSource_validate10.errors)).length)),void 0!==data.secretRef&&(IoK8sApiCoreV1RBDVolumeSource_validate12(data.secretRef,{instancePath:instancePath+"/secretRef",parentData:data,parentDataProperty:"secretRef",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1RBDVolumeSource_validate12.errors:vErrors.concat(IoK8sApiCoreV1RBDVolumeSource_validate12.errors)).length)),void 0!==data.user&&(IoK8sApiCoreV1RBDVolumeSource_validate0(data.user,{instancePath:instancePath+"/user",parentData:data,parentDataProperty:"user",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1RBDVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1RBDVolumeSource_validate0.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return IoK8sApiCoreV1RBDVolumeSource_validate2.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ScaleIOVolumeSource.js
const IoK8sApiCoreV1ScaleIOVolumeSource_validate=IoK8sApiCoreV1ScaleIOVolumeSource_validate3;function IoK8sApiCoreV1ScaleIOVolumeSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ScaleIOVolumeSource_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1ScaleIOVolumeSource_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ScaleIOVolumeSource_validate2.errors=vErrors,0===errors}function IoK8sApiCoreV1ScaleIOVolumeSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1ScaleIOVolumeSource_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1ScaleIOVolumeSource_validate8(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return (0,IoK8sApiCoreV1LocalObjectReference/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LocalObjectReference/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1LocalObjectReference/* validate */.t.errors)).length),IoK8sApiCoreV1ScaleIOVolumeSource_validate8.errors=vErrors,0===errors}function IoK8sApiCoreV1ScaleIOVolumeSource_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.gateway){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"gateway"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.system){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"system"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}if(void 0===data.secretRef){let err2={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"secretRef"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}void 0!==data.fsType&&(IoK8sApiCoreV1ScaleIOVolumeSource_validate0(data.fsType,{instancePath:instancePath+"/fsType",parentData:data,parentDataProperty:"fsType",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ScaleIOVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1ScaleIOVolumeSource_validate0.errors)).length)),void 0!==data.gateway&&(IoK8sApiCoreV1ScaleIOVolumeSource_validate2(data.gateway,{instancePath:instancePath+"/gateway",parentData:data,parentDataProperty:"gateway",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ScaleIOVolumeSource_validate2.errors:vErrors.concat(IoK8sApiCoreV1ScaleIOVolumeSource_validate2.errors)).length)),void 0!==data.protectionDomain&&(IoK8sApiCoreV1ScaleIOVolumeSource_validate0(data.protectionDomain,{instancePath:instancePath+"/protectionDomain",parentData:data,parentDataProperty:"protectionDomain",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ScaleIOVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1ScaleIOVolumeSource_validate0.errors)).length)),void 0!==data.readOnly&&(IoK8sApiCoreV1ScaleIOVolumeSource_validate1(data.readOnly,{instancePath:instancePath+"/readOnly",parentData:data,parentDataProperty:"readOnly",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ScaleIOVolumeSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1ScaleIOVolumeSource_validate1.errors)).length)),void 0!==data.secretRef&&(IoK8sApiCoreV1ScaleIOVolumeSource_validate8(data.secretRef,{instancePath:instancePath+"/secretRef",parentData:data,parentDataProperty:"secretRef",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ScaleIOVolumeSource_validate8.errors:vErrors.concat(IoK8sApiCoreV1ScaleIOVolumeSource_validate8.errors)).length)),void 0!==data.sslEnabled&&(IoK8sApiCoreV1ScaleIOVolumeSource_validate1(data.sslEnabled,{instancePath:instancePath+"/sslEnabled",parentData:data,parentDataProperty:"sslEnabled",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ScaleIOVolumeSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1ScaleIOVolumeSource_validate1.errors)).length)),void 0!==data.storageMode&&(IoK8sApiCoreV1ScaleIOVolumeSource_validate0(data.storageMode,{instancePath:instancePath+"/storageMode",parentData:data,parentDataProperty:"storageMode",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ScaleIOVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1ScaleIOVolumeSource_validate0.errors)).length)),void 0!==data.storagePool&&(IoK8sApiCoreV1ScaleIOVolumeSource_validate0(data.storagePool,{instancePath:instancePath+"/storagePool",parentData:data,parentDataProperty:"storagePool",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ScaleIOVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1ScaleIOVolumeSource_validate0.errors)).length)),void 0!==data.system&&(IoK8sApiCoreV1ScaleIOVolumeSource_validate2(data.system,{instancePath:instancePath+"/system",parentData:data,parentDataProperty:"system",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ScaleIOVolumeSource_validate2.errors:vErrors.concat(IoK8sApiCoreV1ScaleIOVolumeSource_validate2.errors)).length)),void 0!==data.volumeName&&(IoK8sApiCoreV1ScaleIOVolumeSource_validate0(data.volumeName,{instancePath:instancePath+"/volumeName",parentData:data,parentDataProperty:"volumeName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ScaleIOVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1ScaleIOVolumeSource_validate0.errors)).length))}else{let err3={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err3]:vErrors.push(err3),errors++}return IoK8sApiCoreV1ScaleIOVolumeSource_validate3.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1SecretVolumeSource.js
const IoK8sApiCoreV1SecretVolumeSource_validate=IoK8sApiCoreV1SecretVolumeSource_validate0;let IoK8sApiCoreV1SecretVolumeSource_formats0=formats/* formats */.F.int32;function IoK8sApiCoreV1SecretVolumeSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1SecretVolumeSource_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1SecretVolumeSource_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1SecretVolumeSource_validate4(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1KeyToPath_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1KeyToPath_validate.errors:vErrors.concat(IoK8sApiCoreV1KeyToPath_validate.errors)).length),IoK8sApiCoreV1SecretVolumeSource_validate4.errors=vErrors,0===errors}function IoK8sApiCoreV1SecretVolumeSource_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1SecretVolumeSource_validate4(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecretVolumeSource_validate4.errors:vErrors.concat(IoK8sApiCoreV1SecretVolumeSource_validate4.errors)).length)}return IoK8sApiCoreV1SecretVolumeSource_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1SecretVolumeSource_validate9(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1SecretVolumeSource_validate9.errors=vErrors,0===errors}function IoK8sApiCoreV1SecretVolumeSource_validate11(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1SecretVolumeSource_validate11.errors=vErrors,0===errors}function IoK8sApiCoreV1SecretVolumeSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.defaultMode&&(IoK8sApiCoreV1SecretVolumeSource_validate1(data.defaultMode,{instancePath:instancePath+"/defaultMode",parentData:data,parentDataProperty:"defaultMode",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecretVolumeSource_validate1.errors:vErrors.concat(IoK8sApiCoreV1SecretVolumeSource_validate1.errors)).length)),void 0!==data.items&&(IoK8sApiCoreV1SecretVolumeSource_validate3(data.items,{instancePath:instancePath+"/items",parentData:data,parentDataProperty:"items",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecretVolumeSource_validate3.errors:vErrors.concat(IoK8sApiCoreV1SecretVolumeSource_validate3.errors)).length)),void 0!==data.optional&&(IoK8sApiCoreV1SecretVolumeSource_validate9(data.optional,{instancePath:instancePath+"/optional",parentData:data,parentDataProperty:"optional",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecretVolumeSource_validate9.errors:vErrors.concat(IoK8sApiCoreV1SecretVolumeSource_validate9.errors)).length)),void 0!==data.secretName&&(IoK8sApiCoreV1SecretVolumeSource_validate11(data.secretName,{instancePath:instancePath+"/secretName",parentData:data,parentDataProperty:"secretName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecretVolumeSource_validate11.errors:vErrors.concat(IoK8sApiCoreV1SecretVolumeSource_validate11.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1SecretVolumeSource_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1StorageOSVolumeSource.js
const IoK8sApiCoreV1StorageOSVolumeSource_validate=IoK8sApiCoreV1StorageOSVolumeSource_validate1;function IoK8sApiCoreV1StorageOSVolumeSource_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1StorageOSVolumeSource_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1StorageOSVolumeSource_validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1StorageOSVolumeSource_validate3.errors=vErrors,0===errors}function IoK8sApiCoreV1StorageOSVolumeSource_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1LocalObjectReference/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LocalObjectReference/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1LocalObjectReference/* validate */.t.errors)).length)),IoK8sApiCoreV1StorageOSVolumeSource_validate5.errors=vErrors,0===errors}function IoK8sApiCoreV1StorageOSVolumeSource_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.fsType&&(IoK8sApiCoreV1StorageOSVolumeSource_validate0(data.fsType,{instancePath:instancePath+"/fsType",parentData:data,parentDataProperty:"fsType",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1StorageOSVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1StorageOSVolumeSource_validate0.errors)).length)),void 0!==data.readOnly&&(IoK8sApiCoreV1StorageOSVolumeSource_validate3(data.readOnly,{instancePath:instancePath+"/readOnly",parentData:data,parentDataProperty:"readOnly",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1StorageOSVolumeSource_validate3.errors:vErrors.concat(IoK8sApiCoreV1StorageOSVolumeSource_validate3.errors)).length)),void 0!==data.secretRef&&(IoK8sApiCoreV1StorageOSVolumeSource_validate5(data.secretRef,{instancePath:instancePath+"/secretRef",parentData:data,parentDataProperty:"secretRef",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1StorageOSVolumeSource_validate5.errors:vErrors.concat(IoK8sApiCoreV1StorageOSVolumeSource_validate5.errors)).length)),void 0!==data.volumeName&&(IoK8sApiCoreV1StorageOSVolumeSource_validate0(data.volumeName,{instancePath:instancePath+"/volumeName",parentData:data,parentDataProperty:"volumeName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1StorageOSVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1StorageOSVolumeSource_validate0.errors)).length)),void 0!==data.volumeNamespace&&(IoK8sApiCoreV1StorageOSVolumeSource_validate0(data.volumeNamespace,{instancePath:instancePath+"/volumeNamespace",parentData:data,parentDataProperty:"volumeNamespace",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1StorageOSVolumeSource_validate0.errors:vErrors.concat(IoK8sApiCoreV1StorageOSVolumeSource_validate0.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1StorageOSVolumeSource_validate1.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1VsphereVirtualDiskVolumeSource.js
var IoK8sApiCoreV1VsphereVirtualDiskVolumeSource = __webpack_require__(8722);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1Volume.js
const IoK8sApiCoreV1Volume_validate=IoK8sApiCoreV1Volume_validate0;function IoK8sApiCoreV1Volume_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1AWSElasticBlockStoreVolumeSource/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1AWSElasticBlockStoreVolumeSource/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1AWSElasticBlockStoreVolumeSource/* validate */.t.errors)).length)),IoK8sApiCoreV1Volume_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1Volume_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1AzureDiskVolumeSource/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1AzureDiskVolumeSource/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1AzureDiskVolumeSource/* validate */.t.errors)).length)),IoK8sApiCoreV1Volume_validate5.errors=vErrors,0===errors}function IoK8sApiCoreV1Volume_validate9(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1AzureFileVolumeSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1AzureFileVolumeSource_validate.errors:vErrors.concat(IoK8sApiCoreV1AzureFileVolumeSource_validate.errors)).length)),IoK8sApiCoreV1Volume_validate9.errors=vErrors,0===errors}function IoK8sApiCoreV1Volume_validate13(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1CephFSVolumeSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CephFSVolumeSource_validate.errors:vErrors.concat(IoK8sApiCoreV1CephFSVolumeSource_validate.errors)).length)),IoK8sApiCoreV1Volume_validate13.errors=vErrors,0===errors}function IoK8sApiCoreV1Volume_validate17(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1CinderVolumeSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CinderVolumeSource_validate.errors:vErrors.concat(IoK8sApiCoreV1CinderVolumeSource_validate.errors)).length)),IoK8sApiCoreV1Volume_validate17.errors=vErrors,0===errors}function IoK8sApiCoreV1Volume_validate21(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1ConfigMapVolumeSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ConfigMapVolumeSource_validate.errors:vErrors.concat(IoK8sApiCoreV1ConfigMapVolumeSource_validate.errors)).length)),IoK8sApiCoreV1Volume_validate21.errors=vErrors,0===errors}function validate25(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1CSIVolumeSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1CSIVolumeSource_validate.errors:vErrors.concat(IoK8sApiCoreV1CSIVolumeSource_validate.errors)).length)),validate25.errors=vErrors,0===errors}function IoK8sApiCoreV1Volume_validate29(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1DownwardAPIVolumeSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1DownwardAPIVolumeSource_validate.errors:vErrors.concat(IoK8sApiCoreV1DownwardAPIVolumeSource_validate.errors)).length)),IoK8sApiCoreV1Volume_validate29.errors=vErrors,0===errors}function IoK8sApiCoreV1Volume_validate33(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1EmptyDirVolumeSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EmptyDirVolumeSource_validate.errors:vErrors.concat(IoK8sApiCoreV1EmptyDirVolumeSource_validate.errors)).length)),IoK8sApiCoreV1Volume_validate33.errors=vErrors,0===errors}function validate37(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1EphemeralVolumeSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralVolumeSource_validate.errors:vErrors.concat(IoK8sApiCoreV1EphemeralVolumeSource_validate.errors)).length)),validate37.errors=vErrors,0===errors}function validate41(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1FCVolumeSource/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1FCVolumeSource/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1FCVolumeSource/* validate */.t.errors)).length)),validate41.errors=vErrors,0===errors}function IoK8sApiCoreV1Volume_validate45(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1FlexVolumeSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1FlexVolumeSource_validate.errors:vErrors.concat(IoK8sApiCoreV1FlexVolumeSource_validate.errors)).length)),IoK8sApiCoreV1Volume_validate45.errors=vErrors,0===errors}function validate49(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1FlockerVolumeSource/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1FlockerVolumeSource/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1FlockerVolumeSource/* validate */.t.errors)).length)),validate49.errors=vErrors,0===errors}function validate53(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1GCEPersistentDiskVolumeSource/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1GCEPersistentDiskVolumeSource/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1GCEPersistentDiskVolumeSource/* validate */.t.errors)).length)),validate53.errors=vErrors,0===errors}function validate57(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1GitRepoVolumeSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1GitRepoVolumeSource_validate.errors:vErrors.concat(IoK8sApiCoreV1GitRepoVolumeSource_validate.errors)).length)),validate57.errors=vErrors,0===errors}function validate61(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1GlusterfsVolumeSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1GlusterfsVolumeSource_validate.errors:vErrors.concat(IoK8sApiCoreV1GlusterfsVolumeSource_validate.errors)).length)),validate61.errors=vErrors,0===errors}function IoK8sApiCoreV1Volume_validate65(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1HostPathVolumeSource/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1HostPathVolumeSource/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1HostPathVolumeSource/* validate */.t.errors)).length)),IoK8sApiCoreV1Volume_validate65.errors=vErrors,0===errors}function IoK8sApiCoreV1Volume_validate69(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1ImageVolumeSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ImageVolumeSource_validate.errors:vErrors.concat(IoK8sApiCoreV1ImageVolumeSource_validate.errors)).length)),IoK8sApiCoreV1Volume_validate69.errors=vErrors,0===errors}function IoK8sApiCoreV1Volume_validate73(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1ISCSIVolumeSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ISCSIVolumeSource_validate.errors:vErrors.concat(IoK8sApiCoreV1ISCSIVolumeSource_validate.errors)).length)),IoK8sApiCoreV1Volume_validate73.errors=vErrors,0===errors}function validate77(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate77.errors=vErrors,0===errors}function validate79(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1NFSVolumeSource/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1NFSVolumeSource/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1NFSVolumeSource/* validate */.t.errors)).length)),validate79.errors=vErrors,0===errors}function validate83(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1PersistentVolumeClaimVolumeSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PersistentVolumeClaimVolumeSource_validate.errors:vErrors.concat(IoK8sApiCoreV1PersistentVolumeClaimVolumeSource_validate.errors)).length)),validate83.errors=vErrors,0===errors}function validate87(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1PhotonPersistentDiskVolumeSource/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PhotonPersistentDiskVolumeSource/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1PhotonPersistentDiskVolumeSource/* validate */.t.errors)).length)),validate87.errors=vErrors,0===errors}function validate91(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1PortworxVolumeSource/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PortworxVolumeSource/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1PortworxVolumeSource/* validate */.t.errors)).length)),validate91.errors=vErrors,0===errors}function validate95(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1ProjectedVolumeSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ProjectedVolumeSource_validate.errors:vErrors.concat(IoK8sApiCoreV1ProjectedVolumeSource_validate.errors)).length)),validate95.errors=vErrors,0===errors}function validate99(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1QuobyteVolumeSource/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1QuobyteVolumeSource/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1QuobyteVolumeSource/* validate */.t.errors)).length)),validate99.errors=vErrors,0===errors}function validate103(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1RBDVolumeSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1RBDVolumeSource_validate.errors:vErrors.concat(IoK8sApiCoreV1RBDVolumeSource_validate.errors)).length)),validate103.errors=vErrors,0===errors}function validate107(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1ScaleIOVolumeSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ScaleIOVolumeSource_validate.errors:vErrors.concat(IoK8sApiCoreV1ScaleIOVolumeSource_validate.errors)).length)),validate107.errors=vErrors,0===errors}function validate111(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1SecretVolumeSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1SecretVolumeSource_validate.errors:vErrors.concat(IoK8sApiCoreV1SecretVolumeSource_validate.errors)).length)),validate111.errors=vErrors,0===errors}function validate115(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1StorageOSVolumeSource_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1StorageOSVolumeSource_validate.errors:vErrors.concat(IoK8sApiCoreV1StorageOSVolumeSource_validate.errors)).length)),validate115.errors=vErrors,0===errors}function validate119(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1VsphereVirtualDiskVolumeSource/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1VsphereVirtualDiskVolumeSource/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1VsphereVirtualDiskVolumeSource/* validate */.t.errors)).length)),validate119.errors=vErrors,0===errors}function IoK8sApiCoreV1Volume_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.name){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"name"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.awsElasticBlockStore&&(IoK8sApiCoreV1Volume_validate1(data.awsElasticBlockStore,{instancePath:instancePath+"/awsElasticBlockStore",parentData:data,parentDataProperty:"awsElasticBlockStore",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Volume_validate1.errors:vErrors.concat(IoK8sApiCoreV1Volume_validate1.errors)).length)),void 0!==data.azureDisk&&(IoK8sApiCoreV1Volume_validate5(data.azureDisk,{instancePath:instancePath+"/azureDisk",parentData:data,parentDataProperty:"azureDisk",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Volume_validate5.errors:vErrors.concat(IoK8sApiCoreV1Volume_validate5.errors)).length)),void 0!==data.azureFile&&(IoK8sApiCoreV1Volume_validate9(data.azureFile,{instancePath:instancePath+"/azureFile",parentData:data,parentDataProperty:"azureFile",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Volume_validate9.errors:vErrors.concat(IoK8sApiCoreV1Volume_validate9.errors)).length)),void 0!==data.cephfs&&(IoK8sApiCoreV1Volume_validate13(data.cephfs,{instancePath:instancePath+"/cephfs",parentData:data,parentDataProperty:"cephfs",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Volume_validate13.errors:vErrors.concat(IoK8sApiCoreV1Volume_validate13.errors)).length)),void 0!==data.cinder&&(IoK8sApiCoreV1Volume_validate17(data.cinder,{instancePath:instancePath+"/cinder",parentData:data,parentDataProperty:"cinder",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Volume_validate17.errors:vErrors.concat(IoK8sApiCoreV1Volume_validate17.errors)).length)),void 0!==data.configMap&&(IoK8sApiCoreV1Volume_validate21(data.configMap,{instancePath:instancePath+"/configMap",parentData:data,parentDataProperty:"configMap",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Volume_validate21.errors:vErrors.concat(IoK8sApiCoreV1Volume_validate21.errors)).length)),void 0!==data.csi&&(validate25(data.csi,{instancePath:instancePath+"/csi",parentData:data,parentDataProperty:"csi",rootData})||(errors=(vErrors=null===vErrors?validate25.errors:vErrors.concat(validate25.errors)).length)),void 0!==data.downwardAPI&&(IoK8sApiCoreV1Volume_validate29(data.downwardAPI,{instancePath:instancePath+"/downwardAPI",parentData:data,parentDataProperty:"downwardAPI",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Volume_validate29.errors:vErrors.concat(IoK8sApiCoreV1Volume_validate29.errors)).length)),void 0!==data.emptyDir&&(IoK8sApiCoreV1Volume_validate33(data.emptyDir,{instancePath:instancePath+"/emptyDir",parentData:data,parentDataProperty:"emptyDir",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Volume_validate33.errors:vErrors.concat(IoK8sApiCoreV1Volume_validate33.errors)).length)),void 0!==data.ephemeral&&(validate37(data.ephemeral,{instancePath:instancePath+"/ephemeral",parentData:data,parentDataProperty:"ephemeral",rootData})||(errors=(vErrors=null===vErrors?validate37.errors:vErrors.concat(validate37.errors)).length)),void 0!==data.fc&&(validate41(data.fc,{instancePath:instancePath+"/fc",parentData:data,parentDataProperty:"fc",rootData})||(errors=(vErrors=null===vErrors?validate41.errors:vErrors.concat(validate41.errors)).length)),void 0!==data.flexVolume&&(IoK8sApiCoreV1Volume_validate45(data.flexVolume,{instancePath:instancePath+"/flexVolume",parentData:data,parentDataProperty:"flexVolume",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Volume_validate45.errors:vErrors.concat(IoK8sApiCoreV1Volume_validate45.errors)).length)),void 0!==data.flocker&&(validate49(data.flocker,{instancePath:instancePath+"/flocker",parentData:data,parentDataProperty:"flocker",rootData})||(errors=(vErrors=null===vErrors?validate49.errors:vErrors.concat(validate49.errors)).length)),void 0!==data.gcePersistentDisk&&(validate53(data.gcePersistentDisk,{instancePath:instancePath+"/gcePersistentDisk",parentData:data,parentDataProperty:"gcePersistentDisk",rootData})||(errors=(vErrors=null===vErrors?validate53.errors:vErrors.concat(validate53.errors)).length)),void 0!==data.gitRepo&&(validate57(data.gitRepo,{instancePath:instancePath+"/gitRepo",parentData:data,parentDataProperty:"gitRepo",rootData})||(errors=(vErrors=null===vErrors?validate57.errors:vErrors.concat(validate57.errors)).length)),void 0!==data.glusterfs&&(validate61(data.glusterfs,{instancePath:instancePath+"/glusterfs",parentData:data,parentDataProperty:"glusterfs",rootData})||(errors=(vErrors=null===vErrors?validate61.errors:vErrors.concat(validate61.errors)).length)),void 0!==data.hostPath&&(IoK8sApiCoreV1Volume_validate65(data.hostPath,{instancePath:instancePath+"/hostPath",parentData:data,parentDataProperty:"hostPath",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Volume_validate65.errors:vErrors.concat(IoK8sApiCoreV1Volume_validate65.errors)).length)),void 0!==data.image&&(IoK8sApiCoreV1Volume_validate69(data.image,{instancePath:instancePath+"/image",parentData:data,parentDataProperty:"image",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Volume_validate69.errors:vErrors.concat(IoK8sApiCoreV1Volume_validate69.errors)).length)),void 0!==data.iscsi&&(IoK8sApiCoreV1Volume_validate73(data.iscsi,{instancePath:instancePath+"/iscsi",parentData:data,parentDataProperty:"iscsi",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Volume_validate73.errors:vErrors.concat(IoK8sApiCoreV1Volume_validate73.errors)).length)),void 0!==data.name&&(validate77(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?validate77.errors:vErrors.concat(validate77.errors)).length)),void 0!==data.nfs&&(validate79(data.nfs,{instancePath:instancePath+"/nfs",parentData:data,parentDataProperty:"nfs",rootData})||(errors=(vErrors=null===vErrors?validate79.errors:vErrors.concat(validate79.errors)).length)),void 0!==data.persistentVolumeClaim&&(validate83(data.persistentVolumeClaim,{instancePath:instancePath+"/persistentVolumeClaim",parentData:data,parentDataProperty:"persistentVolumeClaim",rootData})||(errors=(vErrors=null===vErrors?validate83.errors:vErrors.concat(validate83.errors)).length)),void 0!==data.photonPersistentDisk&&(validate87(data.photonPersistentDisk,{instancePath:instancePath+"/photonPersistentDisk",parentData:data,parentDataProperty:"photonPersistentDisk",rootData})||(errors=(vErrors=null===vErrors?validate87.errors:vErrors.concat(validate87.errors)).length)),void 0!==data.portworxVolume&&(validate91(data.portworxVolume,{instancePath:instancePath+"/portworxVolume",parentData:data,parentDataProperty:"portworxVolume",rootData})||(errors=(vErrors=null===vErrors?validate91.errors:vErrors.concat(validate91.errors)).length)),void 0!==data.projected&&(validate95(data.projected,{instancePath:instancePath+"/projected",parentData:data,parentDataProperty:"projected",rootData})||(errors=(vErrors=null===vErrors?validate95.errors:vErrors.concat(validate95.errors)).length)),void 0!==data.quobyte&&(validate99(data.quobyte,{instancePath:instancePath+"/quobyte",parentData:data,parentDataProperty:"quobyte",rootData})||(errors=(vErrors=null===vErrors?validate99.errors:vErrors.concat(validate99.errors)).length)),void 0!==data.rbd&&(validate103(data.rbd,{instancePath:instancePath+"/rbd",parentData:data,parentDataProperty:"rbd",rootData})||(errors=(vErrors=null===vErrors?validate103.errors:vErrors.concat(validate103.errors)).length)),void 0!==data.scaleIO&&(validate107(data.scaleIO,{instancePath:instancePath+"/scaleIO",parentData:data,parentDataProperty:"scaleIO",rootData})||(errors=(vErrors=null===vErrors?validate107.errors:vErrors.concat(validate107.errors)).length)),void 0!==data.secret&&(validate111(data.secret,{instancePath:instancePath+"/secret",parentData:data,parentDataProperty:"secret",rootData})||(errors=(vErrors=null===vErrors?validate111.errors:vErrors.concat(validate111.errors)).length)),void 0!==data.storageos&&(validate115(data.storageos,{instancePath:instancePath+"/storageos",parentData:data,parentDataProperty:"storageos",rootData})||(errors=(vErrors=null===vErrors?validate115.errors:vErrors.concat(validate115.errors)).length)),void 0!==data.vsphereVolume&&(validate119(data.vsphereVolume,{instancePath:instancePath+"/vsphereVolume",parentData:data,parentDataProperty:"vsphereVolume",rootData})||(errors=(vErrors=null===vErrors?validate119.errors:vErrors.concat(validate119.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1Volume_validate0.errors=vErrors,0===errors}
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1PodSpec.js
const IoK8sApiCoreV1PodSpec_validate=IoK8sApiCoreV1PodSpec_validate6;let IoK8sApiCoreV1PodSpec_formats0=formats/* formats */.F.int64;function IoK8sApiCoreV1PodSpec_validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1PodSpec_formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int64"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1PodSpec_validate5.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSpec_validate8(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1Affinity_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Affinity_validate.errors:vErrors.concat(IoK8sApiCoreV1Affinity_validate.errors)).length)),IoK8sApiCoreV1PodSpec_validate8.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSpec_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodSpec_validate0.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSpec_validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1Container_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Container_validate.errors:vErrors.concat(IoK8sApiCoreV1Container_validate.errors)).length),IoK8sApiCoreV1PodSpec_validate2.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSpec_validate13(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1PodSpec_validate2(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate2.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate2.errors)).length)}else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodSpec_validate13.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSpec_validate16(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1PodDNSConfig_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodDNSConfig_validate.errors:vErrors.concat(IoK8sApiCoreV1PodDNSConfig_validate.errors)).length)),IoK8sApiCoreV1PodSpec_validate16.errors=vErrors,0===errors}let schema11_enum=["ClusterFirst","ClusterFirstWithHostNet","Default","None"];function validate20(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("ClusterFirst"!==data&&"ClusterFirstWithHostNet"!==data&&"Default"!==data&&"None"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema11_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate20.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSpec_validate24(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1EphemeralContainer_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1EphemeralContainer_validate.errors:vErrors.concat(IoK8sApiCoreV1EphemeralContainer_validate.errors)).length),IoK8sApiCoreV1PodSpec_validate24.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSpec_validate23(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1PodSpec_validate24(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate24.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate24.errors)).length)}return IoK8sApiCoreV1PodSpec_validate23.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSpec_validate30(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1HostAlias_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1HostAlias_validate.errors:vErrors.concat(IoK8sApiCoreV1HostAlias_validate.errors)).length),IoK8sApiCoreV1PodSpec_validate30.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSpec_validate29(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1PodSpec_validate30(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate30.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate30.errors)).length)}return IoK8sApiCoreV1PodSpec_validate29.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSpec_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return IoK8sApiCoreV1PodSpec_validate1.errors=vErrors,0===errors}function validate42(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return (0,IoK8sApiCoreV1LocalObjectReference/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1LocalObjectReference/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1LocalObjectReference/* validate */.t.errors)).length),validate42.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSpec_validate41(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate42(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate42.errors:vErrors.concat(validate42.errors)).length)}return IoK8sApiCoreV1PodSpec_validate41.errors=vErrors,0===errors}function validate47(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1PodSpec_validate2(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate2.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate2.errors)).length)}return validate47.errors=vErrors,0===errors}function validate52(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate52.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSpec_validate51(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!(data&&"object"==typeof data&&!Array.isArray(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(data&&"object"==typeof data&&!Array.isArray(data))for(let key0 in data)validate52(data[key0],{instancePath:instancePath+"/"+key0.replace(/~/g,"~0").replace(/\//g,"~1"),parentData:data,parentDataProperty:key0,rootData})||(errors=(vErrors=null===vErrors?validate52.errors:vErrors.concat(validate52.errors)).length);return IoK8sApiCoreV1PodSpec_validate51.errors=vErrors,0===errors}function validate55(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1PodOS_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodOS_validate.errors:vErrors.concat(IoK8sApiCoreV1PodOS_validate.errors)).length)),validate55.errors=vErrors,0===errors}function validate60(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return (0,IoK8sApimachineryPkgApiResourceQuantity/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApiResourceQuantity/* validate */.t.errors:vErrors.concat(IoK8sApimachineryPkgApiResourceQuantity/* validate */.t.errors)).length),validate60.errors=vErrors,0===errors}function validate59(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!(data&&"object"==typeof data&&!Array.isArray(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(data&&"object"==typeof data&&!Array.isArray(data))for(let key0 in data)validate60(data[key0],{instancePath:instancePath+"/"+key0.replace(/~/g,"~0").replace(/\//g,"~1"),parentData:data,parentDataProperty:key0,rootData})||(errors=(vErrors=null===vErrors?validate60.errors:vErrors.concat(validate60.errors)).length);return validate59.errors=vErrors,0===errors}let IoK8sApiCoreV1PodSpec_schema29_enum=["Never","PreemptLowerPriority"];function IoK8sApiCoreV1PodSpec_validate65(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("Never"!==data&&"PreemptLowerPriority"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:IoK8sApiCoreV1PodSpec_schema29_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1PodSpec_validate65.errors=vErrors,0===errors}let IoK8sApiCoreV1PodSpec_formats2=formats/* formats */.F.int32;function IoK8sApiCoreV1PodSpec_validate67(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!IoK8sApiCoreV1PodSpec_formats2.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int32"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1PodSpec_validate67.errors=vErrors,0===errors}function validate71(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1PodReadinessGate_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodReadinessGate_validate.errors:vErrors.concat(IoK8sApiCoreV1PodReadinessGate_validate.errors)).length),validate71.errors=vErrors,0===errors}function validate70(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate71(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate71.errors:vErrors.concat(validate71.errors)).length)}return validate70.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSpec_validate77(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1PodResourceClaim_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodResourceClaim_validate.errors:vErrors.concat(IoK8sApiCoreV1PodResourceClaim_validate.errors)).length),IoK8sApiCoreV1PodSpec_validate77.errors=vErrors,0===errors}function validate76(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1PodSpec_validate77(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate77.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate77.errors)).length)}return validate76.errors=vErrors,0===errors}function validate82(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,IoK8sApiCoreV1ResourceRequirements/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ResourceRequirements/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1ResourceRequirements/* validate */.t.errors)).length)),validate82.errors=vErrors,0===errors}let schema39_enum=["Always","Never","OnFailure"];function validate86(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("Always"!==data&&"Never"!==data&&"OnFailure"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema39_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate86.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSpec_validate91(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1PodSchedulingGate_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSchedulingGate_validate.errors:vErrors.concat(IoK8sApiCoreV1PodSchedulingGate_validate.errors)).length),IoK8sApiCoreV1PodSpec_validate91.errors=vErrors,0===errors}function validate90(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1PodSpec_validate91(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate91.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate91.errors)).length)}return validate90.errors=vErrors,0===errors}function validate96(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1PodSchedulingGroup_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSchedulingGroup_validate.errors:vErrors.concat(IoK8sApiCoreV1PodSchedulingGroup_validate.errors)).length)),validate96.errors=vErrors,0===errors}function validate100(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&(IoK8sApiCoreV1PodSecurityContext_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSecurityContext_validate.errors:vErrors.concat(IoK8sApiCoreV1PodSecurityContext_validate.errors)).length)),validate100.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSpec_validate111(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return (0,IoK8sApiCoreV1Toleration/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Toleration/* validate */.t.errors:vErrors.concat(IoK8sApiCoreV1Toleration/* validate */.t.errors)).length),IoK8sApiCoreV1PodSpec_validate111.errors=vErrors,0===errors}function validate110(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)IoK8sApiCoreV1PodSpec_validate111(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate111.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate111.errors)).length)}return validate110.errors=vErrors,0===errors}function validate117(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1TopologySpreadConstraint_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1TopologySpreadConstraint_validate.errors:vErrors.concat(IoK8sApiCoreV1TopologySpreadConstraint_validate.errors)).length),validate117.errors=vErrors,0===errors}function validate116(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate117(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate117.errors:vErrors.concat(validate117.errors)).length)}return validate116.errors=vErrors,0===errors}function validate123(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return IoK8sApiCoreV1Volume_validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1Volume_validate.errors:vErrors.concat(IoK8sApiCoreV1Volume_validate.errors)).length),validate123.errors=vErrors,0===errors}function validate122(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate123(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate123.errors:vErrors.concat(validate123.errors)).length)}return validate122.errors=vErrors,0===errors}function IoK8sApiCoreV1PodSpec_validate6(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.containers){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"containers"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.activeDeadlineSeconds&&(IoK8sApiCoreV1PodSpec_validate5(data.activeDeadlineSeconds,{instancePath:instancePath+"/activeDeadlineSeconds",parentData:data,parentDataProperty:"activeDeadlineSeconds",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate5.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate5.errors)).length)),void 0!==data.affinity&&(IoK8sApiCoreV1PodSpec_validate8(data.affinity,{instancePath:instancePath+"/affinity",parentData:data,parentDataProperty:"affinity",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate8.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate8.errors)).length)),void 0!==data.automountServiceAccountToken&&(IoK8sApiCoreV1PodSpec_validate0(data.automountServiceAccountToken,{instancePath:instancePath+"/automountServiceAccountToken",parentData:data,parentDataProperty:"automountServiceAccountToken",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate0.errors)).length)),void 0!==data.containers&&(IoK8sApiCoreV1PodSpec_validate13(data.containers,{instancePath:instancePath+"/containers",parentData:data,parentDataProperty:"containers",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate13.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate13.errors)).length)),void 0!==data.dnsConfig&&(IoK8sApiCoreV1PodSpec_validate16(data.dnsConfig,{instancePath:instancePath+"/dnsConfig",parentData:data,parentDataProperty:"dnsConfig",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate16.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate16.errors)).length)),void 0!==data.dnsPolicy&&(validate20(data.dnsPolicy,{instancePath:instancePath+"/dnsPolicy",parentData:data,parentDataProperty:"dnsPolicy",rootData})||(errors=(vErrors=null===vErrors?validate20.errors:vErrors.concat(validate20.errors)).length)),void 0!==data.enableServiceLinks&&(IoK8sApiCoreV1PodSpec_validate0(data.enableServiceLinks,{instancePath:instancePath+"/enableServiceLinks",parentData:data,parentDataProperty:"enableServiceLinks",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate0.errors)).length)),void 0!==data.ephemeralContainers&&(IoK8sApiCoreV1PodSpec_validate23(data.ephemeralContainers,{instancePath:instancePath+"/ephemeralContainers",parentData:data,parentDataProperty:"ephemeralContainers",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate23.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate23.errors)).length)),void 0!==data.hostAliases&&(IoK8sApiCoreV1PodSpec_validate29(data.hostAliases,{instancePath:instancePath+"/hostAliases",parentData:data,parentDataProperty:"hostAliases",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate29.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate29.errors)).length)),void 0!==data.hostIPC&&(IoK8sApiCoreV1PodSpec_validate0(data.hostIPC,{instancePath:instancePath+"/hostIPC",parentData:data,parentDataProperty:"hostIPC",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate0.errors)).length)),void 0!==data.hostNetwork&&(IoK8sApiCoreV1PodSpec_validate0(data.hostNetwork,{instancePath:instancePath+"/hostNetwork",parentData:data,parentDataProperty:"hostNetwork",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate0.errors)).length)),void 0!==data.hostPID&&(IoK8sApiCoreV1PodSpec_validate0(data.hostPID,{instancePath:instancePath+"/hostPID",parentData:data,parentDataProperty:"hostPID",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate0.errors)).length)),void 0!==data.hostUsers&&(IoK8sApiCoreV1PodSpec_validate0(data.hostUsers,{instancePath:instancePath+"/hostUsers",parentData:data,parentDataProperty:"hostUsers",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate0.errors)).length)),void 0!==data.hostname&&(IoK8sApiCoreV1PodSpec_validate1(data.hostname,{instancePath:instancePath+"/hostname",parentData:data,parentDataProperty:"hostname",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate1.errors)).length)),void 0!==data.hostnameOverride&&(IoK8sApiCoreV1PodSpec_validate1(data.hostnameOverride,{instancePath:instancePath+"/hostnameOverride",parentData:data,parentDataProperty:"hostnameOverride",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate1.errors)).length)),void 0!==data.imagePullSecrets&&(IoK8sApiCoreV1PodSpec_validate41(data.imagePullSecrets,{instancePath:instancePath+"/imagePullSecrets",parentData:data,parentDataProperty:"imagePullSecrets",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate41.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate41.errors)).length)),void 0!==data.initContainers&&(validate47(data.initContainers,{instancePath:instancePath+"/initContainers",parentData:data,parentDataProperty:"initContainers",rootData})||(errors=(vErrors=null===vErrors?validate47.errors:vErrors.concat(validate47.errors)).length)),void 0!==data.nodeName&&(IoK8sApiCoreV1PodSpec_validate1(data.nodeName,{instancePath:instancePath+"/nodeName",parentData:data,parentDataProperty:"nodeName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate1.errors)).length)),void 0!==data.nodeSelector&&(IoK8sApiCoreV1PodSpec_validate51(data.nodeSelector,{instancePath:instancePath+"/nodeSelector",parentData:data,parentDataProperty:"nodeSelector",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate51.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate51.errors)).length)),void 0!==data.os&&(validate55(data.os,{instancePath:instancePath+"/os",parentData:data,parentDataProperty:"os",rootData})||(errors=(vErrors=null===vErrors?validate55.errors:vErrors.concat(validate55.errors)).length)),void 0!==data.overhead&&(validate59(data.overhead,{instancePath:instancePath+"/overhead",parentData:data,parentDataProperty:"overhead",rootData})||(errors=(vErrors=null===vErrors?validate59.errors:vErrors.concat(validate59.errors)).length)),void 0!==data.preemptionPolicy&&(IoK8sApiCoreV1PodSpec_validate65(data.preemptionPolicy,{instancePath:instancePath+"/preemptionPolicy",parentData:data,parentDataProperty:"preemptionPolicy",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate65.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate65.errors)).length)),void 0!==data.priority&&(IoK8sApiCoreV1PodSpec_validate67(data.priority,{instancePath:instancePath+"/priority",parentData:data,parentDataProperty:"priority",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate67.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate67.errors)).length)),void 0!==data.priorityClassName&&(IoK8sApiCoreV1PodSpec_validate1(data.priorityClassName,{instancePath:instancePath+"/priorityClassName",parentData:data,parentDataProperty:"priorityClassName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate1.errors)).length)),void 0!==data.readinessGates&&(validate70(data.readinessGates,{instancePath:instancePath+"/readinessGates",parentData:data,parentDataProperty:"readinessGates",rootData})||(errors=(vErrors=null===vErrors?validate70.errors:vErrors.concat(validate70.errors)).length)),void 0!==data.resourceClaims&&(validate76(data.resourceClaims,{instancePath:instancePath+"/resourceClaims",parentData:data,parentDataProperty:"resourceClaims",rootData})||(errors=(vErrors=null===vErrors?validate76.errors:vErrors.concat(validate76.errors)).length)),void 0!==data.resources&&(validate82(data.resources,{instancePath:instancePath+"/resources",parentData:data,parentDataProperty:"resources",rootData})||(errors=(vErrors=null===vErrors?validate82.errors:vErrors.concat(validate82.errors)).length)),void 0!==data.restartPolicy&&(validate86(data.restartPolicy,{instancePath:instancePath+"/restartPolicy",parentData:data,parentDataProperty:"restartPolicy",rootData})||(errors=(vErrors=null===vErrors?validate86.errors:vErrors.concat(validate86.errors)).length)),void 0!==data.runtimeClassName&&(IoK8sApiCoreV1PodSpec_validate1(data.runtimeClassName,{instancePath:instancePath+"/runtimeClassName",parentData:data,parentDataProperty:"runtimeClassName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate1.errors)).length)),void 0!==data.schedulerName&&(IoK8sApiCoreV1PodSpec_validate1(data.schedulerName,{instancePath:instancePath+"/schedulerName",parentData:data,parentDataProperty:"schedulerName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate1.errors)).length)),void 0!==data.schedulingGates&&(validate90(data.schedulingGates,{instancePath:instancePath+"/schedulingGates",parentData:data,parentDataProperty:"schedulingGates",rootData})||(errors=(vErrors=null===vErrors?validate90.errors:vErrors.concat(validate90.errors)).length)),void 0!==data.schedulingGroup&&(validate96(data.schedulingGroup,{instancePath:instancePath+"/schedulingGroup",parentData:data,parentDataProperty:"schedulingGroup",rootData})||(errors=(vErrors=null===vErrors?validate96.errors:vErrors.concat(validate96.errors)).length)),void 0!==data.securityContext&&(validate100(data.securityContext,{instancePath:instancePath+"/securityContext",parentData:data,parentDataProperty:"securityContext",rootData})||(errors=(vErrors=null===vErrors?validate100.errors:vErrors.concat(validate100.errors)).length)),void 0!==data.serviceAccount&&(IoK8sApiCoreV1PodSpec_validate1(data.serviceAccount,{instancePath:instancePath+"/serviceAccount",parentData:data,parentDataProperty:"serviceAccount",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate1.errors)).length)),void 0!==data.serviceAccountName&&(IoK8sApiCoreV1PodSpec_validate1(data.serviceAccountName,{instancePath:instancePath+"/serviceAccountName",parentData:data,parentDataProperty:"serviceAccountName",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate1.errors)).length)),void 0!==data.setHostnameAsFQDN&&(IoK8sApiCoreV1PodSpec_validate0(data.setHostnameAsFQDN,{instancePath:instancePath+"/setHostnameAsFQDN",parentData:data,parentDataProperty:"setHostnameAsFQDN",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate0.errors)).length)),void 0!==data.shareProcessNamespace&&(IoK8sApiCoreV1PodSpec_validate0(data.shareProcessNamespace,{instancePath:instancePath+"/shareProcessNamespace",parentData:data,parentDataProperty:"shareProcessNamespace",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate0.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate0.errors)).length)),void 0!==data.subdomain&&(IoK8sApiCoreV1PodSpec_validate1(data.subdomain,{instancePath:instancePath+"/subdomain",parentData:data,parentDataProperty:"subdomain",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate1.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate1.errors)).length)),void 0!==data.terminationGracePeriodSeconds&&(IoK8sApiCoreV1PodSpec_validate5(data.terminationGracePeriodSeconds,{instancePath:instancePath+"/terminationGracePeriodSeconds",parentData:data,parentDataProperty:"terminationGracePeriodSeconds",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1PodSpec_validate5.errors:vErrors.concat(IoK8sApiCoreV1PodSpec_validate5.errors)).length)),void 0!==data.tolerations&&(validate110(data.tolerations,{instancePath:instancePath+"/tolerations",parentData:data,parentDataProperty:"tolerations",rootData})||(errors=(vErrors=null===vErrors?validate110.errors:vErrors.concat(validate110.errors)).length)),void 0!==data.topologySpreadConstraints&&(validate116(data.topologySpreadConstraints,{instancePath:instancePath+"/topologySpreadConstraints",parentData:data,parentDataProperty:"topologySpreadConstraints",rootData})||(errors=(vErrors=null===vErrors?validate116.errors:vErrors.concat(validate116.errors)).length)),void 0!==data.volumes&&(validate122(data.volumes,{instancePath:instancePath+"/volumes",parentData:data,parentDataProperty:"volumes",rootData})||(errors=(vErrors=null===vErrors?validate122.errors:vErrors.concat(validate122.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return IoK8sApiCoreV1PodSpec_validate6.errors=vErrors,0===errors}

/***/ }),

/***/ 8022:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
/* harmony import */ var _kubernetes_models_apimachinery_schemas_IoK8sApimachineryPkgApisMetaV1ObjectMeta__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3215);
/* harmony import */ var _IoK8sApiCoreV1PodSpec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(710);
const validate=validate0;function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,_kubernetes_models_apimachinery_schemas_IoK8sApimachineryPkgApisMetaV1ObjectMeta__WEBPACK_IMPORTED_MODULE_0__/* .validate */ .t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?_kubernetes_models_apimachinery_schemas_IoK8sApimachineryPkgApisMetaV1ObjectMeta__WEBPACK_IMPORTED_MODULE_0__/* .validate */ .t.errors:vErrors.concat(_kubernetes_models_apimachinery_schemas_IoK8sApimachineryPkgApisMetaV1ObjectMeta__WEBPACK_IMPORTED_MODULE_0__/* .validate */ .t.errors)).length)),validate1.errors=vErrors,0===errors}function validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return null!==data&&((0,_IoK8sApiCoreV1PodSpec_js__WEBPACK_IMPORTED_MODULE_1__/* .validate */ .t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?_IoK8sApiCoreV1PodSpec_js__WEBPACK_IMPORTED_MODULE_1__/* .validate */ .t.errors:vErrors.concat(_IoK8sApiCoreV1PodSpec_js__WEBPACK_IMPORTED_MODULE_1__/* .validate */ .t.errors)).length)),validate5.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.metadata&&(validate1(data.metadata,{instancePath:instancePath+"/metadata",parentData:data,parentDataProperty:"metadata",rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length)),void 0!==data.spec&&(validate5(data.spec,{instancePath:instancePath+"/spec",parentData:data,parentDataProperty:"spec",rootData})||(errors=(vErrors=null===vErrors?validate5.errors:vErrors.concat(validate5.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate0.errors=vErrors,0===errors}

/***/ }),

/***/ 8866:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
const validate=validate0;function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}function validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate3.errors=vErrors,0===errors}function validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate5.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.volumeID){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"volumeID"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.fsType&&(validate1(data.fsType,{instancePath:instancePath+"/fsType",parentData:data,parentDataProperty:"fsType",rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length)),void 0!==data.readOnly&&(validate3(data.readOnly,{instancePath:instancePath+"/readOnly",parentData:data,parentDataProperty:"readOnly",rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length)),void 0!==data.volumeID&&(validate5(data.volumeID,{instancePath:instancePath+"/volumeID",parentData:data,parentDataProperty:"volumeID",rootData})||(errors=(vErrors=null===vErrors?validate5.errors:vErrors.concat(validate5.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate0.errors=vErrors,0===errors}

/***/ }),

/***/ 154:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
const validate=validate2;function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate0.errors=vErrors,0===errors}function validate4(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("boolean"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"boolean"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate4.errors=vErrors,0===errors}function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}function validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.registry){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"registry"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.volume){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"volume"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.group&&(validate0(data.group,{instancePath:instancePath+"/group",parentData:data,parentDataProperty:"group",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.readOnly&&(validate4(data.readOnly,{instancePath:instancePath+"/readOnly",parentData:data,parentDataProperty:"readOnly",rootData})||(errors=(vErrors=null===vErrors?validate4.errors:vErrors.concat(validate4.errors)).length)),void 0!==data.registry&&(validate1(data.registry,{instancePath:instancePath+"/registry",parentData:data,parentDataProperty:"registry",rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length)),void 0!==data.tenant&&(validate0(data.tenant,{instancePath:instancePath+"/tenant",parentData:data,parentDataProperty:"tenant",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.user&&(validate0(data.user,{instancePath:instancePath+"/user",parentData:data,parentDataProperty:"user",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.volume&&(validate1(data.volume,{instancePath:instancePath+"/volume",parentData:data,parentDataProperty:"volume",rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return validate2.errors=vErrors,0===errors}

/***/ }),

/***/ 6946:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  t: () => (/* binding */ IoK8sApiCoreV1ResourceRequirements_validate)
});

;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ResourceClaim.js
const validate=validate0;function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}function validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate3.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.name){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"name"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.name&&(validate1(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?validate1.errors:vErrors.concat(validate1.errors)).length)),void 0!==data.request&&(validate3(data.request,{instancePath:instancePath+"/request",parentData:data,parentDataProperty:"request",rootData})||(errors=(vErrors=null===vErrors?validate3.errors:vErrors.concat(validate3.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate0.errors=vErrors,0===errors}
// EXTERNAL MODULE: ./node_modules/@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApiResourceQuantity.js
var IoK8sApimachineryPkgApiResourceQuantity = __webpack_require__(3304);
;// CONCATENATED MODULE: ./node_modules/kubernetes-models/_schemas/IoK8sApiCoreV1ResourceRequirements.js
const IoK8sApiCoreV1ResourceRequirements_validate=validate5;function validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return validate(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?validate.errors:vErrors.concat(validate.errors)).length),validate7.errors=vErrors,0===errors}function validate6(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate7(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate7.errors:vErrors.concat(validate7.errors)).length)}return validate6.errors=vErrors,0===errors}function IoK8sApiCoreV1ResourceRequirements_validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;return (0,IoK8sApimachineryPkgApiResourceQuantity/* validate */.t)(data,{instancePath,parentData,parentDataProperty,rootData})||(errors=(vErrors=null===vErrors?IoK8sApimachineryPkgApiResourceQuantity/* validate */.t.errors:vErrors.concat(IoK8sApimachineryPkgApiResourceQuantity/* validate */.t.errors)).length),IoK8sApiCoreV1ResourceRequirements_validate1.errors=vErrors,0===errors}function IoK8sApiCoreV1ResourceRequirements_validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!(data&&"object"==typeof data&&!Array.isArray(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(data&&"object"==typeof data&&!Array.isArray(data))for(let key0 in data)IoK8sApiCoreV1ResourceRequirements_validate1(data[key0],{instancePath:instancePath+"/"+key0.replace(/~/g,"~0").replace(/\//g,"~1"),parentData:data,parentDataProperty:key0,rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ResourceRequirements_validate1.errors:vErrors.concat(IoK8sApiCoreV1ResourceRequirements_validate1.errors)).length);return IoK8sApiCoreV1ResourceRequirements_validate0.errors=vErrors,0===errors}function validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.claims&&(validate6(data.claims,{instancePath:instancePath+"/claims",parentData:data,parentDataProperty:"claims",rootData})||(errors=(vErrors=null===vErrors?validate6.errors:vErrors.concat(validate6.errors)).length)),void 0!==data.limits&&(IoK8sApiCoreV1ResourceRequirements_validate0(data.limits,{instancePath:instancePath+"/limits",parentData:data,parentDataProperty:"limits",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ResourceRequirements_validate0.errors:vErrors.concat(IoK8sApiCoreV1ResourceRequirements_validate0.errors)).length)),void 0!==data.requests&&(IoK8sApiCoreV1ResourceRequirements_validate0(data.requests,{instancePath:instancePath+"/requests",parentData:data,parentDataProperty:"requests",rootData})||(errors=(vErrors=null===vErrors?IoK8sApiCoreV1ResourceRequirements_validate0.errors:vErrors.concat(IoK8sApiCoreV1ResourceRequirements_validate0.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate5.errors=vErrors,0===errors}

/***/ }),

/***/ 6282:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
const validate=validate1;function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate0.errors=vErrors,0===errors}function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.level&&(validate0(data.level,{instancePath:instancePath+"/level",parentData:data,parentDataProperty:"level",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.role&&(validate0(data.role,{instancePath:instancePath+"/role",parentData:data,parentDataProperty:"role",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.type&&(validate0(data.type,{instancePath:instancePath+"/type",parentData:data,parentDataProperty:"type",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.user&&(validate0(data.user,{instancePath:instancePath+"/user",parentData:data,parentDataProperty:"user",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}

/***/ }),

/***/ 1239:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
/* harmony import */ var _kubernetes_models_validate__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5707);
const validate=validate1;let schema2_enum=["NoExecute","NoSchedule","PreferNoSchedule"];function validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("NoExecute"!==data&&"NoSchedule"!==data&&"PreferNoSchedule"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema2_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate2.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate0.errors=vErrors,0===errors}let schema3_enum=["Equal","Exists","Gt","Lt"];function validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("Equal"!==data&&"Exists"!==data&&"Gt"!==data&&"Lt"!==data){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema3_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate5.errors=vErrors,0===errors}let formats0=_kubernetes_models_validate__WEBPACK_IMPORTED_MODULE_0__/* .formats */ .F.int64;function validate7(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!("number"==typeof data&&!(data%1)&&!isNaN(data)&&isFinite(data))&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"integer"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if("number"==typeof data&&isFinite(data)&&!formats0.validate(data)){let err1={instancePath,schemaPath:"#/format",keyword:"format",params:{format:"int64"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate7.errors=vErrors,0===errors}function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data))void 0!==data.effect&&(validate2(data.effect,{instancePath:instancePath+"/effect",parentData:data,parentDataProperty:"effect",rootData})||(errors=(vErrors=null===vErrors?validate2.errors:vErrors.concat(validate2.errors)).length)),void 0!==data.key&&(validate0(data.key,{instancePath:instancePath+"/key",parentData:data,parentDataProperty:"key",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.operator&&(validate5(data.operator,{instancePath:instancePath+"/operator",parentData:data,parentDataProperty:"operator",rootData})||(errors=(vErrors=null===vErrors?validate5.errors:vErrors.concat(validate5.errors)).length)),void 0!==data.tolerationSeconds&&(validate7(data.tolerationSeconds,{instancePath:instancePath+"/tolerationSeconds",parentData:data,parentDataProperty:"tolerationSeconds",rootData})||(errors=(vErrors=null===vErrors?validate7.errors:vErrors.concat(validate7.errors)).length)),void 0!==data.value&&(validate0(data.value,{instancePath:instancePath+"/value",parentData:data,parentDataProperty:"value",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length));else{let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate1.errors=vErrors,0===errors}

/***/ }),

/***/ 3045:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
const validate=validate1;function validate2(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate2.errors=vErrors,0===errors}function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate0.errors=vErrors,0===errors}function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.kind){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"kind"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(void 0===data.name){let err1={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"name"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}void 0!==data.apiGroup&&(validate2(data.apiGroup,{instancePath:instancePath+"/apiGroup",parentData:data,parentDataProperty:"apiGroup",rootData})||(errors=(vErrors=null===vErrors?validate2.errors:vErrors.concat(validate2.errors)).length)),void 0!==data.kind&&(validate0(data.kind,{instancePath:instancePath+"/kind",parentData:data,parentDataProperty:"kind",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.name&&(validate0(data.name,{instancePath:instancePath+"/name",parentData:data,parentDataProperty:"name",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return validate1.errors=vErrors,0===errors}

/***/ }),

/***/ 8722:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ validate)
/* harmony export */ });
const validate=validate1;function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate0.errors=vErrors,0===errors}function validate5(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}return validate5.errors=vErrors,0===errors}function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.volumePath){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"volumePath"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.fsType&&(validate0(data.fsType,{instancePath:instancePath+"/fsType",parentData:data,parentDataProperty:"fsType",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.storagePolicyID&&(validate0(data.storagePolicyID,{instancePath:instancePath+"/storagePolicyID",parentData:data,parentDataProperty:"storagePolicyID",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.storagePolicyName&&(validate0(data.storagePolicyName,{instancePath:instancePath+"/storagePolicyName",parentData:data,parentDataProperty:"storagePolicyName",rootData})||(errors=(vErrors=null===vErrors?validate0.errors:vErrors.concat(validate0.errors)).length)),void 0!==data.volumePath&&(validate5(data.volumePath,{instancePath:instancePath+"/volumePath",parentData:data,parentDataProperty:"volumePath",rootData})||(errors=(vErrors=null===vErrors?validate5.errors:vErrors.concat(validate5.errors)).length))}else{let err1={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate1.errors=vErrors,0===errors}

/***/ }),

/***/ 2798:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('[{"scheme":"fax","description":"fax","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2806"},{"type":"rfc","href":"http://www.iana.org/go/rfc3966"}]},{"scheme":"filesystem","description":"filesystem","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/historic/filesystem"},{"scheme":"mailserver","description":"Access to data available from mail servers","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc6196"}]},{"scheme":"modem","description":"modem","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2806"},{"type":"rfc","href":"http://www.iana.org/go/rfc3966"}]},{"scheme":"pack","description":"pack","reference":[{"type":"draft","href":"http://www.iana.org/go/draft-shur-pack-uri-scheme"}],"template":"http://www.iana.org/assignments/uri-schemes/historic/pack"},{"scheme":"prospero","description":"Prospero Directory Service","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4157"}]},{"scheme":"snews","description":"NNTP over SSL/TLS","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc5538"}]},{"scheme":"videotex","description":"videotex","reference":[{"type":"draft","href":"http://www.iana.org/go/draft-mavrakis-videotex-url-spec"},{"type":"rfc","href":"http://www.iana.org/go/rfc2122"},{"type":"rfc","href":"http://www.iana.org/go/rfc3986"}],"template":"http://www.iana.org/assignments/uri-schemes/historic/videotex"},{"scheme":"wais","description":"Wide Area Information Servers","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4156"}]},{"scheme":"z39.50","description":"Z39.50 information access","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc1738"},{"type":"rfc","href":"http://www.iana.org/go/rfc2056"}]}]');

/***/ }),

/***/ 7364:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('[{"scheme":"aaa","description":"Diameter Protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc6733"}]},{"scheme":"aaas","description":"Diameter Protocol with Secure Transport","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc6733"}]},{"scheme":"about","description":"about","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc6694"}]},{"scheme":"acap","description":"application configuration access protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2244"}]},{"scheme":"acct","description":"acct","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc7565"}]},{"scheme":"cap","description":"Calendar Access Protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4324"}]},{"scheme":"cid","description":"content identifier","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2392"}]},{"scheme":"coap","description":"coap","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc7252"}]},{"scheme":"coaps","description":"coaps","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc7252"}]},{"scheme":"crid","description":"TV-Anytime Content Reference Identifier","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4078"}]},{"scheme":"data","description":"data","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2397"}]},{"scheme":"dav","description":"dav","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4918"}]},{"scheme":"dict","description":"dictionary service protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2229"}]},{"scheme":"dns","description":"Domain Name System","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4501"}]},{"scheme":"example","description":"example","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc7595"}]},{"scheme":"file","description":"Host-specific file names","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc1738"}]},{"scheme":"ftp","description":"File Transfer Protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc1738"}]},{"scheme":"geo","description":"Geographic Locations","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc5870"}]},{"scheme":"go","description":"go","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc3368"}]},{"scheme":"gopher","description":"The Gopher Protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4266"}]},{"scheme":"h323","description":"H.323","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc3508"}]},{"scheme":"http","description":"Hypertext Transfer Protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc7230"}]},{"scheme":"https","description":"Hypertext Transfer Protocol Secure","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc7230"}]},{"scheme":"iax","description":"Inter-Asterisk eXchange Version 2","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc5456"}]},{"scheme":"icap","description":"Internet Content Adaptation Protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc3507"}]},{"scheme":"im","description":"Instant Messaging","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc3860"}]},{"scheme":"imap","description":"internet message access protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc5092"}]},{"scheme":"info","description":"Information Assets with Identifiers in Public Namespaces. \\n       (section 3) defines an \\"info\\" registry \\n        of public namespaces, which is maintained by NISO and can be accessed \\n        from .","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4452"}]},{"scheme":"ipp","description":"Internet Printing Protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc3510"}]},{"scheme":"ipps","description":"Internet Printing Protocol over HTTPS","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc7472"}]},{"scheme":"iris","description":"Internet Registry Information Service","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc3981"}]},{"scheme":"iris.beep","description":"iris.beep","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc3983"}]},{"scheme":"iris.lwz","description":"iris.lwz","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4993"}]},{"scheme":"iris.xpc","description":"iris.xpc","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4992"}]},{"scheme":"iris.xpcs","description":"iris.xpcs","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4992"}]},{"scheme":"jabber","description":"jabber","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/perm/jabber"},{"scheme":"ldap","description":"Lightweight Directory Access Protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4516"}]},{"scheme":"mailto","description":"Electronic mail address","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc6068"}]},{"scheme":"mid","description":"message identifier","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2392"}]},{"scheme":"msrp","description":"Message Session Relay Protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4975"}]},{"scheme":"msrps","description":"Message Session Relay Protocol Secure","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4975"}]},{"scheme":"mtqp","description":"Message Tracking Query Protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc3887"}]},{"scheme":"mupdate","description":"Mailbox Update (MUPDATE) Protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc3656"}]},{"scheme":"news","description":"USENET news","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc5538"}]},{"scheme":"nfs","description":"network file system protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2224"}]},{"scheme":"ni","description":"ni","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc6920"}]},{"scheme":"nih","description":"nih","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc6920"}]},{"scheme":"nntp","description":"USENET news using NNTP access","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc5538"}]},{"scheme":"opaquelocktoken","description":"opaquelocktokent","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4918"}]},{"scheme":"pkcs11","description":"PKCS#11","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc7512"}]},{"scheme":"pop","description":"Post Office Protocol v3","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2384"}]},{"scheme":"pres","description":"Presence","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc3859"}]},{"scheme":"reload","description":"reload","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc6940"}]},{"scheme":"rtsp","description":"Real-time Streaming Protocol (RTSP)","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2326"},{"type":"draft","href":"http://www.iana.org/go/RFC-ietf-mmusic-rfc2326bis-40"}]},{"scheme":"rtsps","description":"Real-time Streaming Protocol (RTSP) over TLS","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2326"},{"type":"draft","href":"http://www.iana.org/go/RFC-ietf-mmusic-rfc2326bis-40"}]},{"scheme":"rtspu","description":"Real-time Streaming Protocol (RTSP) over unreliable datagram transport","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2326"}]},{"scheme":"service","description":"service location","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2609"}]},{"scheme":"session","description":"session","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc6787"}]},{"scheme":"shttp","description":"Secure Hypertext Transfer Protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2660"}]},{"scheme":"sieve","description":"ManageSieve Protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc5804"}]},{"scheme":"sip","description":"session initiation protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc3261"}]},{"scheme":"sips","description":"secure session initiation protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc3261"}]},{"scheme":"sms","description":"Short Message Service","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc5724"}]},{"scheme":"snmp","description":"Simple Network Management Protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4088"}]},{"scheme":"soap.beep","description":"soap.beep","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4227"}]},{"scheme":"soap.beeps","description":"soap.beeps","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4227"}]},{"scheme":"stun","description":"stun","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc7064"}]},{"scheme":"stuns","description":"stuns","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc7064"}]},{"scheme":"tag","description":"tag","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4151"}]},{"scheme":"tel","description":"telephone","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc3966"}]},{"scheme":"telnet","description":"Reference to interactive sessions","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc4248"}]},{"scheme":"tftp","description":"Trivial File Transfer Protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc3617"}]},{"scheme":"thismessage","description":"multipart/related relative reference resolution","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2557"}],"template":"http://www.iana.org/assignments/uri-schemes/perm/thismessage"},{"scheme":"tip","description":"Transaction Internet Protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2371"}]},{"scheme":"tn3270","description":"Interactive 3270 emulation sessions","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc6270"}]},{"scheme":"turn","description":"turn","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc7065"}]},{"scheme":"turns","description":"turns","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc7065"}]},{"scheme":"tv","description":"TV Broadcasts","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2838"}]},{"scheme":"urn","description":"Uniform Resource Names","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2141"},{"type":"registry","href":"http://www.iana.org/assignments/urn-namespaces"}]},{"scheme":"vemmi","description":"versatile multimedia interface","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2122"}]},{"scheme":"vnc","description":"Remote Framebuffer Protocol","reference":[{"type":"draft","href":"http://www.iana.org/go/RFC-warden-appsawg-vnc-scheme-10"}]},{"scheme":"ws","description":"WebSocket connections","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc6455"}]},{"scheme":"wss","description":"Encrypted WebSocket connections","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc6455"}]},{"scheme":"xcon","description":"xcon","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc6501"}]},{"scheme":"xcon-userid","description":"xcon-userid","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc6501"}]},{"scheme":"xmlrpc.beep","description":"xmlrpc.beep","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc3529"}]},{"scheme":"xmlrpc.beeps","description":"xmlrpc.beeps","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc3529"}]},{"scheme":"xmpp","description":"Extensible Messaging and Presence Protocol","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc5122"}]},{"scheme":"z39.50r","description":"Z39.50 Retrieval","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2056"}]},{"scheme":"z39.50s","description":"Z39.50 Session","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc2056"}]}]');

/***/ }),

/***/ 852:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('[{"scheme":"acr","description":"acr","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/acr"},{"scheme":"adiumxtra","description":"adiumxtra","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/adiumxtra"},{"scheme":"afp","description":"afp","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/afp"},{"scheme":"afs","description":"Andrew File System global file names","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc1738"}]},{"scheme":"aim","description":"aim","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/aim"},{"scheme":"appdata","description":"appdata","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/appdata"},{"scheme":"apt","description":"apt","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/apt"},{"scheme":"attachment","description":"attachment","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/attachment"},{"scheme":"aw","description":"aw","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/aw"},{"scheme":"barion","description":"barion","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/barion"},{"scheme":"beshare","description":"beshare","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/beshare"},{"scheme":"bitcoin","description":"bitcoin","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/bitcoin"},{"scheme":"blob","description":"blob","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/blob"},{"scheme":"bolo","description":"bolo","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/bolo"},{"scheme":"callto","description":"callto","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/callto"},{"scheme":"chrome","description":"chrome","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/chrome"},{"scheme":"chrome-extension","description":"chrome-extension","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/chrome-extension"},{"scheme":"com-eventbrite-attendee","description":"com-eventbrite-attendee","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/com-eventbrite-attendee"},{"scheme":"content","description":"content","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/content"},{"scheme":"cvs","description":"cvs","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/cvs"},{"scheme":"dis","description":"dis","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/dis"},{"scheme":"dlna-playcontainer","description":"dlna-playcontainer","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/dlna-playcontainer"},{"scheme":"dlna-playsingle","description":"dlna-playsingle","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/dlna-playsingle"},{"scheme":"dntp","description":"dntp","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/dntp"},{"scheme":"dtn","description":"DTNRG research and development","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc5050"}]},{"scheme":"dvb","description":"dvb","reference":[{"type":"draft","href":"http://www.iana.org/go/draft-mcroberts-uri-dvb"}]},{"scheme":"ed2k","description":"ed2k","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ed2k"},{"scheme":"facetime","description":"facetime","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/facetime"},{"scheme":"feed","description":"feed","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/feed"},{"scheme":"feedready","description":"feedready","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/feedready"},{"scheme":"finger","description":"finger","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/finger"},{"scheme":"fish","description":"fish","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/fish"},{"scheme":"gg","description":"gg","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/gg"},{"scheme":"git","description":"git","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/git"},{"scheme":"gizmoproject","description":"gizmoproject","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/gizmoproject"},{"scheme":"gtalk","description":"gtalk","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/gtalk"},{"scheme":"ham","description":"ham","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc7046"}]},{"scheme":"hcp","description":"hcp","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/hcp"},{"scheme":"icon","description":"icon","reference":[{"type":"draft","href":"http://www.iana.org/go/draft-lafayette-icon-uri-scheme"}]},{"scheme":"iotdisco","description":"iotdisco","reference":[{"type":"uri","href":"http://www.iana.org/assignments/uri-schemes/prov/iotdisco.pdf"}],"template":"http://www.iana.org/assignments/uri-schemes/prov/iotdisco"},{"scheme":"ipn","description":"ipn","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc6260"}]},{"scheme":"irc","description":"irc","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/irc"},{"scheme":"irc6","description":"irc6","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/irc6"},{"scheme":"ircs","description":"ircs","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ircs"},{"scheme":"isostore","description":"isostore","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/isostore"},{"scheme":"itms","description":"itms","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/itms"},{"scheme":"jar","description":"jar","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/jar"},{"scheme":"jms","description":"Java Message Service","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc6167"}]},{"scheme":"keyparc","description":"keyparc","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/keyparc"},{"scheme":"lastfm","description":"lastfm","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/lastfm"},{"scheme":"ldaps","description":"ldaps","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ldaps"},{"scheme":"magnet","description":"magnet","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/magnet"},{"scheme":"maps","description":"maps","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/maps"},{"scheme":"market","description":"market","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/market"},{"scheme":"message","description":"message","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/message"},{"scheme":"mms","description":"mms","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/mms"},{"scheme":"ms-access","description":"ms-access","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-access"},{"scheme":"ms-drive-to","description":"ms-drive-to","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-drive-to"},{"scheme":"ms-enrollment","description":"ms-enrollment","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-enrollment"},{"scheme":"ms-excel","description":"ms-excel","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-excel"},{"scheme":"ms-getoffice","description":"ms-getoffice","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-getoffice"},{"scheme":"ms-help","description":"ms-help","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-help"},{"scheme":"ms-infopath","description":"ms-infopath","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-infopath"},{"scheme":"ms-media-stream-id","description":"ms-media-stream-id","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-media-stream-id"},{"scheme":"ms-powerpoint","description":"ms-powerpoint","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-powerpoint"},{"scheme":"ms-project","description":"ms-project","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-project"},{"scheme":"ms-publisher","description":"ms-publisher","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-publisher"},{"scheme":"ms-search-repair","description":"ms-search-repair","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-search-repair"},{"scheme":"ms-secondary-screen-controller","description":"ms-secondary-screen-controller","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-secondary-screen-controller"},{"scheme":"ms-secondary-screen-setup","description":"ms-secondary-screen-setup","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-secondary-screen-setup"},{"scheme":"ms-settings","description":"ms-settings","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings"},{"scheme":"ms-settings-airplanemode","description":"ms-settings-airplanemode","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings-airplanemode"},{"scheme":"ms-settings-bluetooth","description":"ms-settings-bluetooth","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings-bluetooth"},{"scheme":"ms-settings-camera","description":"ms-settings-camera","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings-camera"},{"scheme":"ms-settings-cellular","description":"ms-settings-cellular","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings-cellular"},{"scheme":"ms-settings-cloudstorage","description":"ms-settings-cloudstorage","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings-cloudstorage"},{"scheme":"ms-settings-connectabledevices","description":"ms-settings-connectabledevices","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings-connectabledevices"},{"scheme":"ms-settings-displays-topology","description":"ms-settings-displays-topology","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings-displays-topology"},{"scheme":"ms-settings-emailandaccounts","description":"ms-settings-emailandaccounts","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings-emailandaccounts"},{"scheme":"ms-settings-language","description":"ms-settings-language","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings-language"},{"scheme":"ms-settings-location","description":"ms-settings-location","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings-location"},{"scheme":"ms-settings-lock","description":"ms-settings-lock","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings-lock"},{"scheme":"ms-settings-nfctransactions","description":"ms-settings-nfctransactions","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings-nfctransactions"},{"scheme":"ms-settings-notifications","description":"ms-settings-notifications","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings-notifications"},{"scheme":"ms-settings-power","description":"ms-settings-power","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings-power"},{"scheme":"ms-settings-privacy","description":"ms-settings-privacy","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings-privacy"},{"scheme":"ms-settings-proximity","description":"ms-settings-proximity","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings-proximity"},{"scheme":"ms-settings-screenrotation","description":"ms-settings-screenrotation","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings-screenrotation"},{"scheme":"ms-settings-wifi","description":"ms-settings-wifi","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings-wifi"},{"scheme":"ms-settings-workplace","description":"ms-settings-workplace","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-settings-workplace"},{"scheme":"ms-spd","description":"ms-spd","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-spd"},{"scheme":"ms-transit-to","description":"ms-transit-to","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-transit-to"},{"scheme":"ms-visio","description":"ms-visio","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-visio"},{"scheme":"ms-walk-to","description":"ms-walk-to","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-walk-to"},{"scheme":"ms-word","description":"ms-word","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ms-word"},{"scheme":"msnim","description":"msnim","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/msnim"},{"scheme":"mumble","description":"mumble","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/mumble"},{"scheme":"mvn","description":"mvn","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/mvn"},{"scheme":"notes","description":"notes","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/notes"},{"scheme":"oid","description":"oid","reference":[{"type":"draft","href":"http://www.iana.org/go/draft-larmouth-oid-iri"}],"template":"http://www.iana.org/assignments/uri-schemes/prov/oid"},{"scheme":"palm","description":"palm","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/palm"},{"scheme":"paparazzi","description":"paparazzi","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/paparazzi"},{"scheme":"platform","description":"platform","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/platform"},{"scheme":"proxy","description":"proxy","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/proxy"},{"scheme":"psyc","description":"psyc","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/psyc"},{"scheme":"query","description":"query","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/query"},{"scheme":"redis","description":"redis","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/redis"},{"scheme":"rediss","description":"rediss","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/rediss"},{"scheme":"res","description":"res","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/res"},{"scheme":"resource","description":"resource","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/resource"},{"scheme":"rmi","description":"rmi","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/rmi"},{"scheme":"rsync","description":"rsync","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc5781"}]},{"scheme":"rtmfp","description":"rtmfp","reference":[{"type":"rfc","href":"http://www.iana.org/go/rfc7425"}],"template":"http://www.iana.org/assignments/uri-schemes/prov/rtmfp"},{"scheme":"rtmp","description":"rtmp","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/rtmp"},{"scheme":"secondlife","description":"query","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/secondlife"},{"scheme":"sftp","description":"query","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/sftp"},{"scheme":"sgn","description":"sgn","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/sgn"},{"scheme":"skype","description":"skype","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/skype"},{"scheme":"smb","description":"smb","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/smb"},{"scheme":"smtp","description":"smtp","reference":[{"type":"draft","href":"http://www.iana.org/go/draft-melnikov-smime-msa-to-mda"}],"template":"http://www.iana.org/assignments/uri-schemes/prov/smtp"},{"scheme":"soldat","description":"soldat","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/soldat"},{"scheme":"spotify","description":"spotify","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/spotify"},{"scheme":"ssh","description":"ssh","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ssh"},{"scheme":"steam","description":"steam","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/steam"},{"scheme":"submit","description":"submit","reference":[{"type":"draft","href":"http://www.iana.org/go/draft-melnikov-smime-msa-to-mda"}],"template":"http://www.iana.org/assignments/uri-schemes/prov/submit"},{"scheme":"svn","description":"svn","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/svn"},{"scheme":"teamspeak","description":"teamspeak","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/teamspeak"},{"scheme":"teliaeid","description":"teliaeid","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/teliaeid"},{"scheme":"things","description":"things","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/things"},{"scheme":"tool","description":"tool","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/tool"},{"scheme":"udp","description":"udp","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/udp"},{"scheme":"unreal","description":"unreal","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/unreal"},{"scheme":"ut2004","description":"ut2004","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ut2004"},{"scheme":"v-event","description":"v-event","reference":[{"type":"draft","href":"http://www.iana.org/go/draft-menderico-v-event-uri"}],"template":"http://www.iana.org/assignments/uri-schemes/prov/v-event"},{"scheme":"ventrilo","description":"ventrilo","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ventrilo"},{"scheme":"view-source","description":"view-source","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/view-source"},{"scheme":"webcal","description":"webcal","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/webcal"},{"scheme":"wpid","description":"wpid","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/wpid"},{"scheme":"wtai","description":"wtai","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/wtai"},{"scheme":"wyciwyg","description":"wyciwyg","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/wyciwyg"},{"scheme":"xfire","description":"xfire","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/xfire"},{"scheme":"xri","description":"xri","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/xri"},{"scheme":"ymsgr","description":"ymsgr","reference":[],"template":"http://www.iana.org/assignments/uri-schemes/prov/ymsgr"}]');

/***/ }),

/***/ 3446:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('[{"scheme":"android-app"},{"scheme":"webpack"},{"scheme":"s3","description":"Amazon Web Services S3 bucket"},{"scheme":"gs","description":"Google Cloud Storage"},{"scheme":"mqtt","description":"Message Queuing Telemetry Transport Protocol"},{"scheme":"modbus+tcp","description":"Modbus over TCP"}]');

/***/ })

};

return {id,ids,modules};})