// Stands in for @actions/http-client when the bundles are built (the `paths` entry in tsconfig.json).
// @actions/core imports its HttpClient at the top of the module for the OIDC token (core.getIDToken,
// which this suite never calls), and the real module loads node:https, tls and tunnel as it is
// evaluated: a third of a small action's cold start. @actions/tool-cache (kube/install.ts, loaded
// only to download a tool) uses it too. Both only construct an HttpClient and await its requests, so
// this one keeps the constructor's arguments and loads the real client at its first request.
// Tests run with the real package.
import type * as Real from '../../node_modules/@actions/http-client/lib/index.js';

type RealClient = Real.HttpClient;
type Args = ConstructorParameters<typeof Real.HttpClient>;

let real: Promise<typeof Real> | undefined;
// A path, not the package name: the name is this file while bundling.
const load = () => (real ??= import('../../node_modules/@actions/http-client/lib/index.js'));

export class HttpClient {
  #args: Args;
  #client: Promise<RealClient> | undefined;
  #loaded: RealClient | undefined;

  constructor(...args: Args) {
    this.#args = args;
  }

  async #real(): Promise<RealClient> {
    this.#client ??= load().then((module) => (this.#loaded = new module.HttpClient(...this.#args)));
    return this.#client;
  }

  async options(...args: Parameters<RealClient['options']>) {
    return (await this.#real()).options(...args);
  }
  async get(...args: Parameters<RealClient['get']>) {
    return (await this.#real()).get(...args);
  }
  async del(...args: Parameters<RealClient['del']>) {
    return (await this.#real()).del(...args);
  }
  async post(...args: Parameters<RealClient['post']>) {
    return (await this.#real()).post(...args);
  }
  async patch(...args: Parameters<RealClient['patch']>) {
    return (await this.#real()).patch(...args);
  }
  async put(...args: Parameters<RealClient['put']>) {
    return (await this.#real()).put(...args);
  }
  async head(...args: Parameters<RealClient['head']>) {
    return (await this.#real()).head(...args);
  }
  async sendStream(...args: Parameters<RealClient['sendStream']>) {
    return (await this.#real()).sendStream(...args);
  }
  async getJson<T>(...args: Parameters<RealClient['getJson']>) {
    return (await this.#real()).getJson<T>(...args);
  }
  async postJson<T>(...args: Parameters<RealClient['postJson']>) {
    return (await this.#real()).postJson<T>(...args);
  }
  async putJson<T>(...args: Parameters<RealClient['putJson']>) {
    return (await this.#real()).putJson<T>(...args);
  }
  async patchJson<T>(...args: Parameters<RealClient['patchJson']>) {
    return (await this.#real()).patchJson<T>(...args);
  }
  async request(...args: Parameters<RealClient['request']>) {
    return (await this.#real()).request(...args);
  }
  async requestRaw(...args: Parameters<RealClient['requestRaw']>) {
    return (await this.#real()).requestRaw(...args);
  }
  dispose(): void {
    this.#loaded?.dispose();
  }
}
