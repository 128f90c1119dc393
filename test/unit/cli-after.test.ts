/** `snapshot <graph> --after <event>`: the state just after an event, as text and JSON. */
import { describe, expect, test } from 'vitest';
import { run } from '../../src/cli/main.ts';

function cli(...args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('snapshot --after', () => {
  test('text: the event, what left and arrived, and the outline without the divided raikom', () => {
    const r = cli('snapshot', 'leningrad-region', '--after', 'tsentralno-gorodskoi-divided-1930');
    expect(r.code).toBe(0);
    const [head, left, arrived] = r.out.split('\n');
    expect(head).toMatch(/just after Tsentral'no-gorodskoi divided into Oktiabr'skii and Smol'ninskii \(May 1930 to December 1930, step \d+\)/);
    expect(left).toBe("left: Tsentral'no-gorodskoi raikom (raikom-tsentralno-gorodskoi)");
    expect(arrived).toBe("arrived: Oktiabr'skii raikom (raikom-oktiabrskii), Smol'ninskii raikom (raikom-smolninskii)");
    expect(r.out).not.toContain('[raikom-tsentralno-gorodskoi,');
    expect(r.out).not.toContain('okruzhkom');
  });

  test('JSON: the organs and the step', () => {
    const r = cli('snapshot', 'leningrad-region', '--after', 'okruzhkoms-abolished-1930', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { after: { event: string; left: string[]; arrived: string[]; ended: string[] }; organs: { id: string; vague: boolean }[] };
    expect(json.after.event).toBe('okruzhkoms-abolished-1930');
    expect(json.after.ended).toContain('okruzhkom-pskov');
    expect(json.after.left).toContain('okruzhkom-pskov');
    const ids = json.organs.map((o) => o.id);
    expect(ids).toContain('rural-raikoms');
    expect(ids.some((id) => id.startsWith('okruzhkom-'))).toBe(false);
    expect(json.organs.find((o) => o.id === 'raikom-cherepovetskii')?.vague).toBe(true);
  });

  test('an unknown event, or --at with --after, is bad usage', () => {
    expect(cli('snapshot', 'example', '--after', 'nope')).toMatchObject({ code: 2, err: expect.stringContaining('no event "nope" in example') });
    expect(cli('snapshot', 'example', '--after', 'x', '--at', '1930')).toMatchObject({ code: 2, err: expect.stringContaining('not both') });
  });
});
