// Cases of the peer tables that this project reads differently, each with the reason. They are
// still run: a disputed case that fails is reported as skipped with its reason (never silently),
// and one that starts to pass is reported so that this list is kept honest. The README repeats them.
export const DISPUTED: readonly { table: string; idPrefix: string; reason: string }[] = [
  {
    table: 'image-ref-cases.json',
    idPrefix: 'parse[14] ',
    reason:
      "distribution's test binary links only sha256, so its digest package calls sha512 unsupported; the OCI image spec registers sha512 too, registries and the kubelet pull by it, and a manifest pinned by it must be found and bumped",
  },
  {
    table: 'image-ref-cases.json',
    idPrefix: 'argocdNewFromIdentifier[7] ',
    reason:
      "Argo CD's legacy fallback parser accepts the 5-hex-digit digest sha256:abcde; the distribution grammar (and a registry) refuse it, and the same table's parse section requires too-short digests to fail",
  },
  {
    table: 'image-ref-cases.json',
    idPrefix: 'argocdNewFromIdentifier[8] ',
    reason: 'as argocdNewFromIdentifier[7], with a tag: sha256:abcde is not a valid digest in the distribution grammar',
  },
];

export function disputeOf(table: string, id: string) {
  return DISPUTED.find((entry) => entry.table === table && id.startsWith(entry.idPrefix));
}
