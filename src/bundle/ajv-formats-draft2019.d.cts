// The stand-in's types (ajv-formats-draft2019.cjs): five string predicates by format name.
declare const formats: {
  readonly iri: (value: string) => boolean;
  readonly duration: (value: string) => boolean;
  readonly 'idn-email': (value: string) => boolean;
  readonly 'idn-hostname': (value: string) => boolean;
  readonly 'iri-reference': (value: string) => boolean;
};
export = formats;
