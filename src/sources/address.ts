/**
 * Which network addresses the fetcher may connect to: public unicast only, unless an allow list
 * (the value of CITEBOT_FETCH_ALLOW: comma-separated host names, addresses or CIDR ranges) lists them.
 */
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** A parsed allow list: exact host names, and address ranges. */
export interface AllowList {
  hosts: ReadonlySet<string>;
  ranges: readonly [Address, number][];
}

export const EMPTY_ALLOW_LIST: AllowList = { hosts: new Set(), ranges: [] };

/** Well-known cloud metadata endpoints, named as such (all also fall in a refused range). */
const METADATA = new Set([
  '169.254.169.254',
  '169.254.170.2',
  '100.100.100.200',
  '192.0.0.192',
  'fd00:ec2::254',
]);

const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,62}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}[a-z0-9_])?)*$/;

/**
 * Parses an allow list such as `127.0.0.1, 10.0.0.0/8, intranet.example`; throws an Error naming the
 * first entry that is neither a host name, an address nor a CIDR range.
 */
export function parseAllowList(value: string | null | undefined): AllowList {
  const hosts = new Set<string>();
  const ranges: [Address, number][] = [];
  for (const raw of (value ?? '').split(',')) {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^\[(.*)\]$/, '$1');
    if (entry === '') continue;
    if (entry.includes('/')) {
      try {
        const [address, bits] = ipaddr.parseCIDR(entry);
        ranges.push([unmap(address), address.kind() === 'ipv6' && isMapped(address) ? bits - 96 : bits]);
        continue;
      } catch {
        throw new Error(`"${raw.trim()}" is not a valid CIDR range`);
      }
    }
    if (ipaddr.isValid(entry)) {
      const address = unmap(ipaddr.parse(entry));
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (HOST_NAME.test(entry.replace(/\.$/, ''))) {
      hosts.add(entry.replace(/\.$/, ''));
    } else {
      throw new Error(`"${raw.trim()}" is not a host name, an address or a CIDR range`);
    }
  }
  return { hosts, ranges };
}

/** True when the allow list names `host` (a URL's host name, lower case) itself. */
export function allowsHost(allow: AllowList, host: string): boolean {
  return allow.hosts.has(
    host
      .toLowerCase()
      .replace(/^\[(.*)\]$/, '$1')
      .replace(/\.$/, ''),
  );
}

/** True when `address` lies in one of the allow list's ranges. */
export function allowsAddress(allow: AllowList, address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = unmap(ipaddr.parse(address));
  return allow.ranges.some(([base, bits]) => base.kind() === ip.kind() && ip.match(base, bits));
}

/**
 * The kind of non-public range `address` falls in (`loopback`, `private`, `metadata`, …), or null
 * for a public unicast address. Addresses that embed an IPv4 one (IPv4-mapped, IPv4-compatible,
 * NAT64, 6to4) are judged by the embedded address. Anything unparseable is refused as `invalid`.
 *
 * @example
 * refusedRange('::ffff:127.0.0.1') // 'loopback'
 */
export function refusedRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'invalid';
  const ip = ipaddr.parse(address);
  if (METADATA.has(ip.toString())) return 'metadata';
  if (ip.kind() === 'ipv4') {
    const range = ip.range();
    return range === 'unicast' ? null : range;
  }
  const v6 = ip as ipaddr.IPv6;
  const embedded = embeddedIPv4(v6);
  if (embedded) return refusedRange(embedded.toString());
  const range = v6.range();
  return range === 'unicast' ? null : range;
}

/** The IPv4 address inside an IPv4-mapped, -compatible, -translated, NAT64 or 6to4 IPv6 address. */
function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = ip.parts;
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  const zeros = (from: number, to: number) => p.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && (p[5] === 0xffff || p[5] === 0)) {
    if (p[5] === 0 && p[6] === 0) return null; // :: and ::1 have their own ranges
    return v4(p[6] ?? 0, p[7] ?? 0);
  }
  if (zeros(0, 4) && p[4] === 0xffff && p[5] === 0) return v4(p[6] ?? 0, p[7] ?? 0); // RFC 6145
  if (p[0] === 0x64 && p[1] === 0xff9b && zeros(2, 6)) return v4(p[6] ?? 0, p[7] ?? 0); // NAT64
  if (p[0] === 0x2002) return v4(p[1] ?? 0, p[2] ?? 0); // 6to4
  return null;
}

function isMapped(ip: Address): boolean {
  return ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress();
}

function unmap(ip: Address): Address {
  return isMapped(ip) ? (ip as ipaddr.IPv6).toIPv4Address() : ip;
}
