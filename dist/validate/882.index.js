(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 882;
const ids = [882];
const modules = {

/***/ 165:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ exec)
/* harmony export */ });
/* unused harmony export getExecOutput */
let real;
// A path, not the package name: the name is this file while bundling.
const load = () => (real ??= __webpack_require__.e(/* import() */ 955).then(__webpack_require__.bind(__webpack_require__, 1955)));
async function exec(...args) {
    return (await load()).exec(...args);
}
async function getExecOutput(...args) {
    return (await load()).getExecOutput(...args);
}


/***/ }),

/***/ 70:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ HttpClient)
/* harmony export */ });
let real;
// A path, not the package name: the name is this file while bundling.
const load = () => (real ??= __webpack_require__.e(/* import() */ 219).then(__webpack_require__.bind(__webpack_require__, 4219)));
class HttpClient {
    #args;
    #client;
    #loaded;
    constructor(...args) {
        this.#args = args;
    }
    async #real() {
        this.#client ??= load().then((module) => (this.#loaded = new module.HttpClient(...this.#args)));
        return this.#client;
    }
    async options(...args) {
        return (await this.#real()).options(...args);
    }
    async get(...args) {
        return (await this.#real()).get(...args);
    }
    async del(...args) {
        return (await this.#real()).del(...args);
    }
    async post(...args) {
        return (await this.#real()).post(...args);
    }
    async patch(...args) {
        return (await this.#real()).patch(...args);
    }
    async put(...args) {
        return (await this.#real()).put(...args);
    }
    async head(...args) {
        return (await this.#real()).head(...args);
    }
    async sendStream(...args) {
        return (await this.#real()).sendStream(...args);
    }
    async getJson(...args) {
        return (await this.#real()).getJson(...args);
    }
    async postJson(...args) {
        return (await this.#real()).postJson(...args);
    }
    async putJson(...args) {
        return (await this.#real()).putJson(...args);
    }
    async patchJson(...args) {
        return (await this.#real()).patchJson(...args);
    }
    async request(...args) {
        return (await this.#real()).request(...args);
    }
    async requestRaw(...args) {
        return (await this.#real()).requestRaw(...args);
    }
    dispose() {
        this.#loaded?.dispose();
    }
}


/***/ })

};

return {id,ids,modules};})