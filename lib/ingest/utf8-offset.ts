// Finds where a byte sequence stops being valid UTF-8, because TextDecoder's fatal mode
// only says "invalid" and an admin needs a position to find the bad character.

/** Byte offset of the first byte of the first invalid sequence, or null when all is valid. */
export function findInvalidUtf8Offset(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const length = sequenceLength(lead);
    if (length === 0 || i + length > bytes.length) return i;
    if (!secondByteValid(lead, bytes[i + 1] as number)) return i;
    for (let k = 2; k < length; k += 1) {
      if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return null;
}

// C0, C1 and F5..FF can never start a sequence (overlong or beyond U+10FFFF).
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

// The narrowed ranges reject overlong forms, UTF-16 surrogates (ED A0..) and code points > U+10FFFF.
function secondByteValid(lead: number, second: number): boolean {
  if (lead === 0xe0) return second >= 0xa0 && second <= 0xbf;
  if (lead === 0xed) return second >= 0x80 && second <= 0x9f;
  if (lead === 0xf0) return second >= 0x90 && second <= 0xbf;
  if (lead === 0xf4) return second >= 0x80 && second <= 0x8f;
  return second >= 0x80 && second <= 0xbf;
}
