import type { CliIO } from '../io';
export function termsCommand(_argv: string[], _io: CliIO): number { return 2; }
