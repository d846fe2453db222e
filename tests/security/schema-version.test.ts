/**
 * Schema version (SECURITY.md §2 "Schema version", §3 case 21): a submission
 * names its form by id AND the hash of the exact schema it was filled in; the
 * verifier looks up that pair, never "the latest", and re-validates with it.
 * Real built forms (`dist/forms`): Shandong and its Weihai variant.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemaHash } from '../../src/compile/hash.js';
import { verify } from '../../src/submission/verify.js';
import { ROOT } from '../helpers/forms.js';
import { testKey } from '../submission/helpers.js';
import { builtModel, builtRegistry, examplePayload, type Obj, signWith } from './helpers.js';

type Key = Awaited<ReturnType<typeof testKey>>;
let key: Key;

beforeAll(async () => {
  key = await testKey();
});

async function shandong(edit: (payload: Obj) => void = () => undefined): Promise<{ token: string; now: Date }> {
  const { payload, now } = await examplePayload('shandong', 'valid/one-service-pension.json');
  edit(payload);
  return { token: await signWith(key, payload), now };
}

describe('case 21: the exact schema, never the latest', () => {
  it('accepts a Shandong submission with Shandong\'s schemaHash (control)', async () => {
    const { token, now } = await shandong();
    expect(await verify(token, { forms: builtRegistry, now })).toMatchObject({ ok: true });
  });

  it("Weihai's schemaHash at Shandong → E_SCHEMA_MISMATCH", async () => {
    const weihai = await builtModel('weihai');
    const shandongModel = await builtModel('shandong');
    expect(weihai.schemaHash).not.toBe(shandongModel.schemaHash);
    const { token, now } = await shandong((p) => {
      p.form.schemaHash = weihai.schemaHash;
    });
    expect(await verify(token, { forms: builtRegistry, now })).toMatchObject({ ok: false, code: 'E_SCHEMA_MISMATCH', pointer: '/form/schemaHash' });
  });

  it('the hash of an edited Shandong schema (one title changed) → E_SCHEMA_MISMATCH', async () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'forms', 'shandong', 'schema.json'), 'utf8')) as Obj;
    expect(schemaHash(schema)).toBe((await builtModel('shandong')).schemaHash);
    const edited = { ...schema, title: `${String(schema.title)} ` };
    const { token, now } = await shandong((p) => {
      p.form.schemaHash = schemaHash(edited);
    });
    expect(await verify(token, { forms: builtRegistry, now })).toMatchObject({ ok: false, code: 'E_SCHEMA_MISMATCH' });
  });

  it("Shandong's id with Weihai's version and hash is still Shandong's form → E_SCHEMA_MISMATCH, not Weihai's rules", async () => {
    const weihai = await builtModel('weihai');
    const { token, now } = await shandong((p) => {
      p.form.version = weihai.version;
      p.form.schemaHash = weihai.schemaHash;
    });
    expect(await verify(token, { forms: builtRegistry, now })).toMatchObject({ ok: false, code: 'E_SCHEMA_MISMATCH' });
  });

  it('an unknown form id → E_FORM_UNKNOWN; a path-like id never reaches the file system', async () => {
    for (const id of ['shandong-latest', '../shandong', 'Shandong']) {
      const { token, now } = await shandong((p) => {
        p.form.id = id;
      });
      const verdict = await verify(token, { forms: builtRegistry, now });
      expect(verdict.ok, id).toBe(false);
      expect(['E_FORM_UNKNOWN', 'E_PAYLOAD_INVALID']).toContain(verdict.ok ? '' : verdict.code);
    }
  });

  it('re-validates the data with that form\'s own validator: an invalid 性别 → E_DATA_INVALID with its issue', async () => {
    const { token, now } = await shandong((p) => {
      p.data.applicant.sex = 'unknown';
    });
    const verdict = await verify(token, { forms: builtRegistry, now });
    expect(verdict).toMatchObject({ ok: false, code: 'E_DATA_INVALID' });
    expect(verdict.ok ? [] : verdict.issues?.map((i) => i.path)).toContain('/applicant/sex');
  });
});
