// The promotion story's config (stg runs the dev build that was healthy in dev; prod only releases), for the status tests.
export const WALK_CONFIG = `environments:
  - name: dev
    path: releases/dev
    tags: glob:dev-*
  - name: stg
    path: releases/stg
    tags: glob:dev-*
    from: dev
  - name: prod
    path: releases/prod
    tags: semver:~0.4
    from: stg
apps:
  podinfo:
    image: ghcr.io/acme/podinfo
    paths: [podinfo.yaml]
  api:
    image: ghcr.io/acme/api
    paths: [api]
`;
