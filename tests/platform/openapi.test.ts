import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOpenApi } from '../../src/openapi.ts';

describe('OpenAPI 文書', () => {
  it('コミットされた openapi.json がルートのスキーマから生成したものと一致する（古ければ npm run openapi）', async () => {
    const generated = JSON.parse(JSON.stringify(await generateOpenApi()));
    const committed = JSON.parse(readFileSync('openapi.json', 'utf8'));
    expect(committed).toEqual(generated);
  });

  it('ログインなど主要なルートを日本語の概要つきで含む', async () => {
    const doc = (await generateOpenApi()) as { paths: Record<string, Record<string, { summary?: string }>> };
    expect(doc.paths['/api/auth/login']?.post?.summary).toBe('ログイン');
    expect(doc.paths['/api/people']?.get?.summary).toContain('従業者一覧');
  });
});
