"""The SSRF guard: a URL is fetched only when every address its host resolves to is public.

A feed or a page can name any URL, and a server running dispacci could be made to
fetch its own admin interfaces, a cloud metadata service (169.254.169.254) or a
private network. So each URL, and every redirect, is resolved first and refused when
any address is loopback, private, link-local, shared (CGNAT), multicast, reserved or
unspecified, IPv4 hidden in IPv6 included; the connection then goes to the address
that was checked, so a second DNS answer cannot swap it (DNS rebinding).
"""
from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

from ..errors import Errors, InputError

__all__ = ["Resolver", "checked_addresses", "address_kind"]

Resolver = Callable[..., list]
_SHARED = ipaddress.ip_network("100.64.0.0/10")
_NUMERIC_HOST = re.compile(r"^(?:0x[0-9a-f]+|\d+)(?:\.(?:0x[0-9a-f]+|\d+)){0,3}$", re.I)


def address_kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address may not be fetched, or None when it is public."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo[1] if address.teredo else None)
        if embedded is not None:
            return address_kind(embedded) or None
    for kind, test in (("loopback", "is_loopback"), ("unspecified", "is_unspecified"),
                       ("link-local", "is_link_local"), ("multicast", "is_multicast"),
                       ("private", "is_private"), ("reserved", "is_reserved")):
        if getattr(address, test):
            return kind
    if isinstance(address, ipaddress.IPv4Address) and address in _SHARED:
        return "shared (carrier-grade NAT)"
    return None


def _literal(host: str):
    """The address a host written as an IP stands for, in any spelling a resolver accepts
    (``127.1``, ``2130706433``, ``0x7f000001``, ``[::1]``)."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    if _NUMERIC_HOST.match(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def checked_addresses(url: str, *, allow_private: bool = False,
                      resolve: Resolver = socket.getaddrinfo) -> list[str]:
    """The addresses to connect to for ``url``, after refusing what must not be reached."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError("E514", Errors.E514.format(scheme=parts.scheme or ""), source=url)
    host = parts.hostname
    if not host:
        raise InputError("E511", Errors.E511.format(reason="the URL names no host"), source=url)
    literal = _literal(host)
    if literal is not None:
        addresses = [literal]
    else:
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise InputError("E511", Errors.E511.format(reason="the URL's port is not a number"), source=url) from None
        try:
            answers = resolve(host, port, proto=socket.IPPROTO_TCP)
        except (OSError, UnicodeError) as error:
            raise InputError("E511", Errors.E511.format(reason=f"cannot resolve {host}: {error}"), source=url) from None
        addresses = [ipaddress.ip_address(answer[4][0].split("%")[0]) for answer in answers]
    if not addresses:
        raise InputError("E511", Errors.E511.format(reason=f"{host} has no address"), source=url)
    if not allow_private:
        for address in addresses:
            kind = address_kind(address)
            if kind is not None:
                raise InputError("E510", Errors.E510.format(host=host, address=address, kind=kind), source=url)
    return [str(a) for a in addresses]
