import { describe, expect, it } from 'vitest';
import { allowsAddress, allowsHost, parseAllowList, refusedRange } from '../../src/sources/address.js';

describe('refusedRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.1.1', 'linkLocal'],
    ['169.254.169.254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.255', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd00:ec2::254', 'metadata'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['2001:db8::1', 'reserved'],
    ['not an address', 'invalid'],
  ])('%s is refused (%s)', (address, range) => {
    expect(refusedRange(address)).toBe(range);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '100.63.255.255',
    '100.128.0.0',
    '172.32.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
  ])('%s is public', (address) => {
    expect(refusedRange(address)).toBeNull();
  });
});

describe('allow list', () => {
  const allow = parseAllowList(' 127.0.0.1, 10.0.0.0/8 ,Intranet.Example., [::1], ::ffff:192.168.0.0/112');

  it('matches addresses and ranges, IPv4-mapped forms included', () => {
    expect(allowsAddress(allow, '127.0.0.1')).toBe(true);
    expect(allowsAddress(allow, '::ffff:127.0.0.1')).toBe(true);
    expect(allowsAddress(allow, '127.0.0.2')).toBe(false);
    expect(allowsAddress(allow, '10.200.3.4')).toBe(true);
    expect(allowsAddress(allow, '11.0.0.1')).toBe(false);
    expect(allowsAddress(allow, '::1')).toBe(true);
    expect(allowsAddress(allow, '192.168.4.5')).toBe(true);
    expect(allowsAddress(allow, 'intranet.example')).toBe(false);
  });

  it('matches host names exactly, case and trailing dot aside', () => {
    expect(allowsHost(allow, 'intranet.example')).toBe(true);
    expect(allowsHost(allow, 'INTRANET.example.')).toBe(true);
    expect(allowsHost(allow, 'www.intranet.example')).toBe(false);
  });

  it('is empty for no value, and names a bad entry', () => {
    expect(parseAllowList(undefined).ranges).toHaveLength(0);
    expect(parseAllowList('').hosts.size).toBe(0);
    expect(() => parseAllowList('127.0.0.1, 10.0.0.0/40')).toThrow(/10\.0\.0\.0\/40/);
    expect(() => parseAllowList('http://x')).toThrow(/http:\/\/x/);
  });
});
