/**
 * DNS for image downloads: a host name is resolved once, every address it resolves to is checked, and the
 * socket connects to exactly those checked addresses (the lookup hook hands them to `net.connect`), so a
 * second, different DNS answer (rebinding) never gets a say.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { isForbiddenAddress } from './address-policy.js';
import { ImageFetchError } from './image-errors.js';

/** Resolves a host name to every address it has. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

/** The system resolver (`getaddrinfo`, as Node's own connections use). */
export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });

/** Which forbidden addresses may be reached anyway: all of them, or those of listed host names and addresses. */
export interface AddressAllowance {
  allowPrivateHosts: boolean;
  /** Host names or address literals reachable whatever their address (an internal image proxy). */
  allowedHosts?: readonly string[];
}

/**
 * Resolves `hostname` (an IP literal resolves to itself) and refuses it when any of its addresses is
 * forbidden and not allowed. Performs I/O.
 */
export async function resolveAllowed(hostname: string, resolver: Resolver, allowance: AddressAllowance): Promise<LookupAddress[]> {
  const literal = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  const version = isIP(literal);
  let addresses: LookupAddress[];
  if (version !== 0) addresses = [{ address: literal, family: version }];
  else {
    try {
      addresses = await resolver(literal);
    } catch (error) {
      throw new ImageFetchError('dns_failed', `cannot resolve ${literal}`, { cause: error });
    }
    if (addresses.length === 0) throw new ImageFetchError('dns_failed', `${literal} has no address`);
  }
  // Host names arrive lower-cased from the URL parser, and IPv6 literals compare case-insensitively.
  const allowed = new Set((allowance.allowedHosts ?? []).map((host) => host.toLowerCase()));
  const isAllowed = (address: string) => allowance.allowPrivateHosts || allowed.has(literal) || allowed.has(address) || allowed.has(`[${address}]`);
  const forbidden = addresses.find((entry) => isForbiddenAddress(entry.address) && !isAllowed(entry.address));
  if (forbidden !== undefined) {
    throw new ImageFetchError('forbidden_address', `${literal} resolves to ${forbidden.address}, a private or special-purpose address`);
  }
  return addresses;
}

/** A `lookup` for `http.request` that answers with `addresses` only, whatever name it is asked about. */
export function pinnedLookup(addresses: readonly LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = typeof options.family === 'number' ? options.family : 0;
    const usable = addresses.filter((entry) => family === 0 || entry.family === family);
    if (usable.length === 0) {
      callback(Object.assign(new Error(`no IPv${family} address`), { code: 'ENOTFOUND' }), '', 0);
      return;
    }
    if (options.all === true) callback(null, usable);
    else callback(null, usable[0]!.address, usable[0]!.family);
  };
}
