declare module 'edtf' {
  export function parse(input: string, options?: Record<string, unknown>): { type: string; values: unknown[]; [key: string]: unknown };
  const edtf: (input: string) => { min: number; max: number; edtf: string };
  export default edtf;
}
