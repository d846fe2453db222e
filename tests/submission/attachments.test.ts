import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkAttachmentFiles, describeAttachment, sha256Hex } from '../../src/submission/attachments.js';
import { encoder } from './helpers.js';

const bytes = encoder.encode('%PDF-1.7 test');

describe('sha256Hex', () => {
  it('matches sha256sum', async () => {
    expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('describeAttachment', () => {
  it('records size and digest, NFC name and lower-case media type', async () => {
    const ref = await describeAttachment({ field: 'idCardCopy', name: 'Jose\u0301.pdf', mediaType: 'Application/PDF', bytes });
    expect(ref).toEqual({
      field: 'idCardCopy',
      name: 'José.pdf',
      mediaType: 'application/pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });
});

describe('checkAttachmentFiles', () => {
  it('accepts exactly the declared files', async () => {
    const ref = await describeAttachment({ field: 'f', name: 'a.pdf', mediaType: 'application/pdf', bytes });
    await expect(checkAttachmentFiles([ref], new Map([['a.pdf', bytes]]))).resolves.toBeUndefined();
    await expect(checkAttachmentFiles([], new Map())).resolves.toBeUndefined();
  });

  it('names the declared entry that does not match', async () => {
    const ref = await describeAttachment({ field: 'f', name: 'a.pdf', mediaType: 'application/pdf', bytes });
    const same = Uint8Array.from(bytes);
    same[0] = 0;
    await expect(checkAttachmentFiles([ref], new Map([['a.pdf', same]]))).rejects.toMatchObject({
      code: 'E_ATTACHMENT_DIGEST',
      pointer: '/attachments/0',
    });
  });
});
