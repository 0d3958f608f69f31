// A request matched against the config: which app, which environment, which branch and title.
import {
  findApp,
  findEnvironment,
  type AppConfig,
  type EnvironmentConfig,
  type PromotionConfig,
} from '../config/index.js';
import { invalid } from '../errors.js';
import { sameRepository } from '../image-ref.js';
import { requestField, type PromotionRequest } from '../request.js';
import { promotionTitle } from './render/title.js';

export const BRANCH_PREFIX = 'gitops-promote';

/** A request matched against the config: which app, which environment, which branch. */
export interface Promotion {
  app: AppConfig;
  environment: EnvironmentConfig;
  tag: string;
  digest: string | undefined;
  request: PromotionRequest;
  /** `gitops-promote/<env>/<app>`: one branch, hence one open pull request, per (app, environment). */
  branch: string;
  title: string;
}

/** Matches the request to the config; an unknown app or environment, or another image, is a user error. */
export function resolvePromotion(config: PromotionConfig, request: PromotionRequest): Promotion {
  const environment = findEnvironment(config, request.environment);
  const app = findApp(config, request.app);
  if (!sameRepository(app.image, request.image)) {
    throw invalid(
      requestField(request, 'image'),
      request.image,
      `the image of app ${app.name} in ${config.file}: ${app.image}`,
    );
  }
  return {
    app,
    environment,
    tag: request.tag,
    digest: request.digest,
    request,
    branch: `${BRANCH_PREFIX}/${environment.name}/${app.name}`,
    title: promotionTitle(
      app.name,
      request.tag,
      environment.name,
      request.provenance.kind === 'promotion' ? request.provenance.fromEnvironment : undefined,
    ),
  };
}
