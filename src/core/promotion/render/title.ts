/** The pull request's title and the first line of its commit: one wording wherever it is shown. */
export function promotionTitle(app: string, tag: string, environment: string): string {
  return `Promote ${app} to ${tag} in ${environment}`;
}
